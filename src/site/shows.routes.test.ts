import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';

const SITE = 'https://nextseason.test';

function jsonLd(html: string): Record<string, any> {
  const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  if (!m?.[1]) throw new Error('no JSON-LD on the page');
  return JSON.parse(m[1]);
}

function text(html: string): string {
  return html
    .replace(/<style>.*?<\/style>/gs, '')
    .replace(/<script.*?<\/script>/gs, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describeEachEngine(
  'show pages',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: SITE, now: () => TEST_NOW });

    it('answers every question about Somos. from data', async () => {
      const res = await app().request('/shows/somos');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      const page = text(html);
      expect(page).toContain(
        'Somos. is a Spanish-language crime drama from Mexico, released on Netflix on 30 June 2021. It has one season of six episodes. It was created by James Schamus, based on Ginger Thompson',
      );
      expect(page).toContain('Directed by Álvaro Curiel and Mariana Chenillo.');
      expect(page).toContain('How many seasons are there?');
      expect(page).toContain('There is one season of Somos. so far.');
      expect(page).toContain('Will there be a season 2?');
      expect(page).toContain(
        // Over four years with no season 2 and no word: longer than nearly any wait between seasons (DORMANT_AFTER_DAYS).
        'Most likely not. No new season since 2021 and no word from Netflix: Somos. is most likely over.',
      );
      expect(page).toContain('When will season 2 come out?');
      expect(page).toContain('No season 2 is expected: no new season has come out in over four years, and none is announced.');
      expect(page).toMatch(/Chance of a season 2: (&lt;|&gt;|<|>)?\d+%/);
      expect(page).toContain('“Netflix usually decides within three months”');
      expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
      expect(page).toMatch(/Cinematography\s+Ignacio Prieto/);
      expect(page).toMatch(/7\.2\/10 on IMDb, as of 2021/);
      expect(page).toContain('Season 1: 6 episodes');
      expect(page).toContain('Similar shows');
      expect(page).toMatch(/Last updated 25 November 2026/);
      expect(html).toContain(`<link rel="canonical" href="${SITE}/shows/somos"/>`);
      expect(html).toContain('<meta property="og:type" content="video.tv_show"/>');

      const ld = jsonLd(html);
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'TVSeries',
        name: 'Somos.',
        numberOfSeasons: 1,
        numberOfEpisodes: 6,
      });
      expect(ld.containsSeason).toEqual([
        expect.objectContaining({ '@type': 'TVSeason', seasonNumber: 1, startDate: '2021-06-30', numberOfEpisodes: 6 }),
      ]);
      expect(ld.creator).toEqual([{ '@type': 'Person', name: 'James Schamus' }]);
      expect(ld.director.map((p: { name: string }) => p.name)).toEqual(['Álvaro Curiel', 'Mariana Chenillo']);
      // IMDb's 7.2 is on record without its number of votes: no aggregate rating a search engine would reject.
      expect(ld.aggregateRating).toBeUndefined();
      expect(ld.countryOfOrigin).toEqual({ '@type': 'Country', name: 'Mexico', identifier: 'MX' });
      expect(ld.image).toMatchObject({ url: expect.stringMatching(/\/shows\/somos\/card\.png$/), width: 1200, height: 630 });
      const crumbs = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1] as string));
      expect(crumbs[1]).toMatchObject({ '@type': 'BreadcrumbList' });
      expect(crumbs[1].itemListElement.map((i: { name: string }) => i.name)).toEqual(['Next Season', 'Netflix', 'Somos.']);
    });

    it('gives every show a forecast with its explanation and chart', async () => {
      const shows = await db().kysely.selectFrom('shows').select('slug').execute();
      for (const { slug } of shows) {
        const html = await (await app().request(`/shows/${slug}`)).text();
        expect(html, slug).toMatch(/<h3>Forecast<\/h3>/);
        expect(html, slug).toMatch(/Chance of a season \d+: <strong>(&lt;|&gt;)?\d+%<\/strong>/);
        expect(html, slug).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
      }
    });

    it('suggests similar shows with a reason', async () => {
      const res = await app().request('/api/shows/somos');
      const body = (await res.json()) as any;
      expect(body.similar.length).toBeGreaterThan(0);
      for (const s of body.similar) expect(s.reason).toMatch(/^also /);
      expect(body.similar.map((s: { reason: string }) => s.reason)).toContain('also a Spanish-language crime drama on Netflix');
    });

    it('gives a real 404 page for an unknown or malformed slug', async () => {
      for (const path of ['/shows/no-such-show', '/shows/BAD%20Slug', '/nowhere']) {
        const res = await app().request(path);
        expect(res.status, path).toBe(404);
        expect(await res.text()).toContain('<h1>Not found</h1>');
      }
    });

    it('finds shows whatever the accents, case and punctuation', async () => {
      for (const q of ['somos', 'SOMOS.', 'sómos', 'som']) {
        const res = await app().request(`/search?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        expect(text(await res.text()), q).toMatch(/show(es)? match.*Somos\./);
      }
      const people = text(await (await app().request('/search?q=Alvaro%20Curiel')).text());
      expect(people).toContain('Álvaro Curiel · director of Somos.');
      const typo = text(await (await app().request('/search?q=stranger%20thigns')).text());
      expect(typo).toContain('No title matches “stranger thigns” exactly');
      expect(typo).toContain('Stranger Things');
      const none = await app().request('/search?q=zzzzqqq');
      expect(text(await none.text())).toContain('No shows match “zzzzqqq”');
    });

    it('gives every credited person a page with their shows, linked from show pages and search', async () => {
      const show = await (await app().request('/shows/somos')).text();
      expect(show).toContain('<a href="/people/james-schamus">James Schamus</a>');
      const search = await (await app().request('/search?q=Alvaro%20Curiel')).text();
      expect(search).toContain('<a href="/people/alvaro-curiel">Álvaro Curiel</a>');
      const res = await app().request('/people/alvaro-curiel');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(text(html)).toContain('Álvaro Curiel Credited on one show in the catalogue. Somos. (2021) Most likely over · director');
      expect(jsonLd(html)).toMatchObject({
        '@type': 'Person',
        name: 'Álvaro Curiel',
        url: `${SITE}/people/alvaro-curiel`,
        subjectOf: [{ '@type': 'TVSeries', name: 'Somos.', url: `${SITE}/shows/somos` }],
      });
      expect((await app().request('/people/no-such-person')).status).toBe(404);
      expect((await app().request('/people/Bad_Slug')).status).toBe(404);
    });

    it('keeps a renewal scoreboard per platform', async () => {
      const res = await app().request('/platforms/netflix');
      expect(res.status).toBe(200);
      const page = text(await res.text());
      expect(page).toContain('Netflix: renewal scoreboard');
      expect(page).toMatch(/From a season's release to the decision on the next: median \d+ days, over \d+ decisions on record/);
      expect(page).toMatch(/Most likely over \(\d+\) Kingdom/);
      expect((await app().request('/platforms/nowhere')).status).toBe(404);
    });

    it("shows a premiere calendar at each date's precision", async () => {
      const res = await app().request('/calendar?month=2026-08');
      expect(res.status).toBe(200);
      const page = text(await res.text());
      expect(page).toContain('Premiere calendar');
      expect(page).toContain('August 2026');
      expect(page).toContain('August 2026, day by day 5 August 2026 Ted Lasso , season 4 · Apple TV+');
      expect((await app().request('/calendar?month=2026-13')).status).toBe(400);
    });

    it('browses by platform, status, country, genre and premiere year, a page at a time', async () => {
      const res = await app().request('/browse?platform=netflix&status=ended&genre=Drama');
      expect(res.status).toBe(200);
      const page = text(await res.text());
      expect(page).toMatch(/(\d+) shows?\./);
      expect(page).toContain('Dark');
      expect(page).not.toContain('Somos.');
      const year = text(await (await app().request('/browse?year=2021&country=mx')).text());
      expect(year).toContain('Somos.');
      expect(year).toContain('2 shows.'); // Somos. and Who Killed Sara?
      expect((await app().request('/browse?year=21')).status).toBe(400);
      const api = (await (await app().request('/api/shows?genre=Crime&year=2021')).json()) as { items: Array<{ slug: string }> };
      expect(api.items.map((s) => s.slug)).toContain('somos');
    });

    it('serves the home and about pages', async () => {
      const home = await app().request('/');
      expect(home.status).toBe(200);
      const html = await home.text();
      const page = text(html);
      for (const heading of [
        'Latest updates',
        'Coming up',
        'Recently renewed',
        'Recently cancelled or ended',
        'Waiting longest',
        'Recently updated',
      ]) {
        expect(page).toContain(heading);
      }
      // Somos. has been quiet for over four years (dormant): it is no longer listed as waiting for a decision.
      expect(page).not.toMatch(/Somos\. · season 1 came out/);
      expect(page).toContain('No show is waiting for a decision');
      expect(page).toContain('Wednesday , season 3');
      expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
      const quality = text(await (await app().request('/about/forecasts')).text());
      expect(quality).toContain('How good are the forecasts?');
      expect(quality).toMatch(/Aims, on Netflix's own seasons.*skill over climatology at 365 days ≥ \+0\.15 [+−]\d\.\d\d (yes|no)/);
      const about = await app().request('/about');
      expect(text(await about.text())).toContain('CC BY-SA 4.0');
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
