import { daysBetween, hasHappened, type PartialDate } from '../lang/dates.ts';

export type Tier = 'official' | 'trade' | 'report' | 'rumour';
export const TIERS: readonly Tier[] = ['official', 'trade', 'report', 'rumour'];

export const EVENT_KINDS = [
  'in_development',
  'renewed',
  'cancelled',
  'ended',
  'limited',
  'production_started',
  'production_wrapped',
  'date_announced',
  'date_changed',
  'released',
  'cast_joined',
  'cast_left',
  'rumour',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface StatusEvent {
  id: number;
  kind: EventKind;
  season: number | null;
  effective: PartialDate;
  announced: PartialDate | null;
  tier: Tier;
  retracted: boolean;
}

export interface SeasonDates {
  number: number;
  premiere: PartialDate | null;
  /** A day it is known to have been out by, without its premiere (a week in a chart). */
  outBy?: string | null;
}

export type StatusKind = 'renewed' | 'cancelled' | 'ended' | 'limited' | 'undecided' | 'dormant' | 'upcoming';

/**
 * With no decision on record, a show whose latest season came out longer ago than this is most likely over.
 * Four years: longer than 99 in 100 waits between consecutive seasons in the catalogue's own data (Netflix's
 * engagement reports, 955 waits: p95 840 days, p99 1,232; The Economist's IMDb seasons, 1,364 waits: p99 788).
 */
export const DORMANT_AFTER_DAYS = 1461;

export interface DerivedStatus {
  kind: StatusKind;
  /** The latest season that has come out, if any. */
  latestSeason: number | null;
  /** The season the question is about: latest + 1 (or 1 before any season is out). */
  nextSeason: number;
  /** Whether the next season is announced as the last one. */
  nextIsFinal: boolean;
  /** The event the status rests on; null when no decision is known. */
  decision: StatusEvent | null;
  /** A premiere date announced for the next season, at its precision. */
  nextPremiere: PartialDate | null;
  /** A later word from a lesser source that says the opposite: shown beside the answer, never hidden. */
  conflict: StatusEvent | null;
}

const DECISIONS: ReadonlySet<EventKind> = new Set(['renewed', 'cancelled', 'ended', 'limited']);

/** Derives a show's status from its seasons and status events, as of `today` ('YYYY-MM-DD'). */
export function deriveStatus({
  seasons,
  events,
  today,
  onAirSince = null,
}: {
  seasons: SeasonDates[];
  events: StatusEvent[];
  today: string;
  /** The day the show is known to have been out by (premiered, or added to a catalogue): its undated seasons are out too. */
  onAirSince?: string | null;
}): DerivedStatus {
  const live = events.filter((e) => !e.retracted && e.tier !== 'rumour' && e.kind !== 'rumour' && e.effective.date <= today);
  const undatedAreOut = onAirSince !== null && onAirSince <= today;
  const released = seasons
    .filter((s) => hasHappened(s.premiere, today) || (!s.premiere && (undatedAreOut || (!!s.outBy && s.outBy <= today))))
    .map((s) => s.number);
  if (seasons.length === 0 && undatedAreOut) released.push(1); // a show that is out with no season on record has its first out
  for (const e of live) if (e.kind === 'released' && e.season !== null && hasHappened(e.effective, today)) released.push(e.season);
  const latestSeason = released.length > 0 ? Math.max(...released) : null;
  const nextSeason = (latestSeason ?? 0) + 1;
  const latest = latestSeason ?? 0;

  // A decision counts only if it is about the next season (a renewal) or the latest one (an ending).
  const relevant = live.filter((e) => {
    if (!DECISIONS.has(e.kind)) return false;
    if (e.season === null) return true;
    return e.kind === 'renewed' ? e.season >= nextSeason : e.season >= latest;
  });
  const decision = pickAuthoritative(relevant);
  const nextPremiere = announcedPremiere(seasons, live, nextSeason);

  let kind: StatusKind;
  let nextIsFinal = false;
  if (!decision)
    kind = latestSeason === null ? 'upcoming' : nextPremiere ? 'renewed' : quiet(seasons, latest, today) ? 'dormant' : 'undecided'; // a date implies a renewal
  else if (decision.kind === 'renewed') kind = 'renewed';
  else if ((decision.kind === 'ended' || decision.kind === 'limited') && decision.season !== null && decision.season > latest) {
    // A final season (or a limited series) announced but not yet out: the next season is coming, and it is the last.
    kind = latestSeason === null ? 'upcoming' : 'renewed';
    nextIsFinal = true;
  } else kind = decision.kind as StatusKind;
  if (kind === 'renewed' && !nextIsFinal) {
    nextIsFinal = relevant.some((e) => e.kind === 'ended' && e.season === nextSeason);
  }
  const comes = (e: StatusEvent) => e.kind === 'renewed' || (e.season !== null && e.season > latest);
  const conflict = decision
    ? (relevant
        .filter((e) => e.tier !== decision.tier && e.effective.date >= decision.effective.date && comes(e) !== comes(decision))
        .at(-1) ?? null)
    : null;
  return { kind, latestSeason, nextSeason, nextIsFinal, decision, nextPremiere, conflict };
}

/** Whether the latest season came out more than DORMANT_AFTER_DAYS ago (a season with no known date is not quiet). */
function quiet(seasons: SeasonDates[], latest: number, today: string): boolean {
  const season = seasons.find((s) => s.number === latest);
  // Out by a day long ago: its premiere, whenever it was, is older still.
  const since = season?.premiere && season.premiere.precision !== 'unknown' ? season.premiere.date : (season?.outBy ?? null);
  return since !== null && daysBetween(since, today) > DORMANT_AFTER_DAYS;
}

/** The best-tier event, and among those the latest (by effective date, then id). */
export function pickAuthoritative<E extends Pick<StatusEvent, 'tier' | 'effective' | 'id'>>(events: E[]): E | null {
  let best: E | null = null;
  for (const e of events) {
    if (!best) {
      best = e;
      continue;
    }
    const byTier = TIERS.indexOf(e.tier) - TIERS.indexOf(best.tier);
    if (
      byTier < 0 ||
      (byTier === 0 && (e.effective.date > best.effective.date || (e.effective.date === best.effective.date && e.id > best.id)))
    ) {
      best = e;
    }
  }
  return best;
}

function announcedPremiere(seasons: SeasonDates[], events: StatusEvent[], next: number): PartialDate | null {
  const row = seasons.find((s) => s.number === next);
  if (row?.premiere && row.premiere.precision !== 'unknown') return row.premiere;
  const dated = events.filter((e) => (e.kind === 'date_announced' || e.kind === 'date_changed') && e.season === next && e.announced);
  return pickAuthoritative(dated)?.announced ?? null;
}
