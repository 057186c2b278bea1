import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken } from '../comments/form.token.ts';
import { type Cluster, canStartCluster, startCluster } from '../testing/pg.cluster.ts';
import { type RunningServer, startServer } from '../testing/server.ts';
import { type Db, openDatabase } from './database.ts';
import { siteSecret } from './secrets.ts';

// `serve` on a PostgreSQL cluster of the test's own while its connections are cut and the server restarts:
// the process stays up, answers 503 with Retry-After meanwhile, serves again without a restart, and keeps
// every comment it acknowledged.

const POSTS = 200;
const WORKERS = 8;

describe.skipIf(!canStartCluster())('serve through a PostgreSQL outage', () => {
  let cluster: Cluster;
  let server: RunningServer;
  let db: Db;
  let secret: string;

  beforeAll(async () => {
    cluster = await startCluster();
    server = await startServer({ DATABASE_URL: cluster.url, TRUST_PROXY: '1', SMTP_URL: '' });
    db = await openDatabase({ engine: 'postgres', url: cluster.url });
    secret = await siteSecret(db.kysely, 'comment-form');
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await db?.close().catch(() => undefined);
    cluster?.remove();
  });

  const alive = () => server.child.exitCode === null && server.child.signalCode === null;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };

  /** A reader's post with a form served ten seconds ago, so the "too fast" rule does not apply. */
  const post = async (n: number, body: string, accept = 'text/html') => {
    const cookie = randomBytes(24).toString('base64url');
    const token = issueFormToken(secret, cookie, new Date(Date.now() - 10_000));
    const res = await fetch(`${server.url}/shows/somos/comments`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: `ns_form=${cookie}`,
        'x-forwarded-for': `10.77.${n >> 8}.${n & 255}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept,
      },
      body: new URLSearchParams({ _form: token, name: `Reader ${n}`, email: `reader${n}@outage.example`, body }).toString(),
    });
    return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
  };

  it('stays up when its backends are terminated under load, and answers again at once', async () => {
    const statuses: number[] = [];
    let terminated = 0;
    for (let round = 0; round < 5; round++) {
      const load = Array.from({ length: 6 }, (_, i) => get(`/search?q=a${round}${i}`).then((r) => statuses.push(r.status)));
      terminated += await cluster.terminateBackends();
      await Promise.all(load);
    }
    expect(terminated).toBeGreaterThan(0);
    expect(alive()).toBe(true);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect((await get('/search?q=after')).status).toBe(200);
    console.log(`terminated ${terminated} backends under 30 searches: ${statuses.filter((s) => s === 503).length} answered 503, none 500`);
  });

  it('answers 503 with Retry-After while PostgreSQL is down, serves again once it is back, and loses no acknowledged comment', async () => {
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let next = 0;
    let stopped = false;
    const onStopped: Array<() => void> = [];
    const workers = Array.from({ length: WORKERS }, async () => {
      while (next < POSTS) {
        const n = next++;
        if (n === POSTS / 4) {
          cluster.stop();
          stopped = true;
          for (const f of onStopped) f();
        }
        const body = `Outage comment ${n}: will there be a season 3?`;
        const res = await post(n, body);
        if (res.status === 303 && /comment=(held|published)/.test(res.location)) acknowledged.push(body);
        else refused.push(res.status);
      }
    });
    if (!stopped) await new Promise<void>((resolve) => onStopped.push(resolve));

    // While it is down: pages, the API and a comment post each say so, and the reader keeps their text.
    const page = await get('/search?q=during-the-outage');
    expect(page.status).toBe(503);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    const api = await get('/api/shows?q=during-the-outage');
    expect(api.status).toBe(503);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(api.headers.get('retry-after')).not.toBeNull();
    expect(JSON.parse(api.text)).toMatchObject({ status: 503 });
    const kept = await post(9999, 'Words <b>worth</b> keeping & not losing');
    expect(kept.status).toBe(503);
    expect(kept.text).toContain('Words &lt;b&gt;worth&lt;/b&gt; keeping &amp; not losing');
    const scripted = await post(9998, 'Sent by the page script', 'application/json');
    expect(scripted.status).toBe(503);
    expect(JSON.parse(scripted.text)).toMatchObject({ ok: false });
    expect(alive()).toBe(true);

    const downAt = performance.now();
    cluster.start();
    let failedAfterStart = 0;
    while ((await get(`/search?q=back${failedAfterStart}`)).status !== 200) failedAfterStart++;
    const recoverySeconds = (performance.now() - downAt) / 1000;
    await Promise.all(workers);
    expect(alive()).toBe(true);

    const stored = await db.kysely.selectFrom('comments').select('body').where('body', 'like', 'Outage comment %').execute();
    const counts = new Map<string, number>();
    for (const r of stored) counts.set(r.body, (counts.get(r.body) ?? 0) + 1);
    expect(acknowledged.filter((b) => counts.get(b) !== 1)).toEqual([]);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(refused.filter((s) => s !== 503)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
    console.log(
      `restart under ${POSTS} comment posts: ${acknowledged.length} acknowledged and stored once each, ${refused.length} answered 503; ` +
        `serving again ${recoverySeconds.toFixed(2)} s after PostgreSQL was started (${failedAfterStart} requests failed meanwhile)`,
    );
  });
});
