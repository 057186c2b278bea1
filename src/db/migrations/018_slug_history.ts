import { columnTypes, type Migration } from './types.ts';

// Every slug a show or a person had before its current one, so an old link answers 301 to the current page.
// A retired slug stays its show's for good: no other show or person is given it. Filled where a slug is
// changed (the CLI's `show rename-slug` and `slugs fix`), never here: this migration only makes the tables.
export const slugHistory: Migration = {
  version: 18,
  name: 'slug_history',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema
      .createTable('show_slug_history')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('retired_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('show_slug_history_show_idx').on('show_slug_history').column('show_id').execute();
    await db.schema
      .createTable('person_slug_history')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('retired_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('person_slug_history_person_idx').on('person_slug_history').column('person_id').execute();
  },
};
