import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface Top10WeekRow {
  season: number;
  week: string;
  list: string;
  rank: number;
  hours: number;
}

export interface EngagementRow {
  season: number;
  period: string;
  hours: number;
  views: number | null;
}

export interface Popularity {
  weeks: Top10WeekRow[];
  reports: EngagementRow[];
}

/** A show's Netflix figures that were public by `today`, oldest first. */
export async function loadPopularity(db: Kysely<Database>, showId: number, today: string): Promise<Popularity> {
  const [weeks, reports] = await Promise.all([
    db
      .selectFrom('season_top10_weeks')
      .select(['season_number as season', 'week', 'list', 'rank', 'hours'])
      .where('show_id', '=', showId)
      .where('public_on', '<=', today)
      .orderBy('week')
      .orderBy('season_number')
      .execute(),
    db
      .selectFrom('season_engagement')
      .select(['season_number as season', 'period', 'hours', 'views'])
      .where('show_id', '=', showId)
      .where('public_on', '<=', today)
      .orderBy('period')
      .orderBy('season_number')
      .execute(),
  ]);
  const number = <T extends { hours: number }>(r: T) => ({ ...r, hours: Number(r.hours) });
  return { weeks: weeks.map(number), reports: reports.map((r) => ({ ...number(r), views: r.views === null ? null : Number(r.views) })) };
}
