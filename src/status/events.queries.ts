import type { Kysely } from 'kysely';
import type { Database, Precision, SeasonsTable } from '../db/schema.ts';
import { deriveStatus, type EventKind, type SeasonDates, type StatusEvent, type Tier } from './status.rules.ts';

export interface EventRow {
  id: number;
  kind: EventKind;
  season: number | null;
  effective: { date: string; precision: Precision };
  announced: { date: string; precision: Precision } | null;
  tier: Tier;
  retracted: boolean;
  quote: string | null;
  notes: string | null;
  source: { url: string | null; outlet: string; title: string | null } | null;
}

// Events of one show, newest first, with their sources.
export async function listShowEvents(db: Kysely<Database>, showId: number): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('status_events as e')
    .leftJoin('sources as s', 's.id', 'e.source_id')
    .select([
      'e.id',
      'e.kind',
      'e.season_number',
      'e.effective_date',
      'e.effective_precision',
      'e.announced_date',
      'e.announced_precision',
      'e.tier',
      'e.retracted_at',
      'e.quote',
      'e.notes',
      's.url',
      's.outlet',
      's.title as source_title',
    ])
    .where('e.show_id', '=', showId)
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as EventKind,
    season: r.season_number,
    effective: { date: r.effective_date, precision: r.effective_precision },
    announced: r.announced_date ? { date: r.announced_date, precision: r.announced_precision ?? 'day' } : null,
    tier: r.tier as Tier,
    retracted: r.retracted_at !== null,
    quote: r.quote,
    notes: r.notes,
    source: r.outlet ? { url: r.url, outlet: r.outlet, title: r.source_title } : null,
  }));
}

export function seasonDates(
  rows: Array<Pick<SeasonsTable, 'number' | 'premiere_date' | 'premiere_precision'> & { mean_air_date?: string | null }>,
): SeasonDates[] {
  return rows.map((s) => ({
    number: s.number,
    // Without a premiere, a season's mean air date still shows it was out by then (its month, to be safe).
    premiere: s.premiere_date
      ? { date: s.premiere_date, precision: s.premiere_precision }
      : s.mean_air_date
        ? { date: `${s.mean_air_date.slice(0, 7)}-01`, precision: 'month' }
        : null,
  }));
}

/** Recomputes and stores the show's derived status (what list filters use); returns it. */
export async function refreshDerivedStatus(db: Kysely<Database>, showId: number, today: string): Promise<string> {
  const seasons = await db
    .selectFrom('seasons')
    .select(['number', 'premiere_date', 'premiere_precision', 'mean_air_date'])
    .where('show_id', '=', showId)
    .execute();
  const events: StatusEvent[] = await listShowEvents(db, showId);
  const show = await db.selectFrom('shows').select(['premiered', 'added_to_netflix']).where('id', '=', showId).executeTakeFirstOrThrow();
  const status = deriveStatus({ seasons: seasonDates(seasons), events, today, onAirSince: show.premiered ?? show.added_to_netflix });
  await db
    .updateTable('shows')
    .set({ derived_status: status.kind })
    .where('id', '=', showId)
    .where('derived_status', '!=', status.kind)
    .execute();
  return status.kind;
}

/** Recomputes every show's status: run daily and at start-up, since statuses move with the calendar. */
export async function refreshAllStatuses(db: Kysely<Database>, today: string): Promise<number> {
  const shows = await db.selectFrom('shows').select('id').execute();
  for (const { id } of shows) await refreshDerivedStatus(db, id, today);
  return shows.length;
}
