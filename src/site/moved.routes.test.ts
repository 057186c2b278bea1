import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixFallbackSlugs, renameShowSlug } from '../catalog/slugs.writes.ts';
import type { Db } from '../db/database.ts';
import { databaseRevision } from '../db/revision.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildSite } from '../server.ts';

// Over real HTTP: every URL under a slug a show or person had before answers 301 to the same URL under the
// current slug, with its query string; an unknown slug is still a 404.

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(port: number, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request({ port, path, method, host: '127.0.0.1' }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject)
      .end();
  });
}

/** Somos. renamed (somos → somos-mexico), and a person whose fallback slug was re-slugged (x → ijeongjae). */
async function setup(db: Db) {
  await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  await renameShowSlug(db.kysely, { from: 'somos', to: 'somos-mexico', now: TEST_NOW });
  const person = await db.kysely
    .insertInto('people')
    .values({ slug: 'x', name: '이정재', imdb_id: null, tvmaze_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const squid = await db.kysely.selectFrom('shows').select('id').where('slug', '=', 'squid-game').executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('credits')
    .values({ show_id: squid.id, person_id: person.id, role: 'cast', character: null, billing_order: 99, source_id: null })
    .execute();
  await fixFallbackSlugs(db.kysely, { now: TEST_NOW });
}

describeEachEngine(
  'old slugs answer 301',
  (db) => {
    let server: http.Server;
    let port: number;
    beforeAll(async () => {
      const { listener } = buildSite({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      server = http.createServer(listener).listen(0, '127.0.0.1');
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => server.close());

    it('sends every URL under an old slug to the same URL under the current one, query string kept, without writing', async () => {
      const writes = db().writes.count;
      const revision = await databaseRevision(db().kysely);
      for (const [from, to] of [
        ['/shows/somos', '/shows/somos-mexico'],
        ['/shows/somos?utm_source=mail&q=%C3%A9', '/shows/somos-mexico?utm_source=mail&q=%C3%A9'],
        ['/shows/somos/feed.xml', '/shows/somos-mexico/feed.xml'],
        ['/shows/somos/feed.atom?n=1', '/shows/somos-mexico/feed.atom?n=1'],
        ['/shows/somos/feed.json', '/shows/somos-mexico/feed.json'],
        ['/shows/somos/comments/feed.xml', '/shows/somos-mexico/comments/feed.xml'],
        ['/shows/somos/calendar.ics', '/shows/somos-mexico/calendar.ics'],
        ['/api/shows/somos?fields=all', '/api/shows/somos-mexico?fields=all'],
        ['/api/shows/somos/forecast', '/api/shows/somos-mexico/forecast'],
        ['/api/shows/somos/events', '/api/shows/somos-mexico/events'],
        ['/api/shows/somos/comments', '/api/shows/somos-mexico/comments'],
        ['/people/x', '/people/ijeongjae'],
      ]) {
        const moved = await request(port, from as string);
        expect([moved.status, moved.headers.location], from).toEqual([301, to]);
        expect(moved.headers['cache-control']).toBe('public, max-age=3600');
        expect(moved.headers['x-content-type-options']).toBe('nosniff');
        const there = await request(port, to as string);
        expect(there.status, to).toBe(200);
      }
      expect(db().writes.count).toBe(writes);
      expect(await databaseRevision(db().kysely)).toBe(revision);
    });

    it('keeps any one prefix, such as the Spanish pages', async () => {
      const moved = await request(port, '/es/shows/somos?ref=home');
      expect([moved.status, moved.headers.location]).toEqual([301, '/es/shows/somos-mexico?ref=home']);
      const feed = await request(port, '/es/shows/somos/feed.xml');
      expect([feed.status, feed.headers.location]).toEqual([301, '/es/shows/somos-mexico/feed.xml']);
      for (const to of ['/es/shows/somos-mexico?ref=home', '/es/shows/somos-mexico/feed.xml'])
        expect((await request(port, to)).status, to).toBe(200);
    });

    it('answers HEAD the same way, and leaves other methods alone', async () => {
      const head = await request(port, '/shows/somos', 'HEAD');
      expect([head.status, head.headers.location]).toEqual([301, '/shows/somos-mexico']);
      const post = await request(port, '/shows/somos', 'POST');
      expect(post.status).toBe(404);
    });

    it('still answers 404 for a slug no show or person ever had, and 200 for a current one', async () => {
      for (const path of [
        '/shows/no-such-show',
        '/shows/no-such-show/feed.xml',
        '/people/nobody',
        '/es/shows/no-such-show',
        '/shows/Somos',
      ]) {
        const missing = await request(port, path);
        expect([missing.status, missing.headers.location], path).toEqual([404, undefined]);
      }
      const api = await request(port, '/api/shows/no-such-show');
      expect(api.status).toBe(404);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(api.body).detail).toBe('no show has the slug "no-such-show"');
      expect((await request(port, '/shows/somos-mexico')).status).toBe(200);
      expect((await request(port, '/people/ijeongjae')).status).toBe(200);
    });

    it('stops serving a cached page under a slug the moment it is renamed', async () => {
      expect((await request(port, '/shows/the-oa')).status).toBe(200);
      expect((await request(port, '/shows/the-oa')).status).toBe(200); // from the cache now
      await renameShowSlug(db().kysely, { from: 'the-oa', to: 'the-oa-netflix', now: TEST_NOW });
      const moved = await request(port, '/shows/the-oa');
      expect([moved.status, moved.headers.location]).toEqual([301, '/shows/the-oa-netflix']);
      expect((await request(port, '/shows/the-oa-netflix')).status).toBe(200);
    });
  },
  setup,
);
