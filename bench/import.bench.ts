// `npm run bench -- import`: (1) everything in ../shared/data imported on SQLite and PostgreSQL, wall time and
// peak memory; (2) a synthetic TVmaze-shaped file (100,000 shows, 2,000,000 episodes) on both engines,
// episodes per second, against a bare insert of the same number of rows measured in the same run
// (better-sqlite3 batched inserts; PostgreSQL COPY), and peak memory at two file sizes (flat = streaming).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { ROOT } from '../src/testing/server.ts';
import { syntheticShow } from './tvmaze-synthetic.ts';

const PG = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SHOWS = Number(process.env.BENCH_SHOWS ?? 100_000);
const PER_SHOW = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-import-bench-'));
const data = path.resolve(ROOT, '../shared/data');
const bin = path.join(ROOT, 'bin/nextseason.js');

async function pgDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs the CLI under GNU time: wall seconds and peak resident memory. */
function timed(args: string[], databaseUrl: string): { seconds: number; peakMiB: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return { seconds: (performance.now() - started) / 1000, peakMiB: kb / 1024, stdout: result.stdout };
}

function writeSynthetic(file: string, shows: number): number {
  const fd = fs.openSync(file, 'w');
  let lines: string[] = [];
  for (let i = 0; i < shows; i++) {
    lines.push(JSON.stringify(syntheticShow(i, PER_SHOW)));
    if (lines.length === 1000) {
      fs.writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) fs.writeSync(fd, `${lines.join('\n')}\n`);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

function rawSqlite(rows: number): number {
  const db = new SQLite(path.join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.exec(
    'create table t (id integer primary key, show_id integer, season integer, number integer, title text, airdate text, airstamp text, runtime integer)',
  );
  const insert = db.prepare('insert into t (show_id, season, number, title, airdate, airstamp, runtime) values (?, ?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++)
      insert.run(i >> 4, 1 + ((i >> 3) & 1), i & 7, `Episode ${i}`, '2024-01-01', '2024-01-01T20:00:00.000Z', 45);
  });
  for (let i = 0; i < rows; i += 10_000) batch(i, Math.min(rows, i + 10_000));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

async function rawPgCopy(rows: number, url: string): Promise<number> {
  const csv = path.join(dir, 'raw.csv');
  const fd = fs.openSync(csv, 'w');
  for (let i = 0; i < rows; i += 10_000) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(rows, i + 10_000); j++)
      lines.push(`${j >> 4},${1 + ((j >> 3) & 1)},${j & 7},Episode ${j},2024-01-01,2024-01-01T20:00:00Z,45`);
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    'create table raw_t (id serial primary key, show_id int, season int, number int, title text, airdate date, airstamp timestamptz, runtime int)',
  );
  await client.end();
  const started = performance.now();
  execFileSync('psql', [
    url,
    '-q',
    '-c',
    `\\copy raw_t (show_id, season, number, title, airdate, airstamp, runtime) from '${csv}' with (format csv)`,
  ]);
  return (performance.now() - started) / 1000;
}

/** The same number of rows, bare, into the catalogue's own episodes table (its four indexes and two foreign keys), after the import's own episodes are cleared. */
function catalogueSqlite(file: string, rows: number): number {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec('delete from episodes');
  const seasons = db.prepare('select id, show_id from seasons order by id').all() as Array<{ id: number; show_id: number }>;
  const insert = db.prepare(
    "insert into episodes (show_id, season_id, number, title, airdate, airstamp, runtime_minutes, tvmaze_id, origin) values (?, ?, ?, ?, ?, ?, ?, ?, 'tvmaze')",
  );
  const per = Math.ceil(rows / seasons.length);
  const started = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const s = seasons[Math.floor(i / per)] as { id: number; show_id: number };
      insert.run(s.show_id, s.id, 1 + (i % per), `Episode ${i}`, '2024-01-01', '2024-01-01T20:00:00.000Z', 45, i);
    }
  });
  for (let i = 0; i < rows; i += 10_000) batch(i, Math.min(rows, i + 10_000));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

async function cataloguePgCopy(url: string, rows: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('truncate episodes');
  const seasons = (await client.query<{ id: number; show_id: number }>('select id, show_id from seasons order by id')).rows;
  await client.end();
  const per = Math.ceil(rows / seasons.length);
  const csv = path.join(dir, 'episodes.csv');
  const fd = fs.openSync(csv, 'w');
  for (let i = 0; i < rows; i += 10_000) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(rows, i + 10_000); j++) {
      const s = seasons[Math.floor(j / per)] as { id: number; show_id: number };
      lines.push(`${s.show_id},${s.id},${1 + (j % per)},Episode ${j},2024-01-01,2024-01-01T20:00:00Z,45,${j},tvmaze`);
    }
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
  const started = performance.now();
  execFileSync('psql', [
    url,
    '-q',
    '-c',
    `\\copy episodes (show_id, season_id, number, title, airdate, airstamp, runtime_minutes, tvmaze_id, origin) from '${csv}' with (format csv)`,
  ]);
  return (performance.now() - started) / 1000;
}

const rows: string[] = ['| measure | SQLite | PostgreSQL |', '|---|---|---|'];

