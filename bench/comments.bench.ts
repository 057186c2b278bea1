// `npm run bench -- comments`: 200 concurrent readers post 5,000 comments (plus resent forms and one flooder)
// to `serve` on SQLite and on PostgreSQL, while a probe reads the Somos page. Checks every accepted comment is
// stored exactly once; compares with bare node:http inserting the same forms into the same engine.
// BENCH_RUNS (3), BENCH_ENGINES (sqlite,postgres), BENCH_PG_URL; BENCH_DEBUG=1 prints percentiles and posts slower than 1 s.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { MIN_FILL_MS } from '../src/comments/form.token.ts';
import { openDatabase } from '../src/db/database.ts';
import { freePort, ROOT, startServer } from '../src/testing/server.ts';
import { freshDatabase, median, pct } from './bench.stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const POSTERS = 200;
const PER_POSTER = 25; // 200 × 25 = 5,000 comments
const RESEND_EVERY = 10; // every 10th form is sent twice, as a double click would
const RESENT = POSTERS * Math.ceil(PER_POSTER / RESEND_EVERY);
const FLOOD = 50; // one address posting 50 times in a row: the rate limit lets 5 through

let startedAt = 0;

interface Tally {
  accepted: number;
  duplicate: number;
  limited: number;
  failed: number;
  latencies: number[];
}

/** Every poster opens the page (cookie and form token), waits as a person would, then posts. */
async function drive(base: string): Promise<Tally & { seconds: number; probe: number[]; idle: number[] }> {
  const tally: Tally = { accepted: 0, duplicate: 0, limited: 0, failed: 0, latencies: [] };
  const probeOnce = async (into: number[]) => {
    const t = performance.now();
    const res = await fetch(`${base}/shows/somos`);
    await res.text();
    into.push(performance.now() - t);
  };
  await probeOnce([]); // the first page of the day trains the forecaster; idle is measured after it
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) await probeOnce(idle);

  // A form token works once, so each poster opens the page and asks for a token per comment it will send (same
  // cookie), as the comment script does when a reader starts to write.
  const tokenOf = async (res: Response) => ((await res.json()) as { token: string }).token;
  const forms = await Promise.all(
    Array.from({ length: POSTERS + 1 }, async (_, p) => {
      await (await fetch(`${base}/shows/somos`)).text();
      const first = await fetch(`${base}/comments/form-token`);
      const cookie = (first.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
      const tokens = [await tokenOf(first)];
      while (tokens.length < (p === POSTERS ? FLOOD : PER_POSTER))
        tokens.push(await tokenOf(await fetch(`${base}/comments/form-token`, { headers: { cookie } })));
      return { cookie, tokens };
    }),
  );
  await new Promise((r) => setTimeout(r, MIN_FILL_MS + 100));

  const send = async (form: { cookie: string; token: string }, ip: string, email: string, body: string) => {
    const t = performance.now();
    const res = await fetch(`${base}/shows/somos/comments`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: form.cookie, 'x-forwarded-for': ip, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _form: form.token, name: 'Bench reader', email, body }).toString(),
    });
    await res.text();
    tally.latencies.push(performance.now() - t);
    if (process.env.BENCH_DEBUG && performance.now() - t > 1000)
      console.log(`slow: ${(performance.now() - t).toFixed(0)} ms, started at ${(t - startedAt).toFixed(0)} ms, ${res.status} ${email}`);
    const location = res.headers.get('location') ?? '';
    if (res.status === 303 && /comment=(held|published)/.test(location)) tally.accepted++;
    else if (res.status === 303 && location.includes('comment=duplicate')) tally.duplicate++;
    else if (res.status === 429) tally.limited++;
    else tally.failed++;
  };

  const probe: number[] = [];
  let loading = true;
  const prober = (async () => {
    while (loading) {
      await probeOnce(probe);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  startedAt = started;
  await Promise.all([
    ...Array.from({ length: POSTERS }, async (_, p) => {
      const { cookie, tokens } = forms[p] as { cookie: string; tokens: string[] };
      for (let k = 0; k < PER_POSTER; k++) {
        const args = [
          { cookie, token: tokens[k] as string },
          `10.${p}.${k}.1`,
          `p${p}-k${k}@bench.example`,
          `Comment ${k} from reader ${p}: will there be a season 2?`,
        ] as const;
        await send(...args);
        if (k % RESEND_EVERY === 0) await send(...args);
      }
    }),
    (async () => {
      const { cookie, tokens } = forms[POSTERS] as { cookie: string; tokens: string[] };
      for (let k = 0; k < FLOOD; k++)
        await send({ cookie, token: tokens[k] as string }, '10.250.0.1', `flood${k}@bench.example`, `Flood ${k}`);
    })(),
  ]);
  const seconds = (performance.now() - started) / 1000;
  loading = false;
  await prober;
  return { ...tally, seconds, probe, idle };
}

async function stored(url: string): Promise<{ rows: number; twice: number }> {
  const db = await openDatabase(url.startsWith('sqlite:') ? { engine: 'sqlite', file: url.slice(7) } : { engine: 'postgres', url });
  const rows = await db.kysely
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const twice = await db.kysely
    .selectFrom('comments')
    .select(['email_key', 'body_hash'])
    .groupBy(['email_key', 'body_hash'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  await db.close();
  return { rows: Number(rows.n), twice: twice.length };
}

async function reference(url: string): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/comments.reference.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port) },
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: POSTERS }, async (_, p) => {
      for (let k = 0; k < PER_POSTER; k++) {
        const res = await fetch(`${base}/`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            name: 'Bench reader',
            email: `p${p}-k${k}@bench.example`,
            body: `Comment ${k} from reader ${p}`,
          }).toString(),
        });
        await res.text();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  child.kill();
  return (POSTERS * PER_POSTER) / seconds;
}

