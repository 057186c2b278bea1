import { brotliDecompressSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { COMMENTS_SCRIPT, DESK_STYLESHEET, STYLESHEET } from './assets.ts';

describeEachEngine(
  'assets',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });

    it('are named by a hash of their bytes and kept for a year', async () => {
      for (const asset of [STYLESHEET, DESK_STYLESHEET, COMMENTS_SCRIPT]) {
        expect(asset.url).toMatch(/^\/assets\/(site|desk|comments)\.[\w-]{12}\.(css|js)$/);
        const res = await app().request(asset.url, { headers: { 'accept-encoding': 'br' } });
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(res.headers.get('content-type')).toBe(asset.type);
        expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).equals(Buffer.from(asset.raw))).toBe(true);
      }
      expect((await app().request('/assets/site.AAAAAAAAAAAA.css')).status).toBe(404);
    });

    it('are what pages link, under a policy that allows no inline style or script', async () => {
      const res = await app().request('/shows/somos');
      const html = await res.text();
      expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET.url}"/>`);
      expect(html).toContain(`<script src="${COMMENTS_SCRIPT.url}" defer=""></script>`);
      expect(html).not.toMatch(/<style|\sstyle="/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(html).not.toContain(DESK_STYLESHEET.url);
    });

    it("add the desk's stylesheet to desk pages only, after the site's", async () => {
      const html = await (await app().request('/admin/login')).text();
      expect(html.indexOf(`<link rel="stylesheet" href="${STYLESHEET.url}"/>`)).toBeGreaterThan(0);
      expect(html.indexOf(`<link rel="stylesheet" href="${DESK_STYLESHEET.url}"/>`)).toBeGreaterThan(html.indexOf(STYLESHEET.url));
      expect(html).not.toMatch(/<style|\sstyle="/);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
