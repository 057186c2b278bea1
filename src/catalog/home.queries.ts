import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type CalendarItem, premieres } from './calendar.queries.ts';

// The front page's lists: what changed, what is coming, and who has waited longest.

/** The next premieres, from seasons with a date and dates announced for seasons not in the catalogue yet (as the calendar). */
export async function upcomingPremieres(db: Kysely<Database>, today: string, limit = 12): Promise<CalendarItem[]> {
  return premieres(db, { from: today, precisions: ['day', 'month', 'quarter', 'year'], limit });
}

export async function recentDecisions(db: Kysely<Database>, kinds: string[], limit = 8) {
  return db
    .selectFrom('status_events as e')
    .innerJoin('shows as s', 's.id', 'e.show_id')
    .leftJoin('sources as src', 'src.id', 'e.source_id')
    .select(['s.slug', 's.title', 'e.kind', 'e.season_number', 'e.effective_date', 'e.effective_precision', 'src.outlet', 'src.url'])
    .where('e.kind', 'in', kinds)
    .where('e.retracted_at', 'is', null)
    .where('e.tier', '!=', 'rumour')
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/** Undecided shows whose latest dated season came out longest ago. */
export async function waitingLongest(db: Kysely<Database>, limit = 8) {
  return db
    .selectFrom('shows as s')
    .innerJoin('seasons as se', 'se.show_id', 's.id')
    .leftJoin('platforms as p', 'p.id', 's.platform_id')
    .select((eb) => [
      's.slug',
      's.title',
      'p.name as platform',
      eb.fn.max('se.premiere_date').as('latest'),
      eb.fn.max('se.number').as('season'),
    ])
    .where('s.derived_status', '=', 'undecided')
    .where('se.premiere_precision', 'in', ['day', 'month'])
    .groupBy(['s.id', 's.slug', 's.title', 'p.name'])
    .orderBy('latest')
    .limit(limit)
    .execute();
}
