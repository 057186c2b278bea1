import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { subscriptionToken } from './comments/comment.mails.ts';
import type { Db } from './db/database.ts';
import { siteSecret } from './db/secrets.ts';
import { describeEachEngine, TEST_NOW } from './db/testing.ts';
import { importStarterCatalogue } from './importers/starter/starter.import.ts';
import { loadStarterCatalogue } from './importers/starter/starter.load.ts';
import { buildApp } from './server.ts';
import { COMMENTS_SCRIPT, STYLESHEET } from './web/assets.ts';

// A GET never writes: every public GET route, on a site as `npm start` leaves it, changes no row of any
// table. Writes are seen by the database itself, not by the app's own write counter.

const SITE = 'https://nextseason.test';
const FEEDS = ['feed.xml', 'feed.atom', 'feed.json'];

/** Everything the database holds, as one value per table: equal snapshots mean nothing was written. */
async function snapshot(db: Db): Promise<Record<string, string>> {
  const hash = (rows: string[]) => createHash('sha256').update(rows.sort().join('\n')).digest('hex');
  const out: Record<string, string> = {};
  if (db.engine === 'sqlite') {
    const sqlite = db.sqlite;
    if (!sqlite) throw new Error('no SQLite connection');
    // Counts every row inserted, updated or deleted on this connection, triggers included.
    out['total_changes()'] = String(sqlite.prepare('select total_changes() as n').pluck().get());
    const tables = sqlite.prepare(`select name from sqlite_master where type = 'table' order by name`).pluck().all() as string[];
    for (const table of tables)
      out[table] = hash(
        (
          sqlite
            .prepare(`select * from "${table.replace(/"/g, '""')}"`)
            .raw()
            .all() as unknown[][]
        ).map((r) => JSON.stringify(r)),
      );
    return out;
  }
  // PostgreSQL: a row's xmin and ctid change with any update, even one that sets the same values.
  const tables = await sql<{
    name: string;
  }>`select tablename as name from pg_tables where schemaname = current_schema() order by 1`.execute(db.kysely);
  for (const { name } of tables.rows) {
    const rows = await sql<{
      r: string;
    }>`select t::text || '|' || t.xmin::text || '|' || t.ctid::text as r from ${sql.table(name)} t`.execute(db.kysely);
    out[name] = hash(rows.rows.map((r) => r.r));
  }
  const sequences = await sql<{ name: string; value: string | null }>`
    select sequencename as name, last_value::text as value from pg_sequences where schemaname = current_schema()`.execute(db.kysely);
  for (const s of sequences.rows) out[`sequence ${s.name}`] = String(s.value);
  return out;
}

async function setup(db: Db) {
  await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  const somos = await db.kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
  const stamp = TEST_NOW.toISOString();
  // A published comment and a reply, as readers leave them.
  const comment = (id: number, parent: number | null) => ({
    show_id: somos.id,
    parent_id: parent,
    root_id: parent,
    author_name: `Reader ${id}`,
    author_email: `reader${id}@example.com`,
    email_key: `reader${id}@example.com`,
    body: `Comment **${id}**`,
    body_hash: `hash-${id}`,
    status: 'published' as const,
    ip: '203.0.113.9',
    ip_key: '203.0.113.9',
    form_key: `form-${id}`,
    created_at: stamp,
    updated_at: stamp,
    published_at: stamp,
  });
  const first = await db.kysely.insertInto('comments').values(comment(1, null)).returning('id').executeTakeFirstOrThrow();
  await db.kysely.insertInto('comments').values(comment(2, first.id)).execute();
}

