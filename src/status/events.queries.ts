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

const eventsWithSources = (db: Kysely<Database>) =>
  db
    .selectFrom('status_events as e')
    .leftJoin('sources as s', 's.id', 'e.source_id')
    .select([
      'e.id',
      'e.show_id',
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
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.id', 'desc');

type EventQueryRow = Awaited<ReturnType<ReturnType<typeof eventsWithSources>['execute']>>[number];

const eventRow = (r: EventQueryRow): EventRow => ({
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
});

// Events of one show, newest first, with their sources.
export async function listShowEvents(db: Kysely<Database>, showId: number): Promise<EventRow[]> {
  return (await eventsWithSources(db).where('e.show_id', '=', showId).execute()).map(eventRow);
}

/** An event not retracted, with the slug of its show. */
export async function findLiveEvent(db: Kysely<Database>, id: number): Promise<{ event: EventRow; showSlug: string } | null> {
  const row = await eventsWithSources(db)
    .innerJoin('shows as sh', 'sh.id', 'e.show_id')
    .select('sh.slug as show_slug')
    .where('e.id', '=', id)
    .where('e.retracted_at', 'is', null)
    .executeTakeFirst();
  return row ? { event: eventRow(row), showSlug: row.show_slug } : null;
}

/** The latest events entered across the catalogue, each with its show. */
export async function latestEvents(db: Kysely<Database>, limit = 20): Promise<Array<EventRow & { slug: string; title: string }>> {
  const rows = await eventsWithSources(db)
    .innerJoin('shows as sh', 'sh.id', 'e.show_id')
    .select(['sh.slug', 'sh.title'])
    .clearOrderBy()
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...eventRow(r), slug: r.slug, title: r.title }));
}

export function seasonDates(
  rows: Array<
    Pick<SeasonsTable, 'number' | 'premiere_date' | 'premiere_precision'> & { mean_air_date?: string | null; out_by?: string | null }
  >,
): SeasonDates[] {
  return rows.map((s) => ({
    number: s.number,
    outBy: s.out_by ?? null,
    // Without a premiere, a season's mean air date still shows it was out by then (its month, to be safe).
    premiere: s.premiere_date
      ? { date: s.premiere_date, precision: s.premiere_precision }
      : s.mean_air_date
        ? { date: `${s.mean_air_date.slice(0, 7)}-01`, precision: 'month' }
        : null,
  }));
}

/** What a status is derived from, for each season: read the same way by every refresh. */
const SEASON_DATE_COLUMNS = ['number', 'premiere_date', 'premiere_precision', 'mean_air_date', 'out_by'] as const;

/** Recomputes and stores the show's derived status (what list filters use); returns it. */
export async function refreshDerivedStatus(db: Kysely<Database>, showId: number, today: string): Promise<string> {
  const seasons = await db.selectFrom('seasons').select(SEASON_DATE_COLUMNS).where('show_id', '=', showId).execute();
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

/** Recomputes every show's status in three reads and one update per status that changed: statuses move with the calendar. */
export async function refreshAllStatuses(db: Kysely<Database>, today: string): Promise<number> {
  const shows = await db.selectFrom('shows').select(['id', 'premiered', 'added_to_netflix', 'derived_status']).execute();
  const seasons = await db
    .selectFrom('seasons')
    .select(['show_id', ...SEASON_DATE_COLUMNS])
    .execute();
  const events = await eventsWithSources(db).execute();
  const seasonsOf = groupBy(seasons, (r) => r.show_id);
  const eventsOf = groupBy(events, (r) => r.show_id);
  const changed = new Map<string, number[]>();
  for (const show of shows) {
    const status = deriveStatus({
      seasons: seasonDates(seasonsOf.get(show.id) ?? []),
      events: (eventsOf.get(show.id) ?? []).map(eventRow),
      today,
      onAirSince: show.premiered ?? show.added_to_netflix,
    });
    if (status.kind !== show.derived_status) changed.set(status.kind, [...(changed.get(status.kind) ?? []), show.id]);
  }
  let updated = 0;
  for (const [kind, ids] of changed)
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await db.updateTable('shows').set({ derived_status: kind }).where('id', 'in', chunk).execute();
      updated += chunk.length;
    }
  return updated;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
