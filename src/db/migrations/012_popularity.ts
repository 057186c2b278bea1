import { columnTypes, type Migration } from './types.ts';

// Netflix's own figures, per season: its weekly global Top 10 and its half-yearly engagement reports. Each row
// says when it became public, so a forecast made as of a day uses only what was known that day.
export const popularity: Migration = {
  version: 12,
  name: 'popularity',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema
      .createTable('season_top10_weeks')
      .addColumn('id', 'integer', t.id)
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('season_number', 'integer', (c) => c.notNull())
      .addColumn('week', t.date, (c) => c.notNull()) // the Sunday that ends the Monday–Sunday week
      .addColumn('list', 'text', (c) => c.notNull()) // 'TV (English)' or 'TV (Non-English)'
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('hours', 'bigint', (c) => c.notNull())
      .addColumn('views', 'bigint')
      .addColumn('weeks_in_top10', 'integer', (c) => c.notNull())
      .addColumn('public_on', t.date, (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('season_top10_weeks_uq')
      .on('season_top10_weeks')
      .columns(['show_id', 'season_number', 'week', 'list'])
      .unique()
      .execute();
    await db.schema
      .createTable('season_engagement')
      .addColumn('id', 'integer', t.id)
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('season_number', 'integer', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull()) // '2023-H2': July–December 2023
      .addColumn('hours', 'bigint', (c) => c.notNull())
      .addColumn('views', 'bigint')
      .addColumn('available_globally', 'integer', (c) => c.notNull())
      .addColumn('public_on', t.date, (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('season_engagement_uq')
      .on('season_engagement')
      .columns(['show_id', 'season_number', 'period'])
      .unique()
      .execute();
  },
};
