import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';

// More shows than a search counts (COUNT_CAP): browse must still count them all and page to the last one.
const SHOWS = 1_234;
const PAGE = 30;

describeEachEngine(
  'browse at scale',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    const titles = (html: string) => [...html.matchAll(/<li><a href="\/shows\/(show-\d+)">/g)].map((m) => m[1]);

    it('counts every show, and every show is on exactly one page', async () => {
      const first = await (await app().request('/browse')).text();
      expect(first).toContain(`${SHOWS.toLocaleString('en')} shows.`);
      const pages = Math.ceil(SHOWS / PAGE);
      expect(first).toContain(`Page 1 of ${pages}`);
      const seen = new Set<string>();
      for (let page = 1; page <= pages; page++) {
        const html = await (await app().request(`/browse?page=${page}`)).text();
        for (const slug of titles(html)) seen.add(slug as string);
        expect(html.includes('>Next</a>')).toBe(page < pages);
      }
      expect(seen.size).toBe(SHOWS);
    });

    it('says which page is the last when asked for one past it', async () => {
      const html = await (await app().request('/browse?page=100')).text();
      expect(html).toContain('There is no page 100');
      expect(html).toContain(`Page ${Math.ceil(SHOWS / PAGE)} of ${Math.ceil(SHOWS / PAGE)}`);
      expect(titles(html)).toEqual([]);
    });
  },
  async (db) => {
    const stamp = TEST_NOW.toISOString();
    const rows = Array.from({ length: SHOWS }, (_, i) => ({
      slug: `show-${i}`,
      title: `Show ${String(i).padStart(4, '0')}`,
      type: 'scripted',
      derived_status: 'undecided',
      search_text: `show ${i}`,
      created_at: stamp,
      updated_at: stamp,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await db.kysely
        .insertInto('shows')
        .values(rows.slice(i, i + 200))
        .execute();
  },
);
