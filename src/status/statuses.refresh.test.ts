import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { refreshAllStatuses, refreshDerivedStatus } from './events.queries.ts';

// The daily refresh of every show at once agrees with the per-show refresh that writes do.

describeEachEngine(
  'refreshing every status at once',
  (db) => {
    const statuses = async () =>
      new Map((await db().kysely.selectFrom('shows').select(['id', 'derived_status']).execute()).map((r) => [r.id, r.derived_status]));

    it('gives each show the status the per-show refresh gives, on any day', async () => {
      const seen = new Set<string>();
      for (const today of ['2015-01-01', '2021-06-01', '2026-11-25', '2029-01-01']) {
        await refreshAllStatuses(db().kysely, today);
        const all = await statuses();
        for (const [id, status] of all) {
          expect(`${id} ${await refreshDerivedStatus(db().kysely, id, today)}`).toBe(`${id} ${status}`);
          seen.add(`${id} ${status}`);
        }
      }
      // The calendar moved some shows from one status to another, so the comparison was not of constants.
      expect(seen.size).toBeGreaterThan((await statuses()).size);
      await refreshAllStatuses(db().kysely, '2026-11-25');
      const chartOnly = await db()
        .kysely.selectFrom('shows')
        .select('derived_status')
        .where('slug', '=', 'chart-only')
        .executeTakeFirstOrThrow();
      expect(chartOnly.derived_status).toBe('undecided');
    });

    it('writes only the shows whose status changed', async () => {
      await refreshAllStatuses(db().kysely, '2026-11-25');
      expect(await refreshAllStatuses(db().kysely, '2026-11-25')).toBe(0);
      expect(await refreshAllStatuses(db().kysely, '2015-01-01')).toBeGreaterThan(0);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    // A season known only to be out by a chart week: both refreshes must read that too.
    const stamp = TEST_NOW.toISOString();
    const { id } = await db.kysely
      .insertInto('shows')
      .values({
        slug: 'chart-only',
        title: 'Chart Only',
        type: 'scripted',
        derived_status: 'upcoming',
        search_text: 'chart only',
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('seasons')
      .values({ show_id: id, number: 2, premiere_precision: 'unknown', finale_precision: 'unknown', out_by: '2024-07-07' } as never)
      .execute();
  },
);
