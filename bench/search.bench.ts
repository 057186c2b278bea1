// `npm run bench -- search`: search on a catalogue of 100,000 shows (synthetic, imported through the real
// importer), every request a different query so that no cached page answers it. p50/p99 and requests/s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { runCli, startServer } from '../src/testing/server.ts';
import { syntheticShow } from './tvmaze-synthetic.ts';

const SHOWS = Number(process.env.BENCH_SHOWS ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-search-bench-'));
const file = path.join(dir, 'shows.ndjson');
const fd = fs.openSync(file, 'w');
for (let i = 0; i < SHOWS; i += 1000) {
  const lines: string[] = [];
  for (let j = i; j < Math.min(SHOWS, i + 1000); j++) lines.push(JSON.stringify(syntheticShow(j, 2)));
  fs.writeSync(fd, `${lines.join('\n')}\n`);
}
fs.closeSync(fd);
const env = { DATABASE_URL: `sqlite:${dir}/db.sqlite` };
await runCli(['migrate'], env);
const imported = await runCli(['import', 'tvmaze', file, '--quiet'], env);
if (imported.code !== 0) throw new Error(imported.stderr);
const server = await startServer(env);
const base = server.url.replace('localhost', '127.0.0.1');

async function run(label: string, makePath: (n: number) => string) {
  let n = 0;
  const result = await autocannon({
    url: base,
    connections: 10,
    duration: 10,
    requests: [{ setupRequest: (req) => ({ ...req, path: makePath(n++) }) }],
  });
  if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers`);
  return `| ${label} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} |`;
}

const rows = [
  '| search (10 connections, 10 s, a new query each request) | req/s | p50 (ms) | p99 (ms) |',
  '|---|---|---|---|',
  await run('page: /search?q=synthetic show N', (n) => `/search?q=${encodeURIComponent(`synthetic show ${(n * 7919) % SHOWS}`)}`),
  await run('API: /api/shows?q=show N', (n) => `/api/shows?q=${encodeURIComponent(`show ${(n * 104729) % SHOWS}`)}`),
  await run(
    'typo: /search?q=synthetc shwo N (close spellings)',
    (n) => `/search?q=${encodeURIComponent(`synthetc shwo ${(n * 7919) % SHOWS}`)}`,
  ),
];
await server.stop();
console.log(`Catalogue: ${SHOWS.toLocaleString('en')} shows on SQLite\n`);
console.log(rows.join('\n'));
fs.rmSync(dir, { recursive: true, force: true });
