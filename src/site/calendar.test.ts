import { expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';

// A month as a full catalogue has it: a busy day, daily news bulletins, shows from two countries and
// platforms, and dates known only to the month or the quarter.

describeEachEngine(
  'premiere calendar at scale',
  (db) => {
    const get = async (path: string) => {
      const res = await buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW }).request(path);
      return { status: res.status, html: await res.text() };
    };
    const shows = (html: string) => [...html.matchAll(/<a href="\/shows\/([a-z0-9-]+)">/g)].map((m) => m[1] as string);
    const inList = (html: string) => shows(html.slice(html.indexOf('day by day') > 0 ? html.indexOf('day by day') : html.indexOf('<h2>')));

    it('leaves daily news and talk out, groups the month by day and says how many more a day holds', async () => {
      const { status, html } = await get('/calendar?month=2024-01');
      expect(status).toBe(200);
      expect(html).toContain('January 2024, day by day');
      expect(shows(html).filter((s) => s.startsWith('news-') || s === 'late-talk')).toEqual([]);
      expect(html).toContain('Daily news and talk shows are left out');
      // The grid cell for 5 January lists three titles and links to the rest.
      expect(html).toContain('<a href="#d-2024-01-05">and 17 more</a>');
      // The day in the list holds six, then a link to the whole day.
      const day = html.slice(html.indexOf('id="d-2024-01-05"'), html.indexOf('id="d-2024-01-06"'));
      expect(shows(day)).toHaveLength(6);
      expect(day).toContain('and 14 more: <a href="/calendar?day=2024-01-05">all 20 on this day</a>');
      expect(html).toContain('Also in January 2024, day not announced:');
      // A season numbered by its year (an awards night) comes after a real new season on the same day.
      expect(shows(html.slice(html.indexOf('id="d-2024-01-06"')))).toEqual(expect.arrayContaining(['brit-drama', 'aaa-gala']));
      const sixth = shows(html.slice(html.indexOf('id="d-2024-01-06"')));
      expect(sixth.indexOf('brit-drama')).toBeLessThan(sixth.indexOf('aaa-gala'));
      expect(html).toContain('Q2 2024 (April–June) — <a href="/shows/spring-show">Spring show</a>, season 2');
    });

    it('lists a whole day, in title order', async () => {
      const { html } = await get('/calendar?day=2024-01-05');
      const listed = inList(html.slice(html.indexOf('<h2>5 January 2024</h2>'))).filter((s) => s.startsWith('busy-'));
      expect(listed).toEqual(Array.from({ length: 20 }, (_, i) => `busy-${String(i).padStart(2, '0')}`));
    });

    it('filters by platform, country and kind, and keeps the filters across months', async () => {
      const bbc = await get('/calendar?month=2024-01&platform=bbc-one');
      expect(new Set(shows(bbc.html))).toEqual(new Set(['brit-drama']));
      expect(bbc.html).toContain('href="/calendar?month=2024-02&amp;platform=bbc-one"');
      const gb = await get('/calendar?month=2024-01&country=gb');
      expect(new Set(shows(gb.html))).toEqual(new Set(['brit-drama']));
      const news = await get('/calendar?month=2024-01&kind=news');
      expect(shows(news.html).filter((s) => s.startsWith('news-'))).not.toHaveLength(0);
      expect(shows(news.html).some((s) => s.startsWith('busy-'))).toBe(false);
      const all = await get('/calendar?month=2024-01&kind=all');
      expect(shows(all.html)).toContain('late-talk');
      expect(shows(all.html)).toContain('busy-00');
    });

    it('keeps a quarter already begun under Later, and gives each month and filter its own canonical URL', async () => {
      const may = await get('/calendar?month=2024-05');
      expect(may.html).toContain('Q2 2024 (April–June) — <a href="/shows/spring-show">Spring show</a>, season 2');
      expect((await get('/calendar?month=2024-07')).html).not.toContain('spring-show');
      const bbc = await get('/calendar?month=2024-01&platform=bbc-one');
      expect(bbc.html).toContain('<link rel="canonical" href="https://nextseason.test/calendar?month=2024-01&amp;platform=bbc-one"/>');
    });

    it('answers 400 with the field for a filter it cannot read', async () => {
      for (const [query, message] of [
        ['kind=soap', 'kind: must be one of'],
        ['country=GBR', 'country: must be a two-letter country code'],
        ['day=2024-02-30', 'day: must be a day of the calendar'],
        ['month=2024-13', 'month: must be YYYY-MM'],
      ] as const) {
        const { status, html } = await get(`/calendar?${query}`);
        expect(status, query).toBe(400);
        expect(html, query).toContain(message);
      }
    });
  },
  async (db: Db) => {
    const k = db.kysely;
    const stamp = TEST_NOW.toISOString();
    const platform = async (slug: string, name: string, country: string) =>
      (await k.insertInto('platforms').values({ slug, name, kind: 'broadcast', country }).returning('id').executeTakeFirstOrThrow()).id;
    const netflix = await platform('netflix', 'Netflix', 'US');
    const bbc = await platform('bbc-one', 'BBC One', 'GB');
    const show = async (
      slug: string,
      type: string,
      platformId: number,
      country: string,
      season: number,
      date: string,
      precision = 'day',
    ) => {
      const { id } = await k
        .insertInto('shows')
        .values({
          slug,
          title: slug.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase()),
          type,
          platform_id: platformId,
          origin_country: country,
          derived_status: 'upcoming',
          search_text: slug,
          created_at: stamp,
          updated_at: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await k
        .insertInto('seasons')
        .values({ show_id: id, number: season, premiere_date: date, premiere_precision: precision as 'day', finale_precision: 'unknown' })
        .execute();
    };
    for (let i = 0; i < 20; i++) await show(`busy-${String(i).padStart(2, '0')}`, 'scripted', netflix, 'US', 1, '2024-01-05');
    for (let i = 0; i < 30; i++) await show(`news-${i}`, 'news', netflix, 'US', 2024, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
    await show('late-talk', 'talk', netflix, 'US', 12, '2024-01-02');
    await show('brit-drama', 'scripted', bbc, 'GB', 3, '2024-01-06');
    await show('aaa-gala', 'awards', netflix, 'US', 2024, '2024-01-06');
    await show('month-show', 'scripted', netflix, 'US', 2, '2024-01-01', 'month');
    await show('spring-show', 'scripted', netflix, 'US', 2, '2024-04-01', 'quarter');
  },
);
