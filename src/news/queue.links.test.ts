import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { agent } from '../testing/agent.ts';
import { type FeedReport, runIntake } from './intake.ts';

// A news feed whose items link to javascript: and data: URLs: the items are kept without their links,
// the queue links nothing hostile, and every candidate can still be accepted or rejected.

const HOSTILE_RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>https://hostile.test/</link><description>x</description>
<item><title>Netflix renews Somos. for a second season</title><link>javascript:window.__xss=1</link><guid>h-1</guid><pubDate>Fri, 20 Nov 2026 14:00:00 GMT</pubDate></item>
<item><title>Kingdom cancelled, will not return for a third season</title><link>data:text/html,&lt;script&gt;window.__xss=1&lt;/script&gt;</link><guid>h-2</guid><pubDate>Fri, 20 Nov 2026 15:00:00 GMT</pubDate></item>
<item><title>Elite renewed for season 9</title><link>java&#9;script:window.__xss=1</link><guid>h-3</guid><pubDate>Fri, 20 Nov 2026 16:00:00 GMT</pubDate></item>
<item><title>Netflix renews Maid for a second season</title><link> JAVASCRIPT:window.__xss=1</link><guid>h-4</guid><pubDate>Fri, 20 Nov 2026 17:00:00 GMT</pubDate></item>
</channel></rss>`;

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/hostile.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(HOSTILE_RSS);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let intake: FeedReport[] = [];

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
const SAFE_HREF = /^(https?:\/\/|\/(?!\/)|#|\?|mailto:)/i;

describeEachEngine(
  'hostile links from news feeds',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    async function editor() {
      const browse = agent(app());
      const form = await browse('/admin/login');
      await browse('/admin/login', {
        form: { _csrf: csrfOf(form.text), email: 'news@nextseason.test', password: 'a long enough password' },
      });
      return browse;
    }

    it('keeps the items without their javascript:, data: or disguised links', async () => {
      expect(intake).toEqual([{ feed: 'Hostile', result: 'ok', newItems: 4, candidates: 4 }]);
      const items = await db().kysely.selectFrom('feed_items').select(['guid', 'url']).orderBy('guid').execute();
      expect(items).toEqual([
        { guid: 'h-1', url: null },
        { guid: 'h-2', url: null },
        { guid: 'h-3', url: null },
        { guid: 'h-4', url: null },
      ]);
    });

    it('links nothing hostile in the queue, and each such candidate can be accepted or rejected', async () => {
      // A row stored before the link rule, as well: it must not be linked either.
      await db().kysely.updateTable('feed_items').set({ url: 'javascript:window.__xss=1' }).where('guid', '=', 'h-4').execute();
      const browse = await editor();
      const queue = await browse('/admin/queue');
      expect(queue.status).toBe(200);
      for (const href of hrefs(queue.text)) expect(href).toMatch(SAFE_HREF);
      expect(queue.text).not.toMatch(/javascript:|data:text/i);
      const token = csrfOf(queue.text);
      const ids = Object.fromEntries(
        [...queue.text.matchAll(/aria-label="Candidate (\d+)"[\s\S]*?<h2><a href="\/admin\/shows\/([a-z0-9-]+)"/g)].map((m) => [
          m[2],
          m[1],
        ]),
      );
      expect(Object.keys(ids).sort()).toEqual(['elite', 'kingdom', 'maid', 'somos']);

      // A trade report needs a link: the editor gives the real one.
      const noLink = await browse(`/admin/queue/${ids.somos}/accept`, {
        form: { _csrf: token, kind: 'renewed', season: '2', tier: 'trade' },
      });
      expect(noLink.status).toBe(400);
      expect(noLink.text).toContain('a source URL is needed unless the tier is rumour');
      const withLink = await browse(`/admin/queue/${ids.somos}/accept`, {
        form: { _csrf: token, kind: 'renewed', season: '2', tier: 'trade', source_url: 'https://trade.test/somos-renewed' },
      });
      expect(withLink.status).toBe(303);
      // As a rumour it stands without one; the disguised link is not taken as the editor's.
      expect(
        (await browse(`/admin/queue/${ids.kingdom}/accept`, { form: { _csrf: token, kind: 'cancelled', season: '3', tier: 'rumour' } }))
          .status,
      ).toBe(303);
      expect(
        (
          await browse(`/admin/queue/${ids.maid}/accept`, {
            form: { _csrf: token, kind: 'renewed', season: '2', tier: 'trade', source_url: 'java\tscript:window.__xss=1' },
          })
        ).status,
      ).toBe(400);
      expect((await browse(`/admin/queue/${ids.maid}/reject`, { form: { _csrf: token } })).status).toBe(303);
      expect((await browse(`/admin/queue/${ids.elite}/reject`, { form: { _csrf: token } })).status).toBe(303);
      expect((await browse('/admin/queue')).text).toContain('Nothing waiting.');

      const sources = await db()
        .kysely.selectFrom('status_events as e')
        .innerJoin('shows as s', 's.id', 'e.show_id')
        .leftJoin('sources as src', 'src.id', 'e.source_id')
        .select(['s.slug', 'e.tier', 'src.url'])
        .where('e.entered_by', '=', 'news@nextseason.test')
        .orderBy('s.slug')
        .execute();
      expect(sources).toEqual([
        { slug: 'kingdom', tier: 'rumour', url: null },
        { slug: 'somos', tier: 'trade', url: 'https://trade.test/somos-renewed' },
      ]);
      const page = await (await app().request('/shows/somos')).text();
      expect(page).toContain('href="https://trade.test/somos-renewed"');
    });

    it('refuses feed URLs that are not plain http(s) links, at the desk and at intake', async () => {
      const browse = await editor();
      const token = csrfOf((await browse('/admin/feeds')).text);
      for (const url of ['javascript:alert(1)', 'java\tscript:alert(1)', 'https://user:secret@feeds.test/rss', 'file:///etc/passwd']) {
        const res = await browse('/admin/feeds', { form: { _csrf: token, url, name: 'Bad', tier: 'trade' } });
        expect(res.status, url).toBe(400);
        expect(res.text).toContain('must be an http(s) URL');
      }
      await db().kysely.updateTable('feeds').set({ url: 'javascript:alert(1)' }).where('name', '=', 'Hostile').execute();
      const reports = await runIntake(db(), { now: TEST_NOW, userAgent: 'nextseason/test', force: true, timeoutMs: 2000 });
      expect(reports).toEqual([{ feed: 'Hostile', result: 'error: the feed URL is not an http(s) URL', newItems: 0, candidates: 0 }]);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    await createUser(
      db.kysely,
      { email: 'news@nextseason.test', name: 'News Editor', role: 'editor', passwordHash: await hashPassword('a long enough password') },
      TEST_NOW,
    );
    await db.kysely
      .insertInto('feeds')
      .values({ url: `${base}/hostile.xml`, name: 'Hostile', tier: 'trade', created_at: TEST_NOW.toISOString() })
      .execute();
    intake = await runIntake(db, { now: TEST_NOW, userAgent: 'nextseason/test', force: true, timeoutMs: 2000 });
  },
);
