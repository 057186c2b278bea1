import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { daysBetween } from '../lang/dates.ts';
import { type ChartedSeason, chartFates, seasonFate } from './chart.fates.rules.ts';

// A platform's renewal scoreboard: its shows by status, and how long it takes to decide, from the events.

export const SCOREBOARD_STATUSES = ['renewed', 'cancelled', 'ended', 'limited', 'undecided', 'dormant', 'upcoming'] as const;

export async function scoreboard(db: Kysely<Database>, platformSlug: string) {
  const platform = await db
    .selectFrom('platforms')
    .select(['id', 'slug', 'name', 'kind'])
    .where('slug', '=', platformSlug)
    .executeTakeFirst();
  if (!platform) return null;
  const shows = await db
    .selectFrom('shows')
    .select(['id', 'slug', 'title', 'derived_status'])
    .where('platform_id', '=', platform.id)
    .orderBy('title')
    .execute();
  const ids = shows.map((s) => s.id);
  const [events, seasons] = ids.length
    ? await Promise.all([
        db
          .selectFrom('status_events')
          .select(['show_id', 'kind', 'season_number', 'effective_date'])
          .where('show_id', 'in', ids)
          .where('kind', 'in', ['renewed', 'cancelled', 'ended'])
          .where('retracted_at', 'is', null)
          .where('tier', '!=', 'rumour')
          .execute(),
        db
          .selectFrom('seasons')
          .select(['show_id', 'number', 'premiere_date'])
          .where('show_id', 'in', ids)
          .where('premiere_precision', '=', 'day')
          .execute(),
      ])
    : [[], []];
  const premiere = new Map(seasons.map((s) => [`${s.show_id}:${s.number}`, s.premiere_date as string]));
  // Days from the release of the season a decision is about (the one before a renewal; the last one for an ending).
  const waits = events
    .map((e) => {
      const season = e.kind === 'renewed' ? (e.season_number ?? 0) - 1 : (e.season_number ?? 0);
      const released = premiere.get(`${e.show_id}:${season}`);
      return released && released <= e.effective_date ? daysBetween(released, e.effective_date) : null;
    })
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  const median = waits.length ? (waits[Math.floor((waits.length - 1) / 2)] as number) : null;
  const byStatus = Object.fromEntries(SCOREBOARD_STATUSES.map((s) => [s, shows.filter((x) => x.derived_status === s)]));
  const chartRuns = await chartedSeasons(db, platform.id);
  return {
    platform,
    total: shows.length,
    byStatus,
    decisionMedianDays: median,
    decisionsMeasured: waits.length,
    within90: waits.filter((d) => d <= 90).length,
    charted: chartFates(chartRuns),
  };
}

/** Every season of the platform's shows that made Netflix's Top 10, with its weeks there and what followed it. */
async function chartedSeasons(db: Kysely<Database>, platformId: number): Promise<ChartedSeason[]> {
  const [runs, seasons, decisions] = await Promise.all([
    db
      .selectFrom('season_top10_weeks as t')
      .innerJoin('shows as s', 's.id', 't.show_id')
      .select((eb) => ['t.show_id', 't.season_number', eb.fn.max('t.weeks_in_top10').as('weeks')])
      .where('s.platform_id', '=', platformId)
      .groupBy(['t.show_id', 't.season_number'])
      .execute(),
    db
      .selectFrom('seasons as t')
      .innerJoin('shows as s', 's.id', 't.show_id')
      .select(['t.show_id', 't.number'])
      .where('s.platform_id', '=', platformId)
      .execute(),
    db
      .selectFrom('status_events as t')
      .innerJoin('shows as s', 's.id', 't.show_id')
      .select(['t.show_id', 't.kind', 't.season_number'])
      .where('s.platform_id', '=', platformId)
      .where('t.kind', 'in', ['renewed', 'cancelled', 'ended', 'limited'])
      .where('t.retracted_at', 'is', null)
      .where('t.tier', '!=', 'rumour')
      .where('t.season_number', 'is not', null)
      .execute(),
  ]);
  const later = new Map<number, { seasons: number[]; renewedFor: number[]; lastSeasons: number[] }>();
  const of = (id: number) => {
    const known = later.get(id) ?? { seasons: [], renewedFor: [], lastSeasons: [] };
    later.set(id, known);
    return known;
  };
  for (const x of seasons) of(x.show_id).seasons.push(x.number);
  for (const d of decisions) (d.kind === 'renewed' ? of(d.show_id).renewedFor : of(d.show_id).lastSeasons).push(d.season_number as number);
  return runs.map((r) => ({ weeks: Number(r.weeks), fate: seasonFate(r.season_number, of(r.show_id)) }));
}
