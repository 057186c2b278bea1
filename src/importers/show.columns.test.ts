import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { Tally } from '../db/upsert.ts';
import { writeNewShows } from './show.bulk.ts';
import { ShowIndex } from './show.index.ts';
import type { ImportedShow } from './show.record.ts';
import { writeShow } from './show.writer.ts';

// A new show is written by the set-based path or, when its batch holds a possible duplicate, by the merge:
// the catalogue must not be able to tell which.

// Shapes the importers give: a dated season; undated seasons of a show on Netflix since a day; a season
// known by its episodes' mean air date; a season known to be out by a chart week.
const SHAPES: Record<string, Partial<ImportedShow>> = {
  dated: {
    premiered: '2021-06-30',
    addedToNetflix: '2021-06-30',
    seasons: [{ number: 1, premiere: { date: '2021-06-30', precision: 'day' } }],
  },
  'on Netflix since': { addedToNetflix: '2021-09-22', seasons: [{ number: 1 }, { number: 2 }] },
  'mean air date': { seasons: [{ number: 1, meanAirDate: '2015-03-14' }] },
  'out by': { seasons: [{ number: 3, outBy: '2024-07-07' }] },
};

const record = (title: string, netflix: string, shape: Partial<ImportedShow>): ImportedShow => ({
  location: `test:${title}`,
  ids: { netflix },
  title,
  country: 'Mexico',
  platform: { name: 'Netflix', kind: 'streaming', country: null },
  genres: ['Crime TV Shows'],
  ...shape,
});

describeEachEngine('one mapping from an imported show to columns', (db) => {
  it.each(Object.entries(SHAPES))(
    'writes the same columns, facts and seasons through the bulk path and the merge: %s',
    async (name, shape) => {
      const [b, m] = [`b-${name}`, `m-${name}`];
      const stamp = TEST_NOW.toISOString();
      await db()
        .kysely.transaction()
        .execute(async (trx) => {
          const records = [record('Bulk Written', b, shape), record('Merge Written', m, shape)];
          const ctx = {
            db: trx,
            index: await ShowIndex.forBatch(trx, records),
            origin: 'netflix-titles' as const,
            stamp,
            tally: new Tally(),
            platforms: new Map(),
          };
          await writeNewShows(ctx, { db: trx, engine: db().engine }, [records[0] as ImportedShow]);
          expect(await writeShow(ctx, records[1] as ImportedShow)).toMatchObject({ ok: true });
        });
      const shows = await db().kysely.selectFrom('shows').selectAll().where('netflix_id', 'in', [b, m]).orderBy('netflix_id').execute();
      expect(shows).toHaveLength(2);
      const comparable = async (show: (typeof shows)[number]) => {
        const { id, slug, title, search_text, netflix_id, ...columns } = show;
        const facts = await db()
          .kysely.selectFrom('show_facts')
          .select(['field', 'origin'])
          .where('show_id', '=', id)
          .orderBy('field')
          .execute();
        const seasons = await db()
          .kysely.selectFrom('seasons')
          .select([
            'number',
            'premiere_date',
            'premiere_precision',
            'finale_precision',
            'episode_count',
            'mean_air_date',
            'out_by',
            'origin',
          ])
          .where('show_id', '=', id)
          .execute();
        return { columns, facts, seasons, slugLooksLike: slug.replace(/^(bulk|merge)-written/, 'x') };
      };
      const [bulk, merged] = [await comparable(shows[0] as never), await comparable(shows[1] as never)];
      expect(bulk.columns).toMatchObject({ type: 'scripted', origin_country: 'Mexico', derived_status: merged.columns.derived_status });
      expect(bulk.columns.derived_status, 'every shape is out by now').not.toBe('upcoming');
      expect(merged).toEqual(bulk);
      // A default is not a source's claim: no fact says Netflix called the show scripted.
      expect(bulk.facts.map((f) => f.field)).not.toContain('type');
    },
  );
});
