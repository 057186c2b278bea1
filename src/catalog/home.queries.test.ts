import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { validateEvent } from '../status/event.input.ts';
import { addEvent } from '../status/events.writes.ts';
import { upcomingPremieres } from './home.queries.ts';
import { recentlyUpdatedShows } from './shows.queries.ts';

describeEachEngine(
  "the front page's lists",
  (db) => {
    it('lists recently updated shows newest news first', async () => {
      const shows = await recentlyUpdatedShows(db().kysely, 12);
      const latest = await db()
        .kysely.selectFrom('status_events')
        .select((eb) => ['show_id', eb.fn.max('effective_date').as('day')])
        .where('retracted_at', 'is', null)
        .where('tier', '!=', 'rumour')
        .groupBy('show_id')
        .execute();
      const day = new Map(latest.map((r) => [r.show_id, String(r.day)]));
      const days = shows.map((s) => day.get(s.id) ?? '');
      expect(days).toEqual([...days].sort().reverse());
      const newest = [...day.values()].sort().at(-1);
      expect(days[0]).toBe(newest);
    });

    it('fills "Coming up" from announced dates too, as the calendar does', async () => {
      const today = TEST_NOW.toISOString().slice(0, 10);
      const somos = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
      const input = validateEvent({
        kind: 'date_announced',
        season: '2',
        date: '2026-11-20',
        announced: '2027-03-01',
        tier: 'official',
        source_url: 'https://about.netflix.com/somos-2-date',
      });
      if (!input.ok) throw new Error(JSON.stringify(input.errors));
      await addEvent(db().kysely, somos.id, input.data, null, TEST_NOW);
      const coming = await upcomingPremieres(db().kysely, today, 50);
      expect(coming).toContainEqual(
        expect.objectContaining({ slug: 'somos', season: 2, premiere: { date: '2027-03-01', precision: 'day' } }),
      );
      expect(coming.map((c) => c.premiere.date)).toEqual(coming.map((c) => c.premiere.date).sort());
      for (const c of coming) expect(c.premiere.date >= today).toBe(true);
    });
  },
  (db) => importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW).then(() => undefined),
);
