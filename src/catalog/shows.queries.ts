import { type Kysely, sql } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database, Precision } from '../db/schema.ts';
import { searchTerms } from '../lang/text.rules.ts';
import { type EventRow, listShowEvents } from '../status/events.queries.ts';

export interface ShowRow {
  id: number;
  slug: string;
  title: string;
  originalTitle: string | null;
  type: string;
  country: string | null;
  language: string | null;
  platform: { slug: string; name: string } | null;
  premiered: string | null;
  ended: string | null;
  synopsis: string | null;
  basis: string | null;
  officialSite: string | null;
  ids: { imdb: string | null; tvmaze: number | null; thetvdb: number | null; netflix: string | null };
  status: string;
  verifiedOn: string | null;
  addedToNetflix: string | null;
  createdAt: string;
  updatedAt: string;
  genres: string[];
  aliases: string[];
}

export interface SeasonRow {
  number: number;
  premiere: { date: string; precision: Precision } | null;
  finale: { date: string; precision: Precision } | null;
  episodeCount: number | null;
  episodeCountKind: string | null;
  releaseStyle: string | null;
  /** The mean air date of its episodes (from IMDb data): approximate, never a premiere. */
  meanAirDate: string | null;
  /** Known to be out by this day (a Top 10 week, a report's period end) when its premiere is not known. */
  outBy: string | null;
}

export interface CreditRow {
  role: string;
  character: string | null;
  person: { slug: string; name: string };
}

export interface RatingRow {
  source: string;
  season: number | null;
  value: number;
  scale: number;
  votes: number | null;
  asOf: { date: string; precision: Precision };
  cite: { url: string | null; outlet: string } | null;
}

export interface EpisodeRow {
  season: number;
  number: number;
  title: string | null;
  airdate: string | null;
  airstamp: string | null;
  runtimeMinutes: number | null;
}

export interface ShowDetail {
  show: ShowRow;
  seasons: SeasonRow[];
  episodes: EpisodeRow[];
  credits: CreditRow[];
  ratings: RatingRow[];
  events: EventRow[];
}

function showColumns(db: Kysely<Database>) {
  return db
    .selectFrom('shows as s')
    .leftJoin('platforms as p', 'p.id', 's.platform_id')
    .select([
      's.id',
      's.slug',
      's.title',
      's.original_title',
      's.type',
      's.origin_country',
      's.original_language',
      'p.slug as platform_slug',
      'p.name as platform_name',
      's.premiered',
      's.ended',
      's.synopsis',
      's.basis',
      's.official_site',
      's.imdb_id',
      's.tvmaze_id',
      's.thetvdb_id',
      's.netflix_id',
      's.derived_status',
      's.verified_on',
      's.added_to_netflix',
      's.created_at',
      's.updated_at',
    ]);
}

type ShowSelect = Awaited<ReturnType<ReturnType<typeof showColumns>['executeTakeFirstOrThrow']>>;

/** Shows with their genres and aliases, in the order of `rows`. */
async function withLabels(db: Kysely<Database>, rows: ShowSelect[]): Promise<ShowRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [genres, aliases] = await Promise.all([
    db.selectFrom('show_genres').select(['show_id', 'genre']).where('show_id', 'in', ids).orderBy('genre').execute(),
    db.selectFrom('show_aliases').select(['show_id', 'alias']).where('show_id', 'in', ids).orderBy('alias').execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    originalTitle: r.original_title,
    type: r.type,
    country: r.origin_country,
    language: r.original_language,
    platform: r.platform_slug && r.platform_name ? { slug: r.platform_slug, name: r.platform_name } : null,
    premiered: r.premiered,
    ended: r.ended,
    synopsis: r.synopsis,
    basis: r.basis,
    officialSite: r.official_site,
    ids: { imdb: r.imdb_id, tvmaze: r.tvmaze_id, thetvdb: r.thetvdb_id, netflix: r.netflix_id },
    status: r.derived_status,
    verifiedOn: r.verified_on,
    addedToNetflix: r.added_to_netflix,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    genres: genres.filter((g) => g.show_id === r.id).map((g) => g.genre),
    aliases: aliases.filter((a) => a.show_id === r.id).map((a) => a.alias),
  }));
}

export async function getShowBySlug(db: Kysely<Database>, slug: string): Promise<ShowRow | null> {
  const row = await showColumns(db).where('s.slug', '=', slug).executeTakeFirst();
  return row ? ((await withLabels(db, [row]))[0] ?? null) : null;
}

