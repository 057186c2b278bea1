import { sql } from 'kysely';
import { columnTypes, type Migration } from './types.ts';

// Imports: where each fact came from, runs and their problems, and the live sync's resume point.
export const imports: Migration = {
  version: 4,
  name: 'imports',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema.alterTable('shows').addColumn('added_to_netflix', t.date).execute();
    await db.schema.alterTable('shows').addColumn('popularity', 'integer').execute();
    await db.schema.alterTable('seasons').addColumn('mean_air_date', t.date).execute();
    await db.schema
      .alterTable('seasons')
      .addColumn('origin', 'text', (c) => c.notNull().defaultTo('editor'))
      .execute();
    await db.schema.alterTable('episodes').addColumn('tvmaze_id', 'integer').execute();
    await db.schema.createIndex('episodes_tvmaze_uq').on('episodes').column('tvmaze_id').unique().execute(); // SQLite cannot add a UNIQUE column
    await db.schema
      .alterTable('episodes')
      .addColumn('origin', 'text', (c) => c.notNull().defaultTo('editor'))
      .execute();
    await db.schema
      .alterTable('credits')
      .addColumn('origin', 'text', (c) => c.notNull().defaultTo('editor'))
      .execute();
    await db.schema.alterTable('ratings').addColumn('vote_share', t.real).execute();
    await db.schema
      .alterTable('ratings')
      .addColumn('origin', 'text', (c) => c.notNull().defaultTo('editor'))
      .execute();

    // Which source last set each field of a show; a field with no row here was written by an editor.
    await db.schema
      .createTable('show_facts')
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('imported_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('show_facts_pk', ['show_id', 'field'])
      .execute();

    // The version of each source's record last applied to a show (TVmaze's "updated"), so an older
    // snapshot read later does not undo a newer one.
    await db.schema
      .createTable('show_sources')
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('imported_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('show_sources_pk', ['show_id', 'origin'])
      .execute();

    await db.schema
      .createTable('import_runs')
      .addColumn('id', 'integer', t.id)
      .addColumn('importer', 'text', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('started_at', t.instant, (c) => c.notNull())
      .addColumn('finished_at', t.instant)
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running','done','failed')`))
      .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('import_problems')
      .addColumn('id', 'integer', t.id)
      .addColumn('run_id', 'integer', (c) => c.notNull().references('import_runs.id').onDelete('cascade'))
      .addColumn('location', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sync_state')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
  },
};
