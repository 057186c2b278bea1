import { sql } from 'kysely';
import { columnTypes, type Migration } from './types.ts';

// News intake: feeds to watch, the items they carried, and candidate events awaiting an editor.
export const news: Migration = {
  version: 6,
  name: 'news',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema
      .createTable('feeds')
      .addColumn('id', 'integer', t.id)
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in ('official','trade','report','rumour')`))
      .addColumn('interval_minutes', 'integer', (c) => c.notNull().defaultTo(60))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('last_fetched_at', t.instant)
      .addColumn('last_result', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('feed_items')
      .addColumn('id', 'integer', t.id)
      .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('published_at', t.instant)
      .addColumn('fetched_at', t.instant, (c) => c.notNull())
      .addUniqueConstraint('feed_items_guid_uq', ['feed_id', 'guid'])
      .execute();
    await db.schema
      .createTable('candidates')
      .addColumn('id', 'integer', t.id)
      .addColumn('feed_item_id', 'integer', (c) => c.notNull().references('feed_items.id').onDelete('cascade'))
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('season_number', 'integer')
      .addColumn('announced_date', t.date)
      .addColumn('announced_precision', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending','accepted','rejected')`))
      .addColumn('event_id', 'integer', (c) => c.references('status_events.id'))
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', t.instant)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addUniqueConstraint('candidates_item_show_uq', ['feed_item_id', 'show_id'])
      .execute();
    await db.schema.createIndex('candidates_status_idx').on('candidates').column('status').execute();
  },
};