console.log(
  `${POSTERS} concurrent posters, ${POSTERS * PER_POSTER} comments (+${RESENT} resent forms, +${FLOOD} from one flooding address); median of ${RUNS} runs`,
);
console.log(
  '\n| engine | comments/s (app) | comments/s (bare node:http + insert) | ratio | post p50 / p99 ms | Somos page p50 / p99 ms idle → under load | accepted = stored once | resent forms kept once | 429s |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
for (const engine of engines) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const url = await freshDatabase(engine, 'nextseason-comments-');
    const server = await startServer({ DATABASE_URL: url, TRUST_PROXY: '1' });
    const result = await drive(server.url.replace('localhost', '127.0.0.1')); // no IPv6-first connection attempts
    await server.stop();
    const check = await stored(url);
    if (process.env.BENCH_DEBUG)
      console.log(
        [50, 90, 95, 98, 99, 100].map((p) => `p${p} ${pct(result.latencies, p).toFixed(0)}`).join(' '),
        `${result.seconds.toFixed(1)} s`,
      );
    if (result.failed > 0 || check.rows !== result.accepted || check.twice > 0)
      throw new Error(
        `${engine}: ${result.failed} failed posts; ${result.accepted} accepted but ${check.rows} stored, ${check.twice} stored twice`,
      );
    const refUrl = await freshDatabase(engine, 'nextseason-comments-');
    runs.push({ ...result, check, ref: await reference(refUrl) });
  }
  const rate = median(runs.map((r) => r.accepted / r.seconds));
  const ref = median(runs.map((r) => r.ref));
  const last = runs.at(-1) as (typeof runs)[number];
  console.log(
    `| ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${Math.round(rate)} | ${Math.round(ref)} | ${(rate / ref).toFixed(2)} | ${median(runs.map((r) => pct(r.latencies, 50))).toFixed(0)} / ${median(runs.map((r) => pct(r.latencies, 99))).toFixed(0)} | ${median(runs.map((r) => pct(r.idle, 50))).toFixed(1)} / ${median(runs.map((r) => pct(r.idle, 99))).toFixed(1)} → ${median(runs.map((r) => pct(r.probe, 50))).toFixed(0)} / ${median(runs.map((r) => pct(r.probe, 99))).toFixed(0)} | ${last.accepted} = ${last.check.rows} | ${last.duplicate} of ${RESENT} | ${last.limited} |`,
  );
}
