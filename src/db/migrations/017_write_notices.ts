import { sql } from 'kysely';
import { columnTypes, type Migration } from './types.ts';

// Several app processes on one PostgreSQL database: a committed write to anything a public page shows
// announces itself (NOTIFY nextseason_writes, 'schema.table'), so every process drops its cached pages at
// once instead of polling. A notice is sent at commit, once per table and transaction, never for a rollback.
// And jobs that must run once a period across processes (the daily job) record that they ran.

// The tables whose writes change a public page, as they stand at this migration (frozen: later tables are
// added by the migration that makes them).
const PUBLIC_TABLES = [
  'platforms',
  'sources',
  'shows',
  'show_aliases',
  'show_title_keys',
  'show_genres',
  'seasons',
  'episodes',
  'people',
  'credits',
  'ratings',
  'status_events',
  'show_facts',
  'show_sources',
  'calendar_entries',
  'season_top10_weeks',
  'season_engagement',
  'comments',
];

export const writeNotices: Migration = {
  version: 17,
  name: 'write_notices',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema
      .createTable('job_runs')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('finished_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('job_runs_pk', ['name', 'period'])
      .execute();
    if (engine !== 'postgres') return;
    await sql`
      create or replace function nextseason_notify_write() returns trigger language plpgsql as $$
      begin
        perform pg_notify('nextseason_writes', tg_table_schema || '.' || tg_table_name);
        return null;
      end $$`.execute(db);
    for (const table of PUBLIC_TABLES)
      await sql`
        create trigger ${sql.id(`${table}_notify_write`)}
        after insert or update or delete or truncate on ${sql.id(table)}
        for each statement execute function nextseason_notify_write()`.execute(db);
  },
};
