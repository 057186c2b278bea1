import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { runIntake } from './intake.ts';

// Fixture feeds on 127.0.0.1: an RSS feed with an ETag, an Atom feed, a broken one, a huge one and a slow one.
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Trade news</title><link>https://trade.test/</link><description>TV</description>
<item><title>Netflix renews Somos. for a second season</title><link>https://trade.test/somos-renewed</link><guid>trade-1</guid><pubDate>Fri, 20 Nov 2026 14:00:00 GMT</pubDate><description>The Mexican drama returns.</description></item>
<item><title>Box office: a quiet weekend</title><link>https://trade.test/box-office</link><guid>trade-2</guid><pubDate>Fri, 20 Nov 2026 15:00:00 GMT</pubDate></item>
</channel></rss>`;
const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Reports</title><id>urn:reports</id><updated>2026-11-21T10:00:00Z</updated>
<entry><title>Kingdom cancelled, will not return for a third season</title><id>urn:reports:1</id><link href="https://reports.test/kingdom"/><updated>2026-11-21T10:00:00Z</updated></entry>
</feed>`;

let server: http.Server;
let base = '';
const hits = { rss: 0, notModified: 0 };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/rss.xml') {
      hits.rss += 1;
      if (req.headers['if-none-match'] === '"v1"') {
        hits.notModified += 1;
        return res.writeHead(304).end();
      }
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS);
    }
    if (req.url === '/atom.xml') return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM);
    if (req.url === '/broken.xml')
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>Unclosed');
    if (req.url === '/huge.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(`<rss><channel>${'<item><title>filler</title></item>'.repeat(120_000)}</channel></rss>`);
    }
    if (req.url === '/slow.xml') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describeEachEngine(
  'news intake',
  (db) => {
    const options = { now: TEST_NOW, userAgent: 'nextseason/test', force: true, timeoutMs: 500, maxBytes: 1_000_000 };

    it('fetches each feed, survives broken, huge and slow ones, and queues matched news', async () => {
      const stamp = TEST_NOW.toISOString();
      for (const [name, path, tier] of [
        ['Trade', '/rss.xml', 'trade'],
        ['Reports', '/atom.xml', 'report'],
        ['Broken', '/broken.xml', 'report'],
        ['Huge', '/huge.xml', 'report'],
        ['Slow', '/slow.xml', 'report'],
      ]) {
        await db()
          .kysely.insertInto('feeds')
          .values({ url: `${base}${path}`, name: name as string, tier: tier as string, created_at: stamp })
          .execute();
      }
      const reports = await runIntake(db(), options);
      expect(reports.map((r) => [r.feed, r.result.replace(/\(.*\)/, '(…)'), r.newItems, r.candidates])).toEqual([
        ['Trade', 'ok', 2, 1],
        ['Reports', 'ok', 1, 1],
        ['Broken', 'error: not a readable feed (…)', 0, 0],
        ['Huge', 'error: larger than 1000000 bytes', 0, 0],
        ['Slow', 'error: timed out', 0, 0],
      ]);
      const candidates = await db()
        .kysely.selectFrom('candidates as c')
        .innerJoin('shows as s', 's.id', 'c.show_id')
        .select(['s.slug', 'c.kind', 'c.season_number', 'c.status'])
        .orderBy('s.slug')
        .execute();
      expect(candidates).toEqual([
        { slug: 'kingdom', kind: 'cancelled', season_number: 3, status: 'pending' },
        { slug: 'somos', kind: 'renewed', season_number: 2, status: 'pending' },
      ]);
      // Nothing changes a status until an editor says so (Somos. has been quiet for over four years: dormant).
      const somos = await db().kysely.selectFrom('shows').select('derived_status').where('slug', '=', 'somos').executeTakeFirstOrThrow();
      expect(somos.derived_status).toBe('dormant');
    });

    it('asks again with the ETag and gets 304, adding nothing', async () => {
      const before = hits.notModified;
      const reports = await runIntake(db(), options);
      expect(reports.find((r) => r.feed === 'Trade')).toMatchObject({ result: 'not modified', newItems: 0 });
      expect(hits.notModified).toBe(before + 1);
    });

    it('lets an editor accept the renewal (it appears on the page with its link) and reject the other', async () => {
      const app = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      const jar: string[] = [];
      const call = async (path: string, form?: Record<string, string>) => {
        const res = await app.request(path, {
          method: form ? 'POST' : 'GET',
          headers: { cookie: jar.join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
          ...(form ? { body: new URLSearchParams(form).toString() } : {}),
        });
        for (const c of res.headers.getSetCookie()) jar.push(c.split(';')[0] as string);
        return { status: res.status, text: await res.text() };
      };
      const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const login = await call('/admin/login');
      await call('/admin/login', { _csrf: csrf(login.text), email: 'news@nextseason.test', password: 'a long enough password' });
      const queue = await call('/admin/queue');
      expect(queue.status).toBe(200);
      expect(queue.text).toContain('Netflix renews Somos. for a second season');
      const ids = [...queue.text.matchAll(/\/admin\/queue\/(\d+)\/accept/g)].map((m) => m[1]);
      const token = csrf(queue.text);
      // The queue lists candidates in arrival order: the trade feed's Somos. item came first.
      expect(queue.text.indexOf('Somos.')).toBeLessThan(queue.text.indexOf('Kingdom'));
      const [somosId, kingdomId] = ids;
      expect(
        (await call(`/admin/queue/${somosId}/accept`, { _csrf: token, kind: 'renewed', season: '2', announced: '', tier: 'trade' })).status,
      ).toBe(303);
      expect((await call(`/admin/queue/${kingdomId}/reject`, { _csrf: token })).status).toBe(303);
      expect((await call('/admin/queue')).text).toContain('Nothing waiting.');

      const page = await (await app.request('/shows/somos')).text();
      expect(page).toContain('Netflix renewed Somos. for a second season on 20 November 2026.');
      expect(page).toContain('href="https://trade.test/somos-renewed"');
      const kingdom = (await (await app.request('/api/shows/kingdom')).json()) as { status: string };
      expect(kingdom.status).toBe('dormant'); // the rejected cancellation changed nothing
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    await createUser(
      db.kysely,
      { email: 'news@nextseason.test', name: 'News Editor', role: 'editor', passwordHash: await hashPassword('a long enough password') },
      TEST_NOW,
    );
  },
);
