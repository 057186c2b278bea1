import { columnTypes, type Migration } from './types.ts';

// Calendar entries keep a SEQUENCE that grows each time their date moves, so calendar apps update the
// one event instead of adding a second.
export const calendar: Migration = {
  version: 7,
  name: 'calendar',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema
      .createTable('calendar_entries')
      .addColumn('uid', 'text', (c) => c.primaryKey())
      .addColumn('day', t.date, (c) => c.notNull())
      .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
  },
};
