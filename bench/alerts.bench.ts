// `npm run bench -- alerts`: 10,000 email followers and 1,000 webhook endpoints follow Severance; an editor
// accepts its renewal in the desk of a running `serve`. Measures the time until every mail is in a real SMTP
// server (its own process) and every webhook is received, checks none is lost or doubled, and reads the show
// page's p99 meanwhile (and before, idle). Reference in the same run: the same mails and POSTs sent bare.
// BENCH_RUNS (3), BENCH_ENGINES (sqlite,postgres), BENCH_PG_URL, BENCH_MAILS (10000), BENCH_HOOKS (1000).
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { parseDatabaseUrl } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { agent, overHttp } from '../src/testing/agent.ts';
import { runCli, startServer } from '../src/testing/server.ts';
import { type SmtpProcess, startSmtp } from '../src/testing/smtp.ts';
import { type Receiver, startReceiver } from '../src/testing/webhook.receiver.ts';
import { freshDatabase, median, pct } from './bench.stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MAILS = Number(process.env.BENCH_MAILS ?? 10_000);
const HOOKS = Number(process.env.BENCH_HOOKS ?? 1_000);
const PASSWORD = 'a long enough bench password';
const CHUNK = 500;

/** Followers written set-based, already confirmed: what 11,000 sign-ups over months would have left. */
async function seedFollowers(url: string, hookBase: string) {
  const db = await openDatabase(parseDatabaseUrl(url));
  const show = await db.kysely.selectFrom('shows').select('id').where('slug', '=', 'severance').executeTakeFirstOrThrow();
  const stamp = new Date().toISOString();
  const follower = (i: number, channel: 'email' | 'webhook') => ({
    channel,
    email: channel === 'email' ? `reader${i}@bench.example` : null,
    email_key: channel === 'email' ? `reader${i}@bench.example` : null,
    url: channel === 'webhook' ? `${hookBase}/${i}` : null,
    secret: channel === 'webhook' ? `whsec_${randomBytes(24).toString('base64')}` : null,
    feed_key: randomBytes(18).toString('base64url'),
    status: 'active' as const,
    ip_key: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
    created_at: stamp,
    confirmed_at: stamp,
  });
  const all = [
    ...Array.from({ length: MAILS }, (_, i) => follower(i, 'email')),
    ...Array.from({ length: HOOKS }, (_, i) => follower(MAILS + i, 'webhook')),
  ];
  for (let i = 0; i < all.length; i += CHUNK) {
    const ids = await db.kysely
      .insertInto('followers')
      .values(all.slice(i, i + CHUNK))
      .returning('id')
      .execute();
    await db.kysely
      .insertInto('follows')
      .values(
        ids.map(({ id }) => ({
          follower_id: id,
          target: `show:${show.id}`,
          show_id: show.id,
          threshold: null,
          created_at: stamp,
          confirmed_at: stamp,
        })),
      )
      .execute();
  }
  await db.close();
}

