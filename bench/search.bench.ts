// `npm run bench -- search`: search on catalogues of 100,000 shows (synthetic, imported through the real
// importer), every request a different query so that no cached page answers it. p50/p99 and requests/s.
// Two catalogues: titles made of real title words (from ../shared/data, as a catalogue has them), and the
// worst case, where every title shares the words "synthetic show".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { parse } from 'csv-parse/sync';
import { runCli, startServer } from '../src/testing/server.ts';
import { syntheticShow } from './tvmaze-synthetic.ts';

const SHOWS = Number(process.env.BENCH_SHOWS ?? 100_000);
const SHARED = path.resolve(import.meta.dirname, '../../shared/data');

/** Real TV titles: Netflix's Top 10 and its catalogue (credit: Netflix; the catalogue is Kaggle's). */
function realTitles(): string[] {
  const read = (file: string, column: string) =>
    (parse(zlib.gunzipSync(fs.readFileSync(path.join(SHARED, file))), { columns: true }) as Record<string, string>[]).map(
      (r) => r[column] as string,
    );
  const titles = [...read('netflix-top10/all-weeks-global.csv.gz', 'show_title'), ...read('netflix-titles/netflix_titles.csv.gz', 'title')];
  return [...new Set(titles.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

async function catalogue(label: string, name: (i: number) => string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-search-bench-'));
  const file = path.join(dir, 'shows.ndjson');
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < SHOWS; i += 1000) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(SHOWS, i + 1000); j++) lines.push(JSON.stringify(syntheticShow(j, 2, name)));
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
  const env = { DATABASE_URL: `sqlite:${dir}/db.sqlite` };
  await runCli(['migrate'], env);
  const imported = await runCli(['import', 'tvmaze', file, '--quiet'], env);
  if (imported.code !== 0) throw new Error(imported.stderr);
  const server = await startServer(env);
  return {
    label,
    base: server.url.replace('localhost', '127.0.0.1'),
    stop: () =>
      server.stop().then(() => (process.env.BENCH_KEEP ? console.log(`kept ${dir}`) : fs.rmSync(dir, { recursive: true, force: true }))),
  };
}

async function run(base: string, label: string, makePath: (n: number) => string, connections = 10) {
  let n = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: 10,
    requests: [{ setupRequest: (req) => ({ ...req, path: makePath(n++) }) }],
  });
  if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers`);
  return `| ${label} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} |`;
}

const rows = ['| search (10 connections unless said, 10 s, a new query each request) | req/s | p50 (ms) | p99 (ms) |', '|---|---|---|---|'];
const q = (text: string) => encodeURIComponent(text);

// Real words: show i is a real title, then (past the first pass) a word of another real title added, so
// words are as common as they are in real titles ("the", "love", "world") and titles repeat as they do.
const titles = realTitles();
const words = titles.flatMap((t) => t.split(/\s+/)).filter((w) => /\p{L}{3,}/u.test(w));
const realName = (i: number) => {
  const title = titles[i % titles.length] as string;
  return i < titles.length ? title : `${title} ${words[(i * 7919) % words.length]}`;
};
const real = await catalogue('real title words', realName);
rows.push(
  await run(
    real.base,
    `page, real titles: /search?q=TITLE (${titles.length.toLocaleString('en')} distinct)`,
    (n) => `/search?q=${q(realName((n * 7919) % SHOWS))}`,
  ),
  await run(
    real.base,
    'API, real titles: /api/shows?q=WORD WORD',
    (n) =>
      `/api/shows?q=${q(
        realName((n * 104729) % SHOWS)
          .split(' ')
          .slice(0, 2)
          .join(' '),
      )}`,
  ),
  await run(real.base, 'page, one real word: /search?q=WORD', (n) => `/search?q=${q(words[(n * 7919) % words.length] as string)}`),
  // One reader at a time: the latency a reader sees, without queueing behind nine others on one core.
  await run(real.base, 'page, real titles, 1 connection', (n) => `/search?q=${q(realName((n * 7927) % SHOWS))}`, 1),
  await run(
    real.base,
    'API, real titles, 1 connection',
    (n) =>
      `/api/shows?q=${q(
        realName((n * 104723) % SHOWS)
          .split(' ')
          .slice(0, 2)
          .join(' '),
      )}`,
    1,
  ),
  await run(
    real.base,
    'typo, real titles: a letter dropped',
    (n) => `/search?q=${q(realName((n * 7919) % SHOWS).replace(/(\p{L})\p{L}/u, '$1'))}`,
  ),
);
await real.stop();

const worst = await catalogue('worst case', (i) => `Synthetic Show ${i}`);
rows.push(
  await run(worst.base, 'worst case, page: /search?q=synthetic show N', (n) => `/search?q=${q(`synthetic show ${(n * 7919) % SHOWS}`)}`),
  await run(worst.base, 'worst case, API: /api/shows?q=show N', (n) => `/api/shows?q=${q(`show ${(n * 104729) % SHOWS}`)}`),
  await run(worst.base, 'worst case, typo: /search?q=synthetc shwo N', (n) => `/search?q=${q(`synthetc shwo ${(n * 7919) % SHOWS}`)}`),
);
await worst.stop();
console.log(`Catalogues: ${SHOWS.toLocaleString('en')} shows each on SQLite\n`);
console.log(rows.join('\n'));
