import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Decision, DecisionKind, ShowHistory } from './history.ts';

// How far each source's data reaches: a show known only from it is complete up to that day.
const SOURCE_ENDS: Record<string, string> = {
  'economist-imdb': '2018-10-10',
  'netflix-titles': '2021-09-25',
  'netflix-engagement': '2024-06-30',
  'netflix-top10': '2026-08-16',
};

const DECISION_KINDS: Record<string, DecisionKind> = {
  renewed: 'renewed',
  cancelled: 'cancelled',
  ended: 'ended',
  limited: 'ended', // a limited series is a show whose first season is announced as its last
  date_announced: 'date_announced',
  date_changed: 'date_announced',
};

/** Every show's premieres and decisions, as the forecaster reads them (rumours and retractions left out). */
export async function loadHistories(db: Kysely<Database>): Promise<ShowHistory[]> {
  const [shows, genres, seasons, events, facts, versions, top10] = await Promise.all([
    db
      .selectFrom('shows as s')
      .leftJoin('platforms as p', 'p.id', 's.platform_id')
      .select(['s.id', 's.slug', 's.title', 's.type', 's.original_language', 's.origin_country', 's.verified_on', 'p.name as platform'])
      .execute(),
    db.selectFrom('show_genres').select(['show_id', 'genre']).orderBy('genre').execute(),
    db
      .selectFrom('seasons')
      .select(['show_id', 'number', 'premiere_date', 'premiere_precision', 'mean_air_date', 'episode_count'])
      .where((eb) => eb.or([eb('premiere_precision', 'in', ['day', 'month']), eb('mean_air_date', 'is not', null)]))
      .where('number', '>', 0)
      .execute(),
    db
      .selectFrom('status_events')
      .select(['show_id', 'kind', 'season_number', 'effective_date', 'announced_date', 'announced_precision'])
      .where('retracted_at', 'is', null)
      .where('tier', '!=', 'rumour')
      .where('kind', 'in', Object.keys(DECISION_KINDS))
      .execute(),
    db.selectFrom('show_facts').select(['show_id', 'origin']).distinct().execute(),
    db.selectFrom('show_sources').select(['show_id', 'version']).where('origin', '=', 'tvmaze').execute(),
    db.selectFrom('season_top10_weeks').select(['show_id', 'season_number', 'week', 'rank', 'list', 'public_on']).orderBy('week').execute(),
  ]);
  const reach = new Map<number, string>();
  const extend = (id: number, day: string) => reach.set(id, (reach.get(id) ?? '') > day ? (reach.get(id) as string) : day);
  for (const f of facts) if (SOURCE_ENDS[f.origin]) extend(f.show_id, SOURCE_ENDS[f.origin] as string);
  for (const v of versions) extend(v.show_id, new Date(Number(v.version) * 1000).toISOString().slice(0, 10));
  const byShow = new Map<number, ShowHistory>();
  for (const s of shows) {
    byShow.set(s.id, {
      id: s.slug,
      title: s.title,
      platform: s.platform,
      genres: [],
      country: s.origin_country,
      seasons: [],
      decisions: [],
      episodes: {},
      checkedUntil: s.verified_on ? null : (reach.get(s.id) ?? null),
      top10: [],
      language: s.original_language,
      kind: s.type,
    });
  }
  for (const w of top10) {
    byShow.get(w.show_id)?.top10?.push({
      season: w.season_number,
      week: w.week,
      rank: w.rank,
      public: w.public_on,
      english: w.list === 'TV (English)',
    });
  }
  for (const g of genres) byShow.get(g.show_id)?.genres.push(g.genre);
  for (const s of seasons) {
    const show = byShow.get(s.show_id);
    // A season's mean air date stands in for its premiere when that is unknown: gaps between the two agree closely.
    const premiered =
      s.premiere_date && (s.premiere_precision === 'day' || s.premiere_precision === 'month') ? s.premiere_date : s.mean_air_date;
    if (!show || !premiered) continue;
    show.seasons.push({ number: s.number, premiered });
    if (s.episode_count !== null && show.episodes) show.episodes[s.number] = s.episode_count;
  }
  for (const e of events) {
    const show = byShow.get(e.show_id);
    const kind = DECISION_KINDS[e.kind];
    if (!show || !kind) continue;
    const decision: Decision = { date: e.effective_date, kind, season: e.season_number ?? 1 };
    if (kind === 'date_announced') {
      if (!e.announced_date) continue;
      decision.value = e.announced_date;
      decision.precision = (e.announced_precision === 'unknown' ? 'year' : (e.announced_precision ?? 'day')) as Decision['precision'];
    }
    show.decisions.push(decision);
  }
  for (const show of byShow.values()) show.seasons.sort((a, b) => a.number - b.number);
  return [...byShow.values()];
}
