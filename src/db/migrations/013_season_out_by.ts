import { columnTypes, type Migration } from './types.ts';

// The latest day a season is known to have been out by, when its premiere is not known (a week it spent in
// Netflix's Top 10, the end of a report's period): enough to say it is out, never taken for a premiere.
export const seasonOutBy: Migration = {
  version: 13,
  name: 'season_out_by',
  async up(db, engine) {
    await db.schema.alterTable('seasons').addColumn('out_by', columnTypes(engine).date).execute();
  },
};
