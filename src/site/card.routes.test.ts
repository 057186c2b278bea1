import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { forecastService } from '../forecast/forecast.service.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildSite } from '../server.ts';
import { renewSomos } from '../testing/events.ts';

// A show's share card over real HTTP: a PNG per language, kept by the page cache like the show's page.

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, path, headers, host: '127.0.0.1' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which must come first. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describeEachEngine(
  'share cards',
  (db) => {
    let server: http.Server;
    let port: number;
    // Each card (and page) made asks for the show's forecast once: a request answered from the cache never does.
    let rendered = 0;
    beforeAll(async () => {
      const forecasts = forecastService(db());
      const counted = {
        ...forecasts,
        forShow: (...args: Parameters<typeof forecasts.forShow>) => {
          rendered++;
          return forecasts.forShow(...args);
        },
      };
      const { listener } = buildSite({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW, forecasts: counted });
      server = http.createServer(listener).listen(0, '127.0.0.1');
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => server.close());

    it.each([
      ['/shows/somos/card.png', 'en'],
      ['/es/shows/somos/card.png', 'es'],
    ])('%s is a 1200×630 PNG, kept and revalidated like the show’s page', async (path) => {
      const page = await get(port, '/shows/somos');
      const unmade = rendered;
      const card = await get(port, path, { 'accept-encoding': 'br, gzip' });
      expect(rendered).toBe(unmade + 1);
      expect(card.status).toBe(200);
      expect(card.headers['content-type']).toBe('image/png');
      expect(card.headers['content-encoding']).toBeUndefined(); // a PNG is compressed already
      expect(card.headers['cache-control']).toBe(page.headers['cache-control']);
      expect(card.headers['set-cookie']).toBeUndefined();
      expect(card.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(pngSize(card.body)).toEqual([1200, 630]);
      expect(Number(card.headers['content-length'])).toBe(card.body.length);

      // Again: the cache's bytes, the same to the last one, without the app making the card again.
      const before = rendered;
      const again = await get(port, path);
      expect(rendered).toBe(before);
      expect(again.body.equals(card.body)).toBe(true);
      expect(again.headers.etag).toBe(card.headers.etag);

      const notModified = await get(port, path, { 'if-none-match': card.headers.etag as string });
      expect(notModified.status).toBe(304);
      expect(notModified.body.length).toBe(0);
    });

    it('says the card’s language: the English and Spanish cards differ', async () => {
      const [en, es] = await Promise.all([get(port, '/shows/somos/card.png'), get(port, '/es/shows/somos/card.png')]);
      expect(en.headers.etag).not.toBe(es.headers.etag);
    });

    it('answers 404 for a show that does not exist, and for a slug that cannot be one', async () => {
      for (const path of ['/shows/no-such-show/card.png', '/es/shows/no-such-show/card.png', '/shows/Not%20A%20Slug/card.png']) {
        const res = await get(port, path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.headers['content-type']).not.toBe('image/png');
      }
    });

    it('draws a new card once the show’s data change', async () => {
      const old = await get(port, '/shows/somos/card.png');
      await renewSomos(db());
      const changed = await get(port, '/shows/somos/card.png', { 'if-none-match': old.headers.etag as string });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(old.headers.etag);
      expect(pngSize(changed.body)).toEqual([1200, 630]);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
