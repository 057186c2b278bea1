import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { validateEvent } from '../status/event.input.ts';
import { addEvent } from '../status/events.writes.ts';
import { pageCache } from './page.cache.ts';

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
      // A show page carries the reader's own single-use form token: never a 304, never kept by shared caches.
      const page = await app.request('/shows/somos');
      expect([page.headers.get('cache-control'), page.headers.get('etag')]).toEqual(['private, no-store', null]);
      expect((await app.request('/shows/somos', { headers: { 'if-none-match': etag as string } })).status).toBe(200);

      const somos = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
      const input = validateEvent({
        kind: 'renewed',
        season: '2',
        date: '2026-11-20',
        tier: 'official',
        source_url: 'https://about.netflix.com/somos-2',
      });
      if (!input.ok) throw new Error('invalid fixture');
      await addEvent(db().kysely, somos.id, input.data, null, TEST_NOW);

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
  const { Hono } = await import('hono');
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