/** Everything a show page or the API needs about one show; null when the slug is unknown. */
export async function getShowDetail(db: Kysely<Database>, slug: string): Promise<ShowDetail | null> {
  const show = await getShowBySlug(db, slug);
  if (!show) return null;
  const [seasons, episodes, credits, ratings, events] = await Promise.all([
    db.selectFrom('seasons').selectAll().where('show_id', '=', show.id).orderBy('number').execute(),
    db
      .selectFrom('episodes as e')
      .innerJoin('seasons as se', 'se.id', 'e.season_id')
      .select(['se.number as season', 'e.number', 'e.title', 'e.airdate', 'e.airstamp', 'e.runtime_minutes'])
      .where('e.show_id', '=', show.id)
      .orderBy('se.number')
      .orderBy('e.number')
      .execute(),
    db
      .selectFrom('credits as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .select(['c.role', 'c.character', 'p.slug', 'p.name'])
      .where('c.show_id', '=', show.id)
      .orderBy('c.billing_order')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('ratings as r')
      .leftJoin('sources as s', 's.id', 'r.source_id')
      .select(['r.source', 'r.season_number', 'r.value', 'r.scale', 'r.votes', 'r.as_of_date', 'r.as_of_precision', 's.url', 's.outlet'])
      .where('r.show_id', '=', show.id)
      .orderBy('r.as_of_date', 'desc')
      .execute(),
    listShowEvents(db, show.id),
  ]);
  return {
    show,
    seasons: seasons.map((s) => ({
      number: s.number,
      premiere: s.premiere_date ? { date: s.premiere_date, precision: s.premiere_precision } : null,
      finale: s.finale_date ? { date: s.finale_date, precision: s.finale_precision } : null,
      episodeCount: s.episode_count,
      episodeCountKind: s.episode_count_kind,
      releaseStyle: s.release_style,
      meanAirDate: s.mean_air_date,
      outBy: s.out_by,
    })),
    episodes: episodes.map((e) => ({
      season: e.season,
      number: e.number,
      title: e.title,
      airdate: e.airdate,
      airstamp: e.airstamp,
      runtimeMinutes: e.runtime_minutes,
    })),
    credits: credits.map((c) => ({ role: c.role, character: c.character, person: { slug: c.slug, name: c.name } })),
    ratings: ratings.map((r) => ({
      source: r.source,
      season: r.season_number,
      value: r.value,
      scale: r.scale,
      votes: r.votes,
      asOf: { date: r.as_of_date, precision: r.as_of_precision },
      cite: r.outlet ? { url: r.url, outlet: r.outlet } : null,
    })),
    events,
  };
}

export interface ShowFilters {
  q?: string | undefined;
  platform?: string | undefined;
  status?: string | undefined;
  country?: string | undefined;
  genre?: string | undefined;
  /** Year of the first premiere. */
  year?: number | undefined;
  limit: number;
  offset: number;
}

export interface ShowPage {
  total: number;
  items: ShowRow[];
  /** True when nothing matched exactly and these are close spellings. */
  fuzzy?: boolean;
  /** True when more than `total` (COUNT_CAP) shows match. */
  totalCapped?: boolean;
}

export const COUNT_CAP = 1000;

/** Filtered, paged list; with `q`, ranked by full-text relevance (FTS5 bm25 or ts_rank). */
/**
 * Whether a search term is matched as a prefix: only the last, the word being typed, and only if it has four
 * letters or more, or three as the only word ("som" for Somos). After other words a short last word is
 * nearly always whole ("Monster Hunter: The"), and "s" (of "Marvel's"), "a" or "the" as a prefix matches
 * much of the catalogue: on 100,000 shows such queries took 20–36 ms, most others under 2.
 */
const isPrefix = (terms: string[], i: number) => {
  const letters = [...(terms[i] as string)].length;
  return i === terms.length - 1 && (letters >= 4 || (letters === 3 && terms.length === 1));
};

export async function listShows(db: Kysely<Database>, engine: Engine, filters: ShowFilters): Promise<ShowPage> {
  const terms = filters.q ? searchTerms(filters.q) : [];
  if (filters.q !== undefined && terms.length === 0) return { total: 0, items: [] };
  let base = showColumns(db);
  if (filters.platform) base = base.where('p.slug', '=', filters.platform);
  if (filters.status) base = base.where('s.derived_status', '=', filters.status);
  if (filters.country) base = base.where('s.origin_country', '=', filters.country);
  if (filters.genre) {
    const genre = filters.genre;
    base = base.where('s.id', 'in', (eb) => eb.selectFrom('show_genres').select('show_id').where('genre', '=', genre));
  }
  if (filters.year) base = base.where('s.premiered', '>=', `${filters.year}-01-01`).where('s.premiered', '<=', `${filters.year}-12-31`);

  let ranked = base;
  let countFrom: ReturnType<typeof sql> | null = null;
  // A title that is the query itself comes first, then titles that start with it ("Stranger Things" before
  // "Stranger Things: Behind the Scenes", both before "The Stranger"); relevance orders the rest.
  const asked = terms.join(' ');
  const exactFirst = sql`case when s.search_text = ${asked} then 0 when s.search_text like ${`${asked} %`} then 1 else 2 end`;
  if (terms.length > 0 && engine === 'sqlite') {
    // Quoted terms, so user text never reaches FTS5 syntax; only the last is a prefix (the word being typed).
    const match = terms.map((t, i) => `"${t.replaceAll('"', '')}"${isPrefix(terms, i) ? '*' : ''}`).join(' ');
    // With no other filter, FTS5 can keep just the best N itself (ORDER BY rank LIMIT) instead of sorting every match.
    const unfiltered = !filters.platform && !filters.status && !filters.country && !filters.genre && !filters.year;
    const topN = unfiltered ? sql` order by rank limit ${filters.offset + filters.limit}` : sql``;
    ranked = base
      .innerJoin(
        sql<{ rowid: number; rank: number }>`(select rowid, rank from shows_fts where shows_fts match ${match}${topN})`.as('f'),
        'f.rowid',
        's.id',
      )
      .orderBy(exactFirst)
      .orderBy(sql`f.rank`);
    if (unfiltered) countFrom = sql`(select rowid from shows_fts where shows_fts match ${match} limit ${COUNT_CAP + 1})`;
  } else if (terms.length > 0) {
    const tsquery = terms.map((t, i) => `'${t.replaceAll("'", '')}'${isPrefix(terms, i) ? ':*' : ''}`).join(' & ');
    const vector = sql`to_tsvector('simple', s.search_text)`;
    ranked = base
      .where(sql<boolean>`${vector} @@ to_tsquery('simple', ${tsquery})`)
      .orderBy(exactFirst)
      .orderBy(sql`ts_rank(${vector}, to_tsquery('simple', ${tsquery}))`, 'desc');
  }
  // A search stops counting at COUNT_CAP ("more than 1,000 match" is as useful as an exact figure, and far
  // cheaper); a list without a query counts every show, so its pages reach the last one.
  const matching = ranked.clearSelect().clearOrderBy().select('s.id');
  const countRow = countFrom
    ? await db
        .selectFrom(countFrom.as('matches'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    : await db
        .selectFrom((terms.length > 0 ? matching.limit(COUNT_CAP + 1) : matching).as('matches'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
  const rows = await ranked.orderBy('s.title').orderBy('s.id').limit(filters.limit).offset(filters.offset).execute();
  if (Number(countRow.n) === 0 && terms.length > 0) return closeSpellings(db, engine, base, terms.join(' '), filters);
  const n = Number(countRow.n);
  const capped = terms.length > 0 && n > COUNT_CAP;
  return { total: capped ? COUNT_CAP : n, totalCapped: capped, items: await withLabels(db, rows) };
}

const FUZZY_LIMIT = 20;

/** Typo tolerance: shows whose titles share most of the query's trigrams ("stranger thigns" → Stranger Things). */
async function closeSpellings(
  db: Kysely<Database>,
  engine: Engine,
  base: ReturnType<typeof showColumns>,
  text: string,
  filters: ShowFilters,
): Promise<ShowPage> {
  if (text.replace(/ /g, '').length < 4) return { total: 0, items: [] };
  let query: typeof base;
  if (engine === 'sqlite') {
    const grams = new Set<string>();
    for (let i = 0; i + 3 <= text.length; i++) {
      const g = text.slice(i, i + 3);
      if (!g.includes(' ')) grams.add(g);
    }
    if (grams.size === 0) return { total: 0, items: [] };
    // Any trigram may match; bm25 ranks titles sharing more of them first.
    const match = [...grams].map((g) => `"${g}"`).join(' OR ');
    query = base
      .innerJoin(
        sql<{
          rowid: number;
          rank: number;
        }>`(select rowid, rank from shows_trigram where shows_trigram match ${match} order by rank limit 200)`.as('t'),
        't.rowid',
        's.id',
      )
      .orderBy(sql`t.rank`);
  } else {
    query = base.where(sql<boolean>`s.search_text % ${text}`).orderBy(sql`similarity(s.search_text, ${text})`, 'desc');
  }
  const rows = await query.limit(FUZZY_LIMIT).offset(filters.offset).execute();
  return { total: rows.length, items: await withLabels(db, rows), fuzzy: true };
}

export async function recentlyUpdatedShows(db: Kysely<Database>, limit: number): Promise<ShowRow[]> {
  // Newest news first: the latest dated event behind each show, then the latest write.
  const latestEvent = sql`(select max(e.effective_date) from status_events e where e.show_id = s.id and e.retracted_at is null and e.tier <> 'rumour')`;
  const rows = await showColumns(db)
    .orderBy(sql`${latestEvent} desc nulls last`)
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.title')
    .limit(limit)
    .execute();
  return withLabels(db, rows);
}

/** Shows that share a platform, a country or language, or a genre with this one: the pool the similarity rule ranks. */
export async function similarCandidates(db: Kysely<Database>, show: ShowRow, perGroup = 120): Promise<ShowRow[]> {
  const base = () => showColumns(db).where('s.id', '!=', show.id).orderBy('s.updated_at', 'desc').limit(perGroup);
  // Each tie gets its own share of the pool, so a large catalogue of one kind cannot crowd out the rest.
  const groups = await Promise.all([
    show.platform ? base().where('p.slug', '=', show.platform.slug).execute() : [],
    show.country ? base().where('s.origin_country', '=', show.country).execute() : [],
    show.language && show.language !== 'en' ? base().where('s.original_language', '=', show.language).execute() : [],
    show.genres.length
      ? base()
          .where('s.id', 'in', (eb) => eb.selectFrom('show_genres').select('show_id').where('genre', 'in', show.genres))
          .execute()
      : [],
  ]);
  const seen = new Set<number>();
  const rows = groups.flat().filter((r) => !seen.has(r.id) && seen.add(r.id));
  return withLabels(db, rows);
}

export async function countShows(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('shows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listPlatforms(db: Kysely<Database>) {
  return db.selectFrom('platforms').select(['slug', 'name', 'kind', 'country']).orderBy('name').execute();
}

/** Just enough of a show to name it and hang rows on it. */
export async function findShowRef(db: Kysely<Database>, slug: string) {
  return db.selectFrom('shows').select(['id', 'slug', 'title']).where('slug', '=', slug).executeTakeFirst();
}

export async function slugOfShow(db: Kysely<Database>, id: number): Promise<string> {
  const row = await db.selectFrom('shows').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
  return row.slug;
}

export async function findPlatform(db: Kysely<Database>, slug: string) {
  return db.selectFrom('platforms').select(['slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

/** Show pages and when each last changed, a slice at a time in a stable order, for the sitemap. */
export async function showPagesChanged(db: Kysely<Database>, offset: number, limit: number) {
  return db.selectFrom('shows').select(['slug', 'updated_at']).orderBy('slug').offset(offset).limit(limit).execute();
}

/** How many show pages there are and the latest change among them. */
export async function showPagesSummary(db: Kysely<Database>): Promise<{ count: number; lastChange: string | null }> {
  const row = await db
    .selectFrom('shows')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('last')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), lastChange: (row.last as string | null) ?? null };
}

export async function listGenres(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('show_genres').select('genre').distinct().orderBy('genre').execute();
  return rows.map((g) => g.genre);
}

export interface PersonHit {
  slug: string;
  name: string;
  credits: Array<{ role: string; show: { slug: string; title: string } }>;
}

/** People whose name contains every search word, accents ignored, with the shows they worked on. */
export async function searchPeople(db: Kysely<Database>, query: string, limit = 10): Promise<PersonHit[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  let q = db.selectFrom('people').select(['id', 'slug', 'name']).orderBy('name').limit(limit);
  for (const t of terms) q = q.where('search_name', 'like', `%${t}%`);
  const people = await q.execute();
  if (people.length === 0) return [];
  const credits = await db
    .selectFrom('credits as c')
    .innerJoin('shows as s', 's.id', 'c.show_id')
    .select(['c.person_id', 'c.role', 's.slug', 's.title'])
    .where(
      'c.person_id',
      'in',
      people.map((p) => p.id),
    )
    .orderBy('s.title')
    .execute();
  return people.map((p) => ({
    slug: p.slug,
    name: p.name,
    credits: credits
      .filter((c) => c.person_id === p.id)
      .slice(0, 5)
      .map((c) => ({ role: c.role, show: { slug: c.slug, title: c.title } })),
  }));
}
