import { type Kysely, sql } from 'kysely';
import type { Db } from './database.ts';
import { catalogue } from './migrations/001_catalogue.ts';
import { statusEvents } from './migrations/002_status_events.ts';
import { search } from './migrations/003_search.ts';
import { imports } from './migrations/004_imports.ts';
import { accounts } from './migrations/005_accounts.ts';
import { news } from './migrations/006_news.ts';
import { calendar } from './migrations/007_calendar.ts';
import { peopleSearch } from './migrations/008_people_search.ts';
import { fuzzySearch } from './migrations/009_fuzzy_search.ts';
import { comments } from './migrations/010_comments.ts';
import { readOnlyGets } from './migrations/011_read_only_gets.ts';
import { popularity } from './migrations/012_popularity.ts';
import { seasonOutBy } from './migrations/013_season_out_by.ts';
import { showTitleKeys } from './migrations/014_show_title_keys.ts';
import { announcedCalendar } from './migrations/015_announced_calendar.ts';
import { follows } from './migrations/016_follows.ts';
import { writeNotices } from './migrations/017_write_notices.ts';
import { slugHistory } from './migrations/018_slug_history.ts';
import type { Migration } from './migrations/types.ts';

// Append only: never edit or reorder a migration that has shipped.
export const MIGRATIONS: readonly Migration[] = [
  catalogue,
  statusEvents,
  search,
  imports,
  accounts,
  news,
  calendar,
  peopleSearch,
  fuzzySearch,
  comments,
  readOnlyGets,
  popularity,
  seasonOutBy,
  showTitleKeys,
  announcedCalendar,
  follows,
  writeNotices,
  slugHistory,
];

const LOCK_KEY = 4_815_162_342; // any constant; serialises migrators across app processes on PostgreSQL

export interface MigrateResult {
  applied: string[];
  version: number;
}

/** Applies pending migrations, each in its own transaction. Safe to run from several processes at once. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  await db.kysely.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();

  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.kysely.transaction().execute(async (trx) => {
      if (db.engine === 'postgres') await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      const current = await currentVersion(trx);
      const known = migrations.at(-1)?.version ?? 0;
      if (current > known) {
        throw new Error(`the database is at schema version ${current}, newer than this build knows (${known}); upgrade nextseason`);
      }
      if (migration.version <= current) return false;
      await migration.up(trx, db.engine);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
      return true;
    });
    if (done) applied.push(`${String(migration.version).padStart(3, '0')}_${migration.name}`);
  }
  return { applied, version: await currentVersion(db.kysely) };
}

async function currentVersion(db: Kysely<any>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Where the database's schema stands against this build: ready to serve only when `current === latest`. */
export async function schemaState(db: Db): Promise<{ current: number; latest: number }> {
  return { current: await currentVersion(db.kysely), latest: MIGRATIONS.at(-1)?.version ?? 0 };
}
