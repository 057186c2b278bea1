import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database, Precision } from '../db/schema.ts';
import type { PartialDate } from '../lang/dates.ts';

export interface CalendarItem {
  slug: string;
  title: string;
  platform: string | null;
  season: number;
  premiere: PartialDate;
  /** From an announcement (a status event), not a season's own date. */
  announced?: boolean;
}

/** Which shows a calendar lists. `kind` unset: every kind but the daily ones (news, talk); 'all': every kind. */
export interface CalendarFilter {
  /** One show, by slug. */
  show?: string | undefined;
  platform?: string | undefined;
  country?: string | undefined;
  kind?: string | undefined;
}

/** Kinds whose "seasons" are years of daily episodes: a premiere of theirs is no news. */
export const DAILY_KINDS = ['news', 'talk'];

export interface PremiereWindow {
  from: string;
  /** Last day, inclusive; unset for no end. */
  to?: string;
  precisions: Precision[];
  filter?: CalendarFilter;
  limit: number;
}

const byYear = (i: CalendarItem) => (i.season >= 1900 ? 1 : 0);

type Joined = Database & { s: Database['shows']; p: Database['platforms'] };

function showFilter(eb: ExpressionBuilder<Joined, 's' | 'p'>, f: CalendarFilter) {
  return eb.and([
    ...(f.show ? [eb('s.slug', '=', f.show)] : []),
    ...(f.platform ? [eb('p.slug', '=', f.platform)] : []),
    ...(f.country ? [eb('s.origin_country', '=', f.country)] : []),
    ...(f.kind === 'all' ? [] : f.kind ? [eb('s.type', '=', f.kind)] : [eb('s.type', 'not in', DAILY_KINDS)]),
  ]);
}

/** Seasons dated in a window at the given precisions, of the shows a filter lets through. */
function seasonsIn(db: Kysely<Database>, w: Pick<PremiereWindow, 'from' | 'to' | 'filter' | 'precisions'>) {
  return db
    .selectFrom('seasons as se')
    .innerJoin('shows as s', 's.id', 'se.show_id')
    .leftJoin('platforms as p', 'p.id', 's.platform_id')
    .where('se.premiere_precision', 'in', w.precisions)
    .where('se.premiere_date', '>=', w.from)
    .$if(w.to !== undefined, (q) => q.where('se.premiere_date', '<=', w.to as string))
    .where((eb) => showFilter(eb as never, w.filter ?? {}));
}

/**
 * The latest premiere date announced for each season not yet in the catalogue with a date of its own
 * (rumours left out), at whatever precision; migration 015 keeps the calendar entries of these in step.
 */
export async function latestAnnouncements(db: Kysely<Database>, f: CalendarFilter) {
  // Announcements are few (editors and news, not imports): the latest per season is picked here.
  const announced = await db
    .selectFrom('status_events as e')
    .innerJoin('shows as s', 's.id', 'e.show_id')
    .leftJoin('platforms as p', 'p.id', 's.platform_id')
    .select([
      's.id as show_id',
      's.platform_id',
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
    .where('e.announced_date', 'is not', null)
    .where(
      sql<boolean>`not exists (select 1 from seasons k where k.show_id = e.show_id and k.number = e.season_number and k.premiere_precision != 'unknown')`,
    )
    .where((eb) => showFilter(eb as never, f))
    .orderBy('e.effective_date')
    .orderBy('e.id')
    .execute();
  const latest = new Map<string, (typeof announced)[number]>();
  for (const r of announced) latest.set(`${r.slug}:${r.number}`, r);
  return [...latest.values()];
}

/**
 * Premieres in a window, in date order: seasons with a known date, and the latest date announced for a
 * season not yet in the catalogue (an announcement never overrides a season's own date).
 */
export async function premieres(db: Kysely<Database>, w: PremiereWindow): Promise<CalendarItem[]> {
  const f = w.filter ?? {};
  const seasons = await seasonsIn(db, w)
    .select(['s.slug', 's.title', 'p.name as platform', 'se.number', 'se.premiere_date', 'se.premiere_precision'])
    .orderBy('se.premiere_date')
    .orderBy(sql`case when se.number >= 1900 then 1 else 0 end`)
    .orderBy('s.title')
    .limit(w.limit)
    .execute();
  const latest = await latestAnnouncements(db, f);
  const inWindow = latest.filter(
    (r) =>
      w.precisions.includes(r.premiere_precision as Precision) &&
      (r.premiere_date as string) >= w.from &&
      (w.to === undefined || (r.premiere_date as string) <= w.to),
  );
  const item = (r: (typeof seasons)[number], announced: boolean): CalendarItem => ({
    slug: r.slug,
    title: r.title,
    platform: r.platform,
    season: r.number ?? 0,
    premiere: { date: r.premiere_date as string, precision: (r.premiere_precision ?? 'day') as Precision },
    ...(announced ? { announced } : {}),
  });
  return (
    [...seasons.map((r) => item(r, false)), ...inWindow.map((r) => item(r as (typeof seasons)[number], true))]
      // Within a day, seasons numbered by year (a soap's "2024", an awards night) after real new seasons.
      .sort((a, b) => a.premiere.date.localeCompare(b.premiere.date) || byYear(a) - byYear(b) || a.title.localeCompare(b.title))
      .slice(0, w.limit)
  );
}

/** Seasons premiering on each day of a window (known to the day), whatever a list's limit cut. */
export async function seasonsPerDay(db: Kysely<Database>, w: Pick<PremiereWindow, 'from' | 'to' | 'filter'>): Promise<Map<string, number>> {
  const rows = await seasonsIn(db, { ...w, precisions: ['day'] })
    .select(['se.premiere_date', (eb) => eb.fn.countAll().as('n')])
    .groupBy('se.premiere_date')
    .execute();
  return new Map(rows.map((r) => [String(r.premiere_date), Number(r.n)]));
}
