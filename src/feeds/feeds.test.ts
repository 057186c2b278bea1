import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';

describeEachEngine(
  'feeds, calendars and sitemap',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    const get = async (path: string) => {
      const res = await app().request(path);
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
    };

    it('publishes RSS 2.0 and Atom 1.0 that a feed parser reads, site-wide, per show and per platform', async () => {
      const parser = new Parser();
      for (const path of ['/feed.xml', '/feed.atom', '/shows/wednesday/feed.xml', '/platforms/netflix/feed.atom']) {
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.type).toMatch(path.endsWith('.xml') ? /rss\+xml/ : /atom\+xml/);
        const feed = await parser.parseString(res.text);
        expect(feed.items.length, path).toBeGreaterThan(0);
        for (const item of feed.items) expect(item.link).toMatch(/^https:\/\/nextseason\.test\/shows\/[a-z0-9-]+#updates$/);
      }
      const wednesday = await parser.parseString((await get('/shows/wednesday/feed.xml')).text);
      expect(wednesday.items.map((i) => i.title)).toContain('Wednesday: renewed, season 3');
    });

    it('dates each item by its event, and says when it was last changed', async () => {
      const show = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'wednesday').executeTakeFirstOrThrow();
      const renewal = await db()
        .kysely.selectFrom('status_events')
        .select(['id', 'effective_date', 'created_at'])
        .where('show_id', '=', show.id)
        .where('kind', '=', 'renewed')
        .where('season_number', '=', 3)
        .executeTakeFirstOrThrow();
      const day = new Date(`${renewal.effective_date}T00:00:00Z`);
      const rss = await new Parser().parseString((await get('/shows/wednesday/feed.xml')).text);
      const item = rss.items.find((i) => i.title === 'Wednesday: renewed, season 3');
      expect(new Date(item?.pubDate ?? '').toISOString()).toBe(day.toISOString());
      const json = JSON.parse((await get('/shows/wednesday/feed.json')).text);
      const entry = json.items.find((i: { id: string }) => i.id.endsWith(`/updates/${renewal.id}`));
      expect(entry.date_published).toBe(day.toISOString());
      expect(entry.date_modified).toBe(new Date(renewal.created_at).toISOString());
      const atom = (await get('/shows/wednesday/feed.atom')).text;
      expect(atom).toContain(`<published>${day.toISOString()}</published>`);
      // The feed's own <updated> is its latest change, not its first item's.
      const latest = await db()
        .kysely.selectFrom('status_events')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('show_id', '=', show.id)
        .where('retracted_at', 'is', null)
        .executeTakeFirstOrThrow();
      expect(/<feed[\s\S]*?<updated>([^<]+)<\/updated>/.exec(atom)?.[1]).toBe(new Date(latest.at as string).toISOString());
    });

    it('publishes JSON Feed 1.1', async () => {
      const res = await get('/shows/the-witcher/feed.json');
      expect(res.type).toMatch(/application\/feed\+json/);
      const feed = JSON.parse(res.text);
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.items[0]).toMatchObject({
        id: expect.stringMatching(/^https:\/\/nextseason\.test\/updates\/\d+$/),
        url: 'https://nextseason.test/shows/the-witcher#updates',
      });
      expect((await get('/shows/no-such-show/feed.json')).status).toBe(404);
    });

    it('publishes premieres as all-day iCalendar events with stable UIDs, and moves an event instead of adding one', async () => {
      const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
      const cal = parse((await get('/shows/wednesday/calendar.ics')).text);
      expect(cal.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT6H');
      expect(cal.getFirstPropertyValue('x-published-ttl')).toBe('PT6H');
      const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      const s2 = events.find((e) => e.uid === 'premiere-wednesday-s2@nextseason');
      expect(s2?.startDate.isDate).toBe(true);
      expect(s2?.startDate.toString()).toBe('2025-08-06');
      expect(s2?.sequence).toBe(0);

      const wednesday = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'wednesday').executeTakeFirstOrThrow();
      await db()
        .kysely.updateTable('seasons')
        .set({ premiere_date: '2025-08-13' })
        .where('show_id', '=', wednesday.id)
        .where('number', '=', 2)
        .execute();
      const moved = parse((await get('/shows/wednesday/calendar.ics')).text)
        .getAllSubcomponents('vevent')
        .map((e) => new ICAL.Event(e))
        .filter((e) => e.uid === 'premiere-wednesday-s2@nextseason');
      expect(moved).toHaveLength(1);
      expect(moved[0]?.startDate.toString()).toBe('2025-08-13');
      expect(moved[0]?.sequence).toBe(1);
    });

    it('lists every show and person in a sitemap index with their last change, keeps /admin out of robots, and links feeds from pages', async () => {
      const index = await get('/sitemap.xml');
      expect(index.text).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
      );
      const parts = [...index.text.matchAll(/<sitemap><loc>https:\/\/nextseason.test(\/sitemaps\/[a-z0-9-]+\.xml)<\/loc>/g)].map(
        (m) => m[1],
      );
      expect(parts).toEqual(['/sitemaps/pages.xml', '/sitemaps/shows-1.xml', '/sitemaps/people-1.xml']);
      const [pages, shows, people] = await Promise.all(parts.map((p) => get(p as string)));
      expect(pages?.text).toContain('<url><loc>https://nextseason.test/browse?platform=netflix</loc></url>');
      expect(pages?.text).toContain('<url><loc>https://nextseason.test/platforms/netflix</loc></url>');
      expect(pages?.text).toContain('<url><loc>https://nextseason.test/calendar?month=2026-12</loc></url>');
      expect(shows?.text).toContain('<loc>https://nextseason.test/shows/somos</loc><lastmod>2026-11-25</lastmod>');
      const showCount = await db()
        .kysely.selectFrom('shows')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(shows?.text.match(/<url>/g)).toHaveLength(Number(showCount.n));
      expect(people?.text).toContain('<loc>https://nextseason.test/people/james-schamus</loc>');
      expect((await get('/sitemaps/shows-2.xml')).status).toBe(404);
      expect((await get('/sitemaps/shows-0.xml')).status).toBe(404);
      expect((await get('/robots.txt')).text).toContain('Disallow: /admin');
      const page = (await get('/shows/somos')).text;
      expect(page).toContain('<link rel="alternate" type="application/rss+xml"');
      expect(page).toContain('href="/shows/somos/feed.json"');
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
