import { type AnyFeed, parseFeed } from 'feedsmith';
import ICAL from 'ical.js';
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

    /** A feed read back by feedsmith, an independent parser, with its format checked against what we served. */
    const read = async (path: string): Promise<AnyFeed> => {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const format = ({ xml: 'rss', atom: 'atom', json: 'json' } as const)[path.split('.').pop() as 'xml' | 'atom' | 'json'];
      expect(res.type, path).toMatch(
        { rss: /application\/rss\+xml/, atom: /application\/atom\+xml/, json: /application\/feed\+json/ }[format],
      );
      const feed = parseFeed(res.text);
      expect(feed.format, path).toBe(format);
      return feed;
    };
    /** Each item's title and link, whatever the format. */
    const itemsOf = (feed: AnyFeed) => {
      switch (feed.format) {
        case 'rss':
        case 'rdf':
          return (feed.feed.items ?? []).map((i) => ({ title: i.title, link: i.link }));
        case 'atom':
          return (feed.feed.entries ?? []).map((e) => ({
            title: e.title?.value,
            link: e.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href,
          }));
        case 'json':
          return (feed.feed.items ?? []).map((i) => ({ title: i.title, link: i.url }));
      }
    };

    it('publishes RSS 2.0, Atom 1.0 and JSON Feed 1.1 that a feed parser reads, site-wide, per show and per platform', async () => {
      for (const scope of ['', '/shows/wednesday', '/platforms/netflix'])
        for (const ext of ['xml', 'atom', 'json']) {
          const path = `${scope}/feed.${ext}`;
          const items = itemsOf(await read(path));
          expect(items.length, path).toBeGreaterThan(0);
          for (const item of items) expect(item.link, path).toMatch(/^https:\/\/nextseason\.test\/shows\/[a-z0-9-]+#updates$/);
          if (scope === '/shows/wednesday') expect(items.map((i) => i.title)).toContain('Wednesday: renewed, season 3');
        }
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
      const day = new Date(`${renewal.effective_date}T00:00:00Z`).toISOString();
      const recorded = new Date(renewal.created_at).toISOString();
      const iso = (d: unknown) => new Date(d as string).toISOString();
      const rss = await read('/shows/wednesday/feed.xml');
      const atom = await read('/shows/wednesday/feed.atom');
      const json = await read('/shows/wednesday/feed.json');
      if (rss.format !== 'rss' || atom.format !== 'atom' || json.format !== 'json') throw new Error('formats checked by read()');
      const item = rss.feed.items?.find((i) => i.title === 'Wednesday: renewed, season 3');
      expect(iso(item?.pubDate)).toBe(day);
      const entry = atom.feed.entries?.find((e) => e.id?.endsWith(`/updates/${renewal.id}`));
      expect([iso(entry?.published), iso(entry?.updated)]).toEqual([day, recorded]);
      const jsonItem = json.feed.items?.find((i) => i.id?.endsWith(`/updates/${renewal.id}`));
      expect([iso(jsonItem?.date_published), iso(jsonItem?.date_modified)]).toEqual([day, recorded]);
      // The feed's own <updated> is its latest change, not its first item's.
      const latest = await db()
        .kysely.selectFrom('status_events')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('show_id', '=', show.id)
        .where('retracted_at', 'is', null)
        .executeTakeFirstOrThrow();
      expect(iso(atom.feed.updated)).toBe(new Date(latest.at as string).toISOString());
    });

    it('publishes JSON Feed 1.1', async () => {
      const res = await get('/shows/the-witcher/feed.json');
      expect(res.type).toMatch(/application\/feed\+json/);
      // The version and the 1.0 fields are what a parser normalises away: read from the text itself.
      const raw = JSON.parse(res.text);
      expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
      for (const i of raw.items) expect(i).not.toHaveProperty('author');
      const feed = parseFeed(res.text);
      if (feed.format !== 'json') throw new Error(`read as ${feed.format}`);
      expect(feed.feed.items?.[0]).toMatchObject({
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

    it('serves every feed and calendar in Spanish under /es, read back by independent parsers', async () => {
      for (const format of ['xml', 'atom', 'json'] as const) {
        const feed = await read(`/es/shows/somos/feed.${format}`);
        const items = itemsOf(feed);
        expect(items.length, format).toBeGreaterThan(0);
        for (const item of items) expect(item.link, format).toMatch(/^https:\/\/nextseason\.test\/es\/shows\/somos#updates$/);
        expect(items.map((i) => i.title).join(' '), format).toContain('Somos.: estrenada, temporada 1');
      }
      const rss = await get('/es/shows/somos/feed.xml');
      expect(rss.text).toContain('<title>Somos.: novedades | Next Season</title>');
      expect(rss.text).toContain('<language>es</language>');
      const calendar = await get('/es/calendar.ics');
      expect(calendar.status).toBe(200);
      const cal = new ICAL.Component(ICAL.parse(calendar.text));
      expect(cal.getFirstPropertyValue('name') ?? cal.getFirstPropertyValue('x-wr-calname')).toBe('Next Season: próximos estrenos');
      const summaries = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary);
      expect(summaries.length).toBeGreaterThan(0);
      for (const summary of summaries) expect(summary).toMatch(/: estreno de la temporada \d+/);
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
      // Every page in both languages, each entry naming the other as its alternate.
      for (const path of ['/browse?platform=netflix', '/platforms/netflix', '/calendar?month=2026-12'])
        for (const at of ['', '/es']) expect(pages?.text).toContain(`<url><loc>https://nextseason.test${at}${path}</loc><xhtml:link`);
      expect(shows?.text).toContain(
        '<url><loc>https://nextseason.test/es/shows/somos</loc><lastmod>2026-11-25</lastmod><xhtml:link rel="alternate" hreflang="en" href="https://nextseason.test/shows/somos"/><xhtml:link rel="alternate" hreflang="es" href="https://nextseason.test/es/shows/somos"/><xhtml:link rel="alternate" hreflang="x-default" href="https://nextseason.test/shows/somos"/></url>',
      );
      expect(shows?.text).toContain('<loc>https://nextseason.test/shows/somos</loc><lastmod>2026-11-25</lastmod>');
      const showCount = await db()
        .kysely.selectFrom('shows')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(shows?.text.match(/<url>/g)).toHaveLength(2 * Number(showCount.n));
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
