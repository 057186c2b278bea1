import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Decision, DecisionKind, ShowHistory } from './history.ts';

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
  const [shows, genres, seasons, events] = await Promise.all([
    db
      .selectFrom('shows as s')
      .leftJoin('platforms as p', 'p.id', 's.platform_id')
      .select(['s.id', 's.slug', 's.title', 's.origin_country', 'p.name as platform'])
      .execute(),
    db.selectFrom('show_genres').select(['show_id', 'genre']).orderBy('genre').execute(),
    db
      .selectFrom('seasons')
      .select(['show_id', 'number', 'premiere_date', 'episode_count'])
      .where('premiere_date', 'is not', null)
      .where('premiere_precision', 'in', ['day', 'month'])
      .where('number', '>', 0)
      .execute(),
    db
      .selectFrom('status_events')
      .select(['show_id', 'kind', 'season_number', 'effective_date', 'announced_date', 'announced_precision'])
      .where('retracted_at', 'is', null)
      .where('tier', '!=', 'rumour')
      .where('kind', 'in', Object.keys(DECISION_KINDS))
      .execute(),
  ]);
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
    });
  }
  for (const g of genres) byShow.get(g.show_id)?.genres.push(g.genre);
  for (const s of seasons) {
    const show = byShow.get(s.show_id);
    if (!show || !s.premiere_date) continue;
    show.seasons.push({ number: s.number, premiered: s.premiere_date });
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