describeEachEngine(
  'GET requests write nothing',
  (db) => {
    async function publicPaths(): Promise<string[]> {
      const shows = await db().kysely.selectFrom('shows').select('slug').orderBy('slug').execute();
      const platforms = await db().kysely.selectFrom('platforms').select('slug').orderBy('slug').execute();
      return [
        '/',
        '/search?q=somos',
        '/search?q=wensday',
        '/search?q=',
        '/search?q=%3Cscript%3E&page=2',
        '/about',
        '/about/forecasts',
        '/calendar',
        '/calendar?month=2026-12',
        '/browse',
        '/browse?platform=netflix&status=renewed',
        '/healthz',
        '/robots.txt',
        '/sitemap.xml',
        COMMENTS_SCRIPT.url,
        STYLESHEET.url,
        '/comments/form-token',
        ...FEEDS.map((f) => `/${f}`),
        '/calendar.ics',
        '/api/shows',
        '/api/shows?q=somos&limit=5',
        '/api/shows?platform=netflix&status=renewed&page=2',
        '/api/openapi.json',
        '/admin/login',
        '/admin',
        '/comments/subscriptions/confirm?token=not-a-token',
        '/comments/subscriptions/unsubscribe?token=not-a-token',
        '/shows/no-such-show',
        '/shows/no-such-show/feed.xml',
        '/platforms/no-such-platform',
        '/api/shows/no-such-show',
        '/no/such/page',
        ...shows.map(({ slug }) => `/shows/${slug}`),
        // Each route under a show, for a sample: one with comments, ones with premieres known to the day.
        ...['somos', 'wednesday', 'the-witcher', 'squid-game', 'the-boys'].flatMap((slug) => [
          ...FEEDS.map((f) => `/shows/${slug}/${f}`),
          ...FEEDS.map((f) => `/shows/${slug}/comments/${f}`),
          `/shows/${slug}/calendar.ics`,
          `/api/shows/${slug}`,
          `/api/shows/${slug}/forecast`,
          `/api/shows/${slug}/events`,
          `/api/shows/${slug}/comments`,
        ]),
        ...platforms.flatMap(({ slug }) => [
          `/platforms/${slug}`,
          ...FEEDS.map((f) => `/platforms/${slug}/${f}`),
          `/platforms/${slug}/calendar.ics`,
        ]),
      ];
    }

    /** Requests every path through a newly built app (empty caches, as after a start) and returns the answers. */
    async function crawl(paths: string[]): Promise<Map<string, number>> {
      const app = buildApp({ db: db(), siteUrl: SITE, now: () => TEST_NOW });
      const statuses = new Map<string, number>();
      for (const path of paths) {
        const res = await app.request(path);
        await res.arrayBuffer();
        statuses.set(path, res.status);
      }
      // The same again, all at once, through another new app: first requests racing each other must not write either.
      const racing = buildApp({ db: db(), siteUrl: SITE, now: () => TEST_NOW });
      await Promise.all(
        paths.map(async (path) => {
          const res = await racing.request(path);
          await res.arrayBuffer();
        }),
      );
      return statuses;
    }

    it('every public page, feed, calendar and API answer leaves every table as it was', async () => {
      const paths = await publicPaths();
      const before = await snapshot(db());
      const statuses = await crawl(paths);
      expect(await snapshot(db())).toEqual(before);
      for (const [path, status] of statuses) expect(status, path).toBeLessThan(500);
      expect(statuses.get('/calendar.ics')).toBe(200);
      expect(statuses.get('/shows/somos/comments/feed.atom')).toBe(200);
    });

    it('the reply-mail confirm and unsubscribe forms write nothing until their button is pressed', async () => {
      const somos = await db().kysely.selectFrom('comments').select('id').orderBy('id').executeTakeFirstOrThrow();
      const subscription = await db()
        .kysely.insertInto('comment_subscriptions')
        .values({ comment_id: somos.id, status: 'unconfirmed', created_at: TEST_NOW.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const token = subscriptionToken(await siteSecret(db().kysely, 'comment-form'), subscription.id);
      const paths = [
        `/comments/subscriptions/confirm?token=${encodeURIComponent(token)}`,
        `/comments/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`,
      ];
      const before = await snapshot(db());
      const statuses = await crawl(paths);
      expect(await snapshot(db())).toEqual(before);
      for (const path of paths) expect(statuses.get(path), path).toBe(200);
    });
  },
  setup,
);
