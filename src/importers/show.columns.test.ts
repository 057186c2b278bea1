import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { Tally } from '../db/upsert.ts';
import { writeNewShows } from './show.bulk.ts';
import { ShowIndex } from './show.index.ts';
import type { ImportedShow } from './show.record.ts';
import { writeShow } from './show.writer.ts';

// A new show is written by the set-based path or, when its batch holds a possible duplicate, by the merge:
// the catalogue must not be able to tell which.

const record = (title: string, netflix: string): ImportedShow => ({
  location: `test:${title}`,
  ids: { netflix },
  title,
  country: 'Mexico',
  premiered: '2021-06-30',
  addedToNetflix: '2021-06-30',
  platform: { name: 'Netflix', kind: 'streaming', country: null },
  genres: ['Crime TV Shows'],
  seasons: [{ number: 1, premiere: { date: '2021-06-30', precision: 'day' } }],
});

describeEachEngine('one mapping from an imported show to columns', (db) => {
  it('writes the same columns, facts and season through the bulk path and the merge', async () => {
    const stamp = TEST_NOW.toISOString();
    await db()
      .kysely.transaction()
      .execute(async (trx) => {
        const ctx = {
          db: trx,
          index: await ShowIndex.load(trx),
          origin: 'netflix-titles' as const,
          stamp,
          tally: new Tally(),
          platforms: new Map(),
        };
        await writeNewShows(ctx, { db: trx, engine: db().engine, sqlite: db().sqlite }, [record('Bulk Written', 'b1')]);
        expect(await writeShow(ctx, record('Merge Written', 'm1'))).toMatchObject({ ok: true });
      });
    const shows = await db().kysely.selectFrom('shows').selectAll().where('netflix_id', 'in', ['b1', 'm1']).orderBy('netflix_id').execute();
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
        .select(['number', 'premiere_date', 'premiere_precision', 'finale_precision', 'episode_count', 'origin'])
        .where('show_id', '=', id)
        .execute();
      return { columns, facts, seasons, slugLooksLike: slug.replace(/^(bulk|merge)-written/, 'x') };
    };
    const [bulk, merged] = [await comparable(shows[0] as never), await comparable(shows[1] as never)];
    expect(bulk.columns).toMatchObject({ type: 'scripted', origin_country: 'Mexico', derived_status: merged.columns.derived_status });
    expect(merged).toEqual(bulk);
    // A default is not a source's claim: no fact says Netflix called the show scripted.
    expect(bulk.facts.map((f) => f.field)).not.toContain('type');
  });
});
