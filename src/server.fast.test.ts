import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from './db/testing.ts';
import { importStarterCatalogue } from './importers/starter/starter.import.ts';
import { loadStarterCatalogue } from './importers/starter/starter.load.ts';
import { buildSite } from './server.ts';
import { renewSomos } from './testing/events.ts';

// A fresh cached page is answered before Hono sees the request: it must be the same answer Hono gives.

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request({ port, path, headers, method, host: '127.0.0.1' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

const withoutDate = ({ date, ...rest }: http.IncomingHttpHeaders) => rest;

describeEachEngine(
  'the fast path for cached pages',
  (db) => {
    let server: http.Server;
    let port: number;
    let fetched = 0;
    beforeAll(async () => {
      const { app, listener } = buildSite({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      const slow = app.fetch;
      app.fetch = (...args) => {
        fetched++;
        return slow(...args);
      };
      server = http.createServer(listener).listen(0, '127.0.0.1');
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => server.close());

    it('gives a cached page, plain, brotli, 304 and HEAD, with the very headers and bytes Hono gives', async () => {
      for (const headers of [{}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip, deflate' }] as Record<string, string>[]) {
        const before = fetched;
        const made = await get(port, '/shows/somos', headers);
        const again = await get(port, '/shows/somos', headers);
        expect(made.status).toBe(200);
        expect(withoutDate(again.headers)).toEqual(withoutDate(made.headers));
        expect(again.body.equals(made.body)).toBe(true);
        expect(fetched - before).toBeLessThanOrEqual(1); // the repeat never reached Hono
      }
      const page = await get(port, '/shows/somos');
      const before = fetched;
      const notModified = await get(port, '/shows/somos', { 'if-none-match': page.headers.etag as string });
      expect(notModified.status).toBe(304);
      expect(notModified.body.length).toBe(0);
      expect(notModified.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
      const head = await get(port, '/shows/somos', {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(head.headers['content-length']).toBe(String(page.body.length));
      expect(fetched).toBe(before);
    });

    it('lets a page changed by a write go to Hono at once', async () => {
      const page = await get(port, '/shows/somos');
      expect(page.body.toString()).not.toContain('Netflix renewed Somos. for a second season');
      await renewSomos(db());
      const before = fetched;
      const changed = await get(port, '/shows/somos');
      expect(fetched).toBe(before + 1);
      expect(changed.body.toString()).toContain('Netflix renewed Somos. for a second season');
      expect(changed.headers.etag).not.toBe(page.headers.etag);
    });

    it('never answers a POST, a path it has not made, or an absolute-form URL from the cache', async () => {
      await get(port, '/shows/somos');
      const before = fetched;
      await get(port, '/shows/somos?x=1');
      await get(port, '/shows/does-not-exist');
      expect(fetched).toBe(before + 2);
      const post = await get(port, '/shows/somos', {}, 'POST');
      expect(post.status).toBe(404);
    });
  },
  (db) => importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW).then(() => undefined),
);
