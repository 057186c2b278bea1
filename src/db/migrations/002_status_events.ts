import { sql } from 'kysely';
import { columnTypes, type Migration, PRECISIONS } from './types.ts';

// Status events: every renewal, cancellation, ending or date, each with its source.
export const statusEvents: Migration = {
  version: 2,
  name: 'status_events',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema
      .createTable('status_events')
      .addColumn('id', 'integer', t.id)
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('season_number', 'integer')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('effective_date', t.date, (c) => c.notNull())
      .addColumn('effective_precision', 'text', (c) => c.notNull().check(sql.raw(`effective_precision in ${PRECISIONS}`)))
      .addColumn('announced_date', t.date)
      .addColumn('announced_precision', 'text', (c) => c.check(sql.raw(`announced_precision in ${PRECISIONS}`)))
      .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in ('official','trade','report','rumour')`))
      .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
      .addColumn('quote', 'text')
      .addColumn('notes', 'text')
      .addColumn('entered_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('retracted_at', t.instant)
      .execute();
    await db.schema.createIndex('status_events_show_idx').on('status_events').columns(['show_id', 'effective_date']).execute();
  },
};
