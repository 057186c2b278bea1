import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PartialDate } from '../lang/dates.ts';

export interface CalendarItem {
  slug: string;
  title: string;
  platform: string | null;
  season: number;
  premiere: PartialDate;
}

const MAX_ROWS = 500;

/** Premieres from a day on: seasons with a known date, and dates announced for a season not yet in the catalogue. */
export async function premieresFrom(db: Kysely<Database>, from: string): Promise<CalendarItem[]> {
  const [seasons, announced] = await Promise.all([
    db
      .selectFrom('seasons as se')
      .innerJoin('shows as s', 's.id', 'se.show_id')
      .leftJoin('platforms as p', 'p.id', 's.platform_id')
      .select(['s.slug', 's.title', 'p.name as platform', 'se.number', 'se.premiere_date', 'se.premiere_precision'])
      .where('se.premiere_precision', '!=', 'unknown')
      .where('se.premiere_date', '>=', from)
      .limit(MAX_ROWS)
      .execute(),
    db
      .selectFrom('status_events as e')
      .innerJoin('shows as s', 's.id', 'e.show_id')
      .leftJoin('platforms as p', 'p.id', 's.platform_id')
      .select([
        's.slug',
        's.title',
        'p.name as platform',
        'e.season_number as number',
        'e.announced_date as premiere_date',
        'e.announced_precision as premiere_precision',
      ])
      .where('e.kind', 'in', ['date_announced', 'date_changed'])
      .where('e.retracted_at', 'is', null)
      .where('e.tier', '!=', 'rumour')
      .where('e.announced_date', '>=', from)
      .orderBy('e.effective_date')
      .limit(MAX_ROWS)
      .execute(),
  ]);
  const bySeason = new Map<string, (typeof seasons)[number]>();
  for (const r of announced) bySeason.set(`${r.slug}:${r.number}`, r as (typeof seasons)[number]); // the latest announcement wins
  for (const r of seasons) bySeason.set(`${r.slug}:${r.number}`, r);
  return [...bySeason.values()]
    .map((r) => ({
      slug: r.slug,
      title: r.title,
      platform: r.platform,
      season: r.number ?? 0,
      premiere: { date: r.premiere_date as string, precision: r.premiere_precision ?? 'day' },
    }))
    .sort((a, b) => a.premiere.date.localeCompare(b.premiere.date));
}
