import type { Kysely } from 'kysely';
import { latestAnnouncements } from '../catalog/calendar.queries.ts';
import type { Database, Precision } from '../db/schema.ts';

// What feeds and calendars publish: status updates, and premieres known to the day.

export interface Update {
  id: number;
  kind: string;
  season: number | null;
  effective: { date: string; precision: Precision };
  announced: { date: string; precision: Precision } | null;
  tier: string;
  quote: string | null;
  createdAt: string;
  show: { slug: string; title: string; platform: string | null; platformSlug: string | null };
  source: { url: string | null; outlet: string } | null;
}

export interface Scope {
  show?: string;
  platform?: string;
  /** A follower's private feed: these shows and these platforms' shows only. */
  only?: { showIds: number[]; platformIds: number[] };
}

const inScope = (only: Scope['only'], showId: number, platformId: number | null) =>
  !only || only.showIds.includes(showId) || (platformId !== null && only.platformIds.includes(platformId));

export async function latestUpdates(db: Kysely<Database>, scope: Scope, limit = 50): Promise<Update[]> {
  let q = db
    .selectFrom('status_events as e')
    .innerJoin('shows as s', 's.id', 'e.show_id')
    .leftJoin('platforms as p', 'p.id', 's.platform_id')
    .leftJoin('sources as src', 'src.id', 'e.source_id')
    .select([
      'e.id',
      'e.kind',
      'e.season_number',
      'e.effective_date',
      'e.effective_precision',
      'e.announced_date',
      'e.announced_precision',
      'e.tier',
      'e.quote',
      'e.created_at',
      's.slug',
      's.title',
      'p.name as platform',
      'p.slug as platform_slug',
      'src.url',
      'src.outlet',
    ])
    .where('e.retracted_at', 'is', null)
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit);
  if (scope.show) q = q.where('s.slug', '=', scope.show);
  if (scope.platform) q = q.where('p.slug', '=', scope.platform);
  const only = scope.only;
  if (only)
    q = q.where((eb) =>
      eb.or([
        ...(only.showIds.length ? [eb('s.id', 'in', only.showIds)] : []),
        ...(only.platformIds.length ? [eb('s.platform_id', 'in', only.platformIds)] : []),
        eb.lit(false),
      ]),
    );
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    season: r.season_number,
    effective: { date: r.effective_date, precision: r.effective_precision },
    announced: r.announced_date ? { date: r.announced_date, precision: r.announced_precision ?? 'day' } : null,
    tier: r.tier,
    quote: r.quote,
    createdAt: r.created_at,
    show: { slug: r.slug, title: r.title, platform: r.platform, platformSlug: r.platform_slug },
    source: r.outlet ? { url: r.url, outlet: r.outlet } : null,
  }));
}

export interface Premiere {
  uid: string;
  day: string;
  show: { slug: string; title: string; platform: string | null };
  season: number;
  episodes: number | null;
}

/** Season premieres known to the day (month- or year-precision dates are left out: no fake days). */
export async function datedPremieres(db: Kysely<Database>, scope: Scope): Promise<Premiere[]> {
  let q = db
    .selectFrom('seasons as se')
    .innerJoin('shows as s', 's.id', 'se.show_id')
    .leftJoin('platforms as p', 'p.id', 's.platform_id')
    .select([
      'se.number',
      'se.premiere_date',
      'se.episode_count',
      's.id as show_id',
      's.platform_id',
      's.slug',
      's.title',
      'p.name as platform',
    ])
    .where('se.premiere_precision', '=', 'day')
    .orderBy('se.premiere_date');
  if (scope.show) q = q.where('s.slug', '=', scope.show);
  if (scope.platform) q = q.where('p.slug', '=', scope.platform);
  const rows = (await q.execute()).filter((r) => inScope(scope.only, r.show_id, r.platform_id));
  const announced = (await latestAnnouncements(db, { kind: 'all', show: scope.show, platform: scope.platform })).filter(
    (a) => a.premiere_precision === 'day' && a.number !== null && inScope(scope.only, a.show_id, a.platform_id),
  );
  const uid = (slug: string, number: number) => `premiere-${slug}-s${number}@nextseason`;
  return [
    ...rows.map((r) => ({
      uid: uid(r.slug, r.number),
      day: r.premiere_date as string,
      show: { slug: r.slug, title: r.title, platform: r.platform },
      season: r.number,
      episodes: r.episode_count,
    })),
    ...announced.map((a) => ({
      uid: uid(a.slug, a.number as number),
      day: a.premiere_date as string,
      show: { slug: a.slug, title: a.title, platform: a.platform },
      season: a.number as number,
      episodes: null,
    })),
  ].sort((a, b) => a.day.localeCompare(b.day) || a.uid.localeCompare(b.uid));
}

export interface EntryVersion {
  sequence: number;
  /** When the entry last changed (its DTSTAMP), ISO; null for one not stored yet. */
  updatedAt: string | null;
}

/**
 * The SEQUENCE of each entry and when it last changed, only read: both are raised where a premiere date is
 * written (the triggers of migrations 011 and 015), so publishing a calendar writes nothing.
 */
export async function entryVersions(db: Kysely<Database>, premieres: Premiere[]): Promise<Map<string, EntryVersion>> {
  const out = new Map<string, EntryVersion>();
  for (let i = 0; i < premieres.length; i += 500) {
    const rows = await db
      .selectFrom('calendar_entries')
      .select(['uid', 'sequence', 'updated_at'])
      .where(
        'uid',
        'in',
        premieres.slice(i, i + 500).map((p) => p.uid),
      )
      .execute();
    for (const r of rows) out.set(r.uid, { sequence: r.sequence, updatedAt: new Date(r.updated_at).toISOString() });
  }
  for (const p of premieres) if (!out.has(p.uid)) out.set(p.uid, { sequence: 0, updatedAt: null });
  return out;
}
