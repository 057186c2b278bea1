import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildSite } from '../server.ts';

// Other sites' code may read the public API, feeds and calendars (CORS, and a resource policy that lets them
// be embedded); pages and a follower's own answers stay same-origin. The same headers come from the cache's
// fast path as from the app.

describeEachEngine(
  'cross-origin reads',
  (db) => {
    it('lets any origin read public API answers, feeds and calendars, on the first answer and the cached one', async () => {
      const { listener } = buildSite({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      const server = createServer(listener).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const headersOf = async (path: string) => {
        const res = await fetch(`${base}${path}`, { headers: { origin: 'https://elsewhere.example' } });
        await res.arrayBuffer();
        return [res.status, res.headers.get('access-control-allow-origin'), res.headers.get('cross-origin-resource-policy')];
      };
      try {
        for (const path of [
          '/api/shows/somos',
          '/api/shows?q=somos',
          '/shows/somos/feed.json',
          '/feed.xml',
          '/calendar.ics',
          '/api/openapi.json',
        ])
          for (let pass = 0; pass < 2; pass++) expect([path, ...(await headersOf(path))]).toEqual([path, 200, '*', 'cross-origin']);
        for (let pass = 0; pass < 2; pass++) expect(await headersOf('/shows/somos')).toEqual([200, null, 'same-origin']);
        expect(await headersOf('/api/follows/me')).toEqual([401, null, 'same-origin']);
      } finally {
        server.close();
      }
    });

    it('names a bad comments API parameter with 400, where the page forgives it', async () => {
      const { app } = buildSite({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      for (const [query, field] of [
        ['order=sideways', 'order'],
        ['cpage=0', 'cpage'],
        ['season=two', 'season'],
      ]) {
        const res = await app.request(`/api/shows/somos/comments?${query}`);
        expect(res.status, query).toBe(400);
        const body = (await res.json()) as { errors: Array<{ field: string }> };
        expect(body.errors[0]?.field).toBe(field);
      }
      expect((await app.request('/api/shows/somos/comments?order=newest&cpage=1')).status).toBe(200);
      expect((await app.request('/shows/somos?order=sideways')).status).toBe(200);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