/** The show page, read one request after another for as long as `running()` says. */
async function probe(base: string, running: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (running()) {
    const t = performance.now();
    await (await fetch(`${base}/shows/severance`)).text();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}

/**
 * The reference: the same number of mails and POSTs sent bare to the same SMTP server and receiver, with the
 * sender's parallelism (8 at once, 4 pooled SMTP connections), no database, no rendering, no signing.
 */
async function bareSend(smtp: SmtpProcess, hooks: Receiver): Promise<number> {
  const [mailsBefore, hooksBefore] = [smtp.mails.length, hooks.received.length];
  const transport = nodemailer.createTransport({ url: smtp.url, pool: true, maxConnections: 4 } as never);
  const jobs = [...Array.from({ length: MAILS }, (_, i) => ({ mail: i })), ...Array.from({ length: HOOKS }, (_, i) => ({ hook: i }))];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        if ('mail' in job)
          await transport.sendMail({
            from: 'a@bench.example',
            to: `bare${job.mail}@bench.example`,
            subject: 'Renewed',
            text: 'Severance is renewed.',
          });
        else
          await (
            await fetch(`${hooks.url}/bare/${job.hook}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"type":"show.renewed"}',
            })
          ).text();
      }
    }),
  );
  await Promise.all([hooks.waitFor(hooksBefore + HOOKS, 600_000), smtp.waitFor(() => smtp.mails.length >= mailsBefore + MAILS, 600_000)]);
  transport.close();
  return (performance.now() - started) / 1000;
}

async function once(engine: 'sqlite' | 'postgres') {
  const [smtp, hooks] = await Promise.all([startSmtp(), startReceiver()]);
  const url = await freshDatabase(engine, 'nextseason-alerts-');
  const env = { DATABASE_URL: url, SMTP_URL: smtp.url, ALLOW_PRIVATE_WEBHOOKS: '1', TRUST_PROXY: '1' };
  const server = await startServer(env);
  const base = server.url.replace('localhost', '127.0.0.1');
  try {
    const made = await runCli(['user', 'add', '--email', 'ed@bench.example', '--name', 'Ed'], env, `${PASSWORD}\n`);
    if (made.code !== 0) throw new Error(made.stderr);
    await seedFollowers(url, `${hooks.url}/bench`);
    await (await fetch(`${base}/shows/severance`)).text(); // the first page of the day trains the forecaster

    let quiet = true;
    const idleProbe = probe(base, () => quiet);
    await new Promise((r) => setTimeout(r, 3_000));
    quiet = false;
    const idle = await idleProbe;

    const desk = agent(overHttp(base));
    const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const login = await desk('/admin/login');
    await desk('/admin/login', { form: { _csrf: csrfOf(login.text), email: 'ed@bench.example', password: PASSWORD, next: '/admin' } });
    const csrf = csrfOf((await desk('/admin/shows/severance')).text);

    let sending = true;
    const busyProbe = probe(base, () => sending);
    const started = performance.now();
    const added = await desk('/admin/shows/severance/events', {
      form: {
        _csrf: csrf,
        kind: 'renewed',
        season: '3',
        date: new Date().toISOString().slice(0, 10),
        tier: 'official',
        source_url: 'https://tv.apple.com/bench',
        outlet: 'Apple',
      },
    });
    if (added.status !== 303) throw new Error(`the desk answered ${added.status}: ${added.text.slice(0, 300)}`);
    await Promise.all([hooks.waitFor(HOOKS, 600_000), smtp.waitFor(() => smtp.mails.length >= MAILS, 600_000)]);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 1_000)); // anything doubled would arrive by now
    sending = false;
    const busy = await busyProbe;

    const addresses = new Set(smtp.mails.flatMap((m) => m.to));
    const endpoints = new Set(hooks.received.map((h) => h.path));
    const lost = MAILS - addresses.size + (HOOKS - endpoints.size);
    const doubled = smtp.mails.length - addresses.size + (hooks.received.length - endpoints.size);
    if (lost !== 0 || doubled !== 0) throw new Error(`${engine}: ${lost} lost, ${doubled} doubled`);
    return { seconds, idle, busy, reference: await bareSend(smtp, hooks) };
  } finally {
    await server.stop();
    await Promise.all([smtp.stop(), hooks.close()]);
  }
}

console.log(
  `${MAILS.toLocaleString('en')} email followers and ${HOOKS.toLocaleString('en')} webhook endpoints of one show; one renewal accepted in the desk of \`serve\`; median of ${RUNS} runs`,
);
console.log(
  '\n| engine | all delivered (s) | alerts/s | reference: the same sends bare (s) | ratio (speed) | lost | doubled | show page p50 / p99 ms, idle → while sending |',
);
console.log('|---|---|---|---|---|---|---|---|');
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
for (const engine of engines) {
  const runs: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(engine));
  const seconds = median(runs.map((r) => r.seconds));
  const reference = median(runs.map((r) => r.reference));
  const at = (key: 'idle' | 'busy', p: number) => median(runs.map((r) => pct(r[key], p))).toFixed(1);
  console.log(
    `| ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${seconds.toFixed(1)} | ${Math.round((MAILS + HOOKS) / seconds)} | ${reference.toFixed(1)} | ${(reference / seconds).toFixed(2)} | 0 | 0 | ${at('idle', 50)} / ${at('idle', 99)} → ${at('busy', 50)} / ${at('busy', 99)} |`,
  );
}