// (1) All of ../shared/data.
if (fs.existsSync(data)) {
  const inputs: Array<[string, string[]]> = [
    ['netflix-titles', [path.join(data, 'netflix-titles/netflix_titles.csv.gz')]],
    ['economist-imdb', [path.join(data, 'imdb-economist-tv-ratings/IMDb_Economist_tv_ratings.csv')]],
    [
      'tvmaze',
      fs
        .readdirSync(path.join(data, 'tvmaze-web-schedule-2024-01'))
        .sort()
        .map((f) => path.join(data, 'tvmaze-web-schedule-2024-01', f)),
    ],
  ];
  const results: Record<string, { seconds: number; peakMiB: number }> = {};
  for (const engine of ['sqlite', 'postgres']) {
    const url = engine === 'sqlite' ? `sqlite:${dir}/shared.db` : await pgDatabase('bench_shared');
    timed(['migrate'], url);
    let seconds = 0;
    let peak = 0;
    for (const [kind, files] of inputs) {
      const r = timed(['import', kind, ...files, '--quiet'], url);
      seconds += r.seconds;
      peak = Math.max(peak, r.peakMiB);
    }
    results[engine] = { seconds, peakMiB: peak };
  }
  rows.push(
    `| all of ../shared/data (3 importers, 33 files): wall time | ${results.sqlite?.seconds.toFixed(1)} s | ${results.postgres?.seconds.toFixed(1)} s |`,
  );
  rows.push(
    `| … peak memory of one import process | ${results.sqlite?.peakMiB.toFixed(0)} MiB | ${results.postgres?.peakMiB.toFixed(0)} MiB |`,
  );
} else {
  console.log(`(skipped the shared-data import: ${data} is not here)`);
}

// (2) Synthetic TVmaze file, at two sizes to show memory stays flat.
const small = path.join(dir, 'small.ndjson');
const big = path.join(dir, 'big.ndjson');
writeSynthetic(small, SHOWS / 10);
const bytes = writeSynthetic(big, SHOWS);
const episodes = SHOWS * PER_SHOW;
const synthetic: Record<string, { seconds: number; peakMiB: number; smallPeakMiB: number; catalogueSeconds: number }> = {};
for (const engine of ['sqlite', 'postgres']) {
  const urlSmall = engine === 'sqlite' ? `sqlite:${dir}/small.db` : await pgDatabase('bench_small');
  const urlBig = engine === 'sqlite' ? `sqlite:${dir}/big.db` : await pgDatabase('bench_big');
  timed(['migrate'], urlSmall);
  timed(['migrate'], urlBig);
  const s = timed(['import', 'tvmaze', small, '--quiet'], urlSmall);
  const b = timed(['import', 'tvmaze', big, '--quiet'], urlBig);
  const catalogueSeconds =
    engine === 'sqlite' ? catalogueSqlite(`${dir}/big.db`, SHOWS * PER_SHOW) : await cataloguePgCopy(urlBig, SHOWS * PER_SHOW);
  synthetic[engine] = { seconds: b.seconds, peakMiB: b.peakMiB, smallPeakMiB: s.peakMiB, catalogueSeconds };
}
const rawSqliteSeconds = rawSqlite(episodes);
const rawPgSeconds = await rawPgCopy(episodes, await pgDatabase('bench_raw'));
const eps = (s: number) => Math.round(episodes / s).toLocaleString('en');
rows.push(
  `| synthetic TVmaze NDJSON, ${SHOWS.toLocaleString('en')} shows / ${episodes.toLocaleString('en')} episodes (${(bytes / 2 ** 20).toFixed(0)} MiB): wall time | ${synthetic.sqlite?.seconds.toFixed(1)} s | ${synthetic.postgres?.seconds.toFixed(1)} s |`,
);
rows.push(
  `| … episodes per second (whole import, process start included) | ${eps(synthetic.sqlite?.seconds ?? 1)} | ${eps(synthetic.postgres?.seconds ?? 1)} |`,
);
rows.push(
  `| reference: bare insert of ${episodes.toLocaleString('en')} rows (better-sqlite3 batched; PostgreSQL COPY) | ${rawSqliteSeconds.toFixed(1)} s (${eps(rawSqliteSeconds)}/s) | ${rawPgSeconds.toFixed(1)} s (${eps(rawPgSeconds)}/s) |`,
);
rows.push(
  `| import ÷ reference speed | ${(rawSqliteSeconds / (synthetic.sqlite?.seconds ?? 1)).toFixed(2)} | ${(rawPgSeconds / (synthetic.postgres?.seconds ?? 1)).toFixed(2)} |`,
);
rows.push(
  `| second reference: the same number of rows, bare, into the catalogue's episodes table (its indexes and foreign keys) | ${synthetic.sqlite?.catalogueSeconds.toFixed(1)} s | ${synthetic.postgres?.catalogueSeconds.toFixed(1)} s |`,
);
rows.push(
  `| import ÷ second reference speed | ${((synthetic.sqlite?.catalogueSeconds ?? 0) / (synthetic.sqlite?.seconds ?? 1)).toFixed(2)} | ${((synthetic.postgres?.catalogueSeconds ?? 0) / (synthetic.postgres?.seconds ?? 1)).toFixed(2)} |`,
);
rows.push(
  `| peak memory, ${(SHOWS / 10).toLocaleString('en')} vs ${SHOWS.toLocaleString('en')} shows | ${synthetic.sqlite?.smallPeakMiB.toFixed(0)} vs ${synthetic.sqlite?.peakMiB.toFixed(0)} MiB | ${synthetic.postgres?.smallPeakMiB.toFixed(0)} vs ${synthetic.postgres?.peakMiB.toFixed(0)} MiB |`,
);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
console.log(rows.join('\n'));
fs.rmSync(dir, { recursive: true, force: true });
