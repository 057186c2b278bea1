import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildSite } from '../server.ts';
import { ExportError, exportSite, fileFor } from './export.build.ts';

it.each([
  ['/', 'index.html'],
  ['/shows/somos', 'shows/somos.html'],
  ['/about/forecasts', 'about/forecasts.html'],
  ['/shows/somos/feed.xml', 'shows/somos/feed.xml'],
  ['/calendar.ics', 'calendar.ics'],
  ['/sitemaps/shows-1.xml', 'sitemaps/shows-1.xml'],
])('writes %s to %s', (url, file) => expect(fileFor(url)).toBe(file));

describeEachEngine(
  'the static export',
  (db) => {
    it('writes every page with its compressed copies, rewrites only what changed, removes what is gone, and keeps out of folders not its own', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-export-'));
      const { app } = buildSite({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      const first = await exportSite(app, dir);
      expect(first.written).toBe(first.files);
      const somos = fs.readFileSync(path.join(dir, 'shows/somos.html'), 'utf8');
      expect(somos).toContain('<h1');
      expect(gunzipSync(fs.readFileSync(path.join(dir, 'shows/somos.html.gz'))).toString()).toBe(somos);
      expect(fs.existsSync(path.join(dir, 'shows/somos.html.br'))).toBe(true);
      for (const f of [
        'index.html',
        'sitemap.xml',
        'robots.txt',
        'calendar.ics',
        'feed.json',
        'shows/somos/calendar.ics',
        'platforms/netflix.html',
      ])
        expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
      // Each show's share card in both languages, as PNG, with no compressed copies (a PNG is compressed already).
      for (const f of ['shows/somos/card.png', 'es/shows/somos/card.png']) {
        const png = fs.readFileSync(path.join(dir, f));
        expect([f, png.subarray(12, 16).toString('latin1'), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([f, 'IHDR', 1200, 630]);
        expect(fs.existsSync(path.join(dir, `${f}.gz`)), `${f}.gz`).toBe(false);
      }
      expect(await exportSite(app, dir)).toEqual({ files: first.files, written: 0, removed: 0 });

      await db()
        .kysely.updateTable('shows')
        .set({ synopsis: 'Changed for the export', updated_at: TEST_NOW.toISOString() })
        .where('slug', '=', 'somos')
        .execute();
      const second = await exportSite(app, dir);
      expect(second.written).toBeGreaterThan(0);
      expect(second.written).toBeLessThan(first.files / 4);
      expect(fs.readFileSync(path.join(dir, 'shows/somos.html'), 'utf8')).toContain('Changed for the export');

      fs.writeFileSync(path.join(dir, 'shows/gone.html'), 'a show deleted since');
      expect((await exportSite(app, dir)).removed).toBe(1);
      expect(fs.existsSync(path.join(dir, 'shows/gone.html'))).toBe(false);

      const foreign = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-foreign-'));
      fs.writeFileSync(path.join(foreign, 'keep.txt'), 'an operator’s file');
      await expect(exportSite(app, foreign)).rejects.toThrow(ExportError);
      expect(fs.readdirSync(foreign)).toEqual(['keep.txt']);
      for (const d of [dir, foreign]) fs.rmSync(d, { recursive: true, force: true });
    }, 120_000);
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
