import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { renewSomos } from '../testing/events.ts';
import { waitUntil } from '../testing/wait.ts';
import { pageCache, pickEncoding } from './page.cache.ts';

describeEachEngine(
  'page cache',
  (db) => {
    it('answers a repeat request with 304, and a changed fact on the very next request', async () => {
      const app = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      const first = await app.request('/api/shows/somos');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toContain('stale-while-revalidate');
      expect((await app.request('/api/shows/somos', { headers: { 'if-none-match': etag as string } })).status).toBe(304);
      // A show page is the same for every reader: shared caches keep it, it sets no cookie, and it answers 304.
      const page = await app.request('/shows/somos');
      expect(page.headers.get('cache-control')).toContain('public');
      expect(page.headers.get('set-cookie')).toBeNull();
      const pageTag = page.headers.get('etag') as string;
      expect(pageTag).toMatch(/^"[\w-]+"$/);
      expect((await app.request('/shows/somos', { headers: { 'if-none-match': pageTag } })).status).toBe(304);
      const token = await app.request('/comments/form-token');
      expect(token.headers.get('cache-control')).toBe('private, no-store');
      expect(token.headers.get('set-cookie')).toMatch(/^ns_form=/);

      await renewSomos(db());

      // Changed within the same second (the clock here stands still): a client that only sends If-Modified-Since is told.
      const since = page.headers.get('last-modified') as string;
      const changed = await app.request('/shows/somos', { headers: { 'if-modified-since': since } });
      expect(changed.status).toBe(200);
      expect(Date.parse(changed.headers.get('last-modified') as string)).toBeGreaterThan(Date.parse(since));

      const after = await app.request('/api/shows/somos', { headers: { 'if-none-match': etag as string } });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(((await after.json()) as { status: string }).status).toBe('renewed');
      expect(await (await app.request('/shows/somos')).text()).toContain('Netflix renewed Somos. for a second season');
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);

it('sees a write by another process once the revision is read again', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-cache-')), 'db.sqlite');
  const mine = await openDatabase({ engine: 'sqlite', file });
  await migrate(mine);
  await importStarterCatalogue(mine, loadStarterCatalogue(), TEST_NOW);
  const other = await openDatabase({ engine: 'sqlite', file });
  let renders = 0;
  const app = new Hono();
  app.use('*', pageCache({ db: mine, now: () => TEST_NOW, revisionTtlMs: 0, cacheControl: 'public' }));
  app.get('/title', async (c) => {
    renders += 1;
    const row = await mine.kysely.selectFrom('shows').select('title').where('slug', '=', 'somos').executeTakeFirstOrThrow();
    return c.text(row.title);
  });
  expect(await (await app.request('/title')).text()).toBe('Somos.');
  expect(await (await app.request('/title')).text()).toBe('Somos.');
  expect(renders).toBe(1);
  await other.kysely
    .updateTable('shows')
    .set({ title: 'Somos', updated_at: new Date(TEST_NOW.getTime() + 1000).toISOString() })
    .where('slug', '=', 'somos')
    .execute();
  expect(await (await app.request('/title')).text()).toBe('Somos');
  expect(renders).toBe(2);
  await other.close();
  await mine.close();
});

it('renders a page once for many readers asking at once, and lets each make its own answer when that one is not shared', async () => {
  const db = await openDatabase({ engine: 'sqlite', file: ':memory:' });
  await migrate(db);
  let renders = 0;
  let release: () => void = () => {};
  const app = new Hono();
  app.use('*', pageCache({ db, now: () => TEST_NOW, cacheControl: 'public' }));
  app.get('/slow', async (c) => {
    renders += 1;
    await new Promise<void>((resolve) => (release = resolve));
    return c.text('made once');
  });
  app.get('/private', (c) => {
    renders += 1;
    return c.text('yours', 200, { 'cache-control': 'private, no-store' });
  });
  const readers = Array.from({ length: 20 }, () => app.request('/slow'));
  await waitUntil(() => renders === 1, 5_000, 'the one rendering to begin'); // the other readers wait on it
  release();
  const answers = await Promise.all(readers);
  expect(await Promise.all(answers.map((r) => r.text()))).toEqual(Array(20).fill('made once'));
  expect(renders).toBe(1);
  renders = 0;
  const own = await Promise.all(Array.from({ length: 3 }, () => app.request('/private')));
  expect(own.map((r) => r.headers.get('cache-control'))).toEqual(Array(3).fill('private, no-store'));
  expect(renders).toBe(3);
  // Mounted on two paths that both match: the request passes twice and still gets its page.
  const twice = new Hono();
  const cache = pageCache({ db, now: () => TEST_NOW, cacheControl: 'public' });
  twice.use('/shows/*', cache);
  twice.use('*', cache);
  twice.get('/shows/:slug', (c) => c.text(`page ${c.req.param('slug')}`));
  expect(await (await twice.request('/shows/*')).text()).toBe('page *');
  await db.close();
});

describe('compressed, bounded entries', () => {
  const page = (n: number) => `<!doctype html><p>${`Page ${n}, will there be another season? `.repeat(400)}</p>`;
  async function cached(maxBytes: number) {
    const db = await openDatabase({ engine: 'sqlite', file: ':memory:' });
    await migrate(db);
    const renders: string[] = [];
    const app = new Hono();
    app.use('*', pageCache({ db, now: () => TEST_NOW, cacheControl: 'public, max-age=30', maxBytes }));
    app.get('/p/:n', (c) => {
      renders.push(c.req.url);
      return c.html(page(Number(c.req.param('n'))));
    });
    app.get('/search', (c) => {
      renders.push(c.req.url);
      return c.html(page(0));
    });
    return { app, renders, close: () => db.close() };
  }

  it.each([
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    [undefined, 'identity'],
  ])('Accept-Encoding %s → %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });

  it('sends the same page brotli, gzip or plain by Accept-Encoding, each made once', async () => {
    const { app, renders, close } = await cached(10_000_000);
    const plain = await app.request('/p/1');
    const br = await app.request('/p/1', { headers: { 'accept-encoding': 'gzip, br' } });
    const gz = await app.request('/p/1', { headers: { 'accept-encoding': 'gzip' } });
    expect([plain.headers.get('content-encoding'), br.headers.get('content-encoding'), gz.headers.get('content-encoding')]).toEqual([
      null,
      'br',
      'gzip',
    ]);
    const text = await plain.text();
    expect(text).toBe(page(1));
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString()).toBe(text);
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);
    expect(brBytes.length).toBeLessThan(text.length / 5);
    expect(br.headers.get('vary')).toBe('accept-encoding');
    expect(renders).toHaveLength(1);
    await close();
  });

  it('answers If-Modified-Since and If-None-Match with 304', async () => {
    const { app, close } = await cached(10_000_000);
    const first = await app.request('/p/2');
    const lastModified = first.headers.get('last-modified') as string;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect((await app.request('/p/2', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await app.request('/p/2', { headers: { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' } })).status).toBe(200);
    expect((await app.request('/p/2', { headers: { 'if-none-match': `"other", ${first.headers.get('etag')}` } })).status).toBe(304);
    await close();
  });

  it('stays within its bytes, evicting the least recently used, and query strings cannot push out pages', async () => {
    const { app, renders, close } = await cached(400_000);
    await app.request('/p/1');
    for (let n = 0; n < 500; n++) await app.request(`/search?q=${n}`);
    renders.length = 0;
    await app.request('/p/1');
    expect(renders).toEqual([]); // still cached after 500 searches
    for (let n = 2; n < 60; n++) await app.request(`/p/${n}`);
    renders.length = 0;
    await app.request('/p/59');
    await app.request('/p/1');
    expect(renders).toEqual(['http://localhost/p/1']); // the oldest went, the newest stayed
    await close();
  });
});

describeEachEngine(
  'caching headers',
  (db) => {
    it('are sent by every public route, 404s included', async () => {
      const app = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      for (const path of [
        '/',
        '/browse',
        '/calendar',
        '/about',
        '/about/forecasts',
        '/robots.txt',
        '/sitemap.xml',
        '/feed.xml',
        '/api/shows',
        '/shows/no-such-show',
        '/nowhere',
      ]) {
        const res = await app.request(path);
        expect(`${path} ${res.headers.get('cache-control')}`).toMatch(new RegExp(`^${path.replace(/[.?]/g, '\\$&')} public, max-age=\\d+`));
      }
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
