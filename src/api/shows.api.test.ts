import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';

describeEachEngine(
  'shows API',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    const get = async (path: string) => {
      const res = await app().request(path);
      return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
    };

    it('lists shows a page at a time with a total', async () => {
      const first = await get('/api/shows?limit=5');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(Math.min(5, first.body.total));
      const second = await get('/api/shows?limit=5&page=2');
      const slugs = new Set(first.body.items.map((s: { slug: string }) => s.slug));
      for (const s of second.body.items) expect(slugs.has(s.slug)).toBe(false);
    });

    it('filters by platform, status, country and text', async () => {
      const netflix = await get('/api/shows?platform=netflix&limit=100');
      expect(netflix.body.total).toBeGreaterThan(0);
      for (const s of netflix.body.items) expect(s.platform.slug).toBe('netflix');
      const dormant = await get('/api/shows?status=dormant&country=mx');
      expect(dormant.body.items.map((s: { slug: string }) => s.slug)).toContain('somos');
      for (const s of dormant.body.items) expect(s).toMatchObject({ status: 'dormant', country: 'MX' });
      const q = await get('/api/shows?q=Somos.');
      expect(q.body.items[0]).toMatchObject({ slug: 'somos', title: 'Somos.', url: 'https://nextseason.test/shows/somos' });
      const nothing = await get('/api/shows?q=%20%21%21');
      expect(nothing.body).toMatchObject({ total: 0, items: [] });
    });

    it('returns one show with seasons, credits, ratings and its answer', async () => {
      const { status, body } = await get('/api/shows/somos');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        slug: 'somos',
        platform: { slug: 'netflix', name: 'Netflix' },
        country: 'MX',
        language: 'es',
        status: 'dormant',
      });
      expect(body.answer).toMatchObject({ nextSeason: 2, latestSeason: 1, verdict: 'Most likely not', nextPremiere: null });
      expect(body.seasons).toEqual([
        {
          number: 1,
          premiere: '2021-06-30',
          finale: '2021-06-30',
          episodeCount: 6,
          episodeCountKind: 'counted',
          releaseStyle: 'all_at_once',
        },
      ]);
      expect(body.credits).toEqual(
        expect.arrayContaining([{ role: 'cinematographer', name: 'Ignacio Prieto', person: 'ignacio-prieto', character: null }]),
      );
      expect(body.ratings[0]).toMatchObject({ source: 'imdb', value: 7.2, asOf: '2021' });
    });

    it('forecasts the next season with its evidence', async () => {
      const { status, body } = await get('/api/shows/somos/forecast');
      expect(status).toBe(200);
      expect(body).toMatchObject({ slug: 'somos', asOf: '2026-11-25', latestSeason: 1, nextSeason: 2, basis: 'waiting' });
      expect(body.pNext).toBeGreaterThan(0);
      expect(body.pNext).toBeLessThan(0.25); // five years of silence
      expect(body.pWithin365).toBeLessThanOrEqual(body.pWithin730);
      expect(body.explanation.join(' ')).toMatch(/Somos\. has waited 65 months since season 1 with no announcement/);
      const ended = await get('/api/shows/breaking-bad/forecast');
      expect(ended.body).toMatchObject({ basis: 'ended', quantiles: null });
      const renewed = await get('/api/shows/wednesday/forecast');
      expect(renewed.body.basis).toBe('renewed');
      expect(renewed.body.pNext).toBeGreaterThan(0.9);
      expect((await get('/api/shows/nothing/forecast')).status).toBe(404);
    });

    it.each([
      ['/api/shows?limit=1000', 'limit', 'must be at most 100'],
      ['/api/shows?limit=0', 'limit', 'must be at least 1'],
      ['/api/shows?page=-1', 'page', 'must be a whole number'],
      ['/api/shows?page=abc', 'page', 'must be a whole number'],
      ['/api/shows?status=maybe', 'status', 'must be one of'],
      ['/api/shows?country=Mexico', 'country', 'two-letter country code'],
      ['/api/shows?platform=Net%20flix', 'platform', 'platform slug'],
      [`/api/shows?q=${'x'.repeat(201)}`, 'q', 'at most 200 characters'],
    ])('%s → 400 naming %s', async (path, field, message) => {
      const { status, type, body } = await get(path);
      expect(status).toBe(400);
      expect(type).toMatch(/^application\/problem\+json/);
      expect(body).toMatchObject({ status: 400, title: 'Invalid parameters' });
      expect(body.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
    });

    it('answers unknown shows and paths with problem+json 404s', async () => {
      const missing = await get('/api/shows/no-such-show');
      expect(missing).toMatchObject({ status: 404, body: { status: 404, detail: 'no show has the slug "no-such-show"' } });
      const path = await get('/api/nothing-here');
      expect(path.status).toBe(404);
      expect(path.type).toMatch(/problem\+json/);
    });

    it('never answers hostile input with a 500', async () => {
      const hostile = [
        '"',
        "'",
        '*',
        '"*',
        'NEAR(',
        'a OR b',
        '%',
        '\\',
        '\u0000',
        '😀',
        "'; drop table shows; --",
        'x'.repeat(199),
        '&:*|!',
        'AND',
        '-',
        '^',
      ];
      const paths = hostile.flatMap((h) => {
        const v = encodeURIComponent(h);
        return [
          `/api/shows?q=${v}`,
          `/search?q=${v}`,
          `/api/shows/${v}`,
          `/shows/${v}`,
          `/api/shows?platform=${v}&country=${v}&status=${v}&page=${v}`,
        ];
      });
      for (const path of paths) {
        const res = await app().request(path);
        expect(res.status, path).toBeLessThan(500);
      }
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
