import { queueEventAlerts } from '../alerts/alerts.queue.ts';
import { isNews } from '../alerts/alerts.rules.ts';
import { type BulkTarget, bulkInsert } from '../db/bulk.ts';
import { normalizeText, showSearchText, slugify, titleKeys } from '../lang/text.rules.ts';
import { seasonDates } from '../status/events.queries.ts';
import { deriveStatus, type EventKind, type StatusEvent } from '../status/status.rules.ts';
import { NEW_SHOW_DEFAULTS, SHOW_COLUMNS, type ShowColumn, showColumns } from './show.columns.ts';
import { slugYear } from './show.index.ts';
import type { ImportedShow } from './show.record.ts';
import { platformId, type WriteContext } from './show.writer.ts';

// The fast path for shows the catalogue does not have yet: a whole batch written with a few set-based
// inserts. Shows that match an existing one go through writeShow, which merges field by field.

export async function writeNewShows(ctx: WriteContext, target: BulkTarget, recs: ImportedShow[]): Promise<void> {
  if (recs.length === 0) return;
  const today = ctx.stamp.slice(0, 10);
  const rows: unknown[][] = [];
  const slugs: string[] = [];
  const givenColumns: Map<ShowColumn, string | number>[] = [];
  for (const rec of recs) {
    const given = new Map(showColumns(rec, rec.platform ? await platformId(ctx, rec.platform) : null));
    givenColumns.push(given);
    const slug = await ctx.index.freeSlug(rec.title, slugYear(rec));
    ctx.index.reserve(slug);
    slugs.push(slug);
    const status = deriveStatus({
      // The same inputs refreshDerivedStatus reads back from the rows this writes.
      seasons: seasonDates(
        (rec.seasons ?? []).map((s) => ({
          number: s.number,
          premiere_date: s.premiere?.date ?? null,
          premiere_precision: s.premiere?.precision ?? 'unknown',
          mean_air_date: s.meanAirDate ?? null,
          out_by: s.outBy ?? null,
        })),
      ),
      onAirSince: rec.premiered ?? rec.addedToNetflix ?? null,
      events: (rec.events ?? []).map(
        (e, i): StatusEvent => ({
          id: i,
          kind: e.kind as EventKind,
          season: e.season,
          effective: e.date,
          announced: null,
          tier: 'report',
          retracted: false,
        }),
      ),
      today,
    });
    rows.push([
      slug,
      ...SHOW_COLUMNS.map(([c]) => given.get(c) ?? NEW_SHOW_DEFAULTS[c] ?? null),
      showSearchText([rec.title, rec.originalTitle]),
      status.kind,
      ctx.stamp,
      ctx.stamp,
    ]);
  }
  const inserted = await bulkInsert<{ id: number; slug: string }>(
    target,
    'shows',
    [
      ['slug', 'text'],
      ...SHOW_COLUMNS,
      ['search_text', 'text'],
      ['derived_status', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    rows,
    ['id', 'slug'],
  );
  const idOf = new Map(inserted.map((r) => [r.slug, Number(r.id)]));
  const ids = slugs.map((s) => idOf.get(s) as number);

  const facts: unknown[][] = [];
  const genres: unknown[][] = [];
  const seasons: unknown[][] = [];
  const ratings: unknown[][] = [];
  const events: unknown[][] = [];
  const keys: unknown[][] = [];
  recs.forEach((rec, i) => {
    const id = ids[i] as number;
    for (const key of titleKeys([rec.title, rec.originalTitle])) keys.push([key, id]);
    for (const column of (givenColumns[i] as Map<ShowColumn, unknown>).keys()) facts.push([id, column, ctx.origin, ctx.stamp]);
    for (const g of new Set(rec.genres ?? [])) genres.push([id, g]);
    const numbers = new Set([...(rec.seasons ?? []).map((s) => s.number), ...(rec.episodes ?? []).map((e) => e.season)]);
    for (const n of numbers) {
      const s = rec.seasons?.find((x) => x.number === n);
      seasons.push([
        id,
        n,
        s?.premiere?.date ?? null,
        s?.premiere?.precision ?? 'unknown',
        s?.finale?.date ?? null,
        s?.finale?.precision ?? 'unknown',
        s?.episodeCount ?? null,
        s?.episodeCount != null ? 'counted' : null,
        s?.meanAirDate ?? null,
        s?.outBy ?? null,
        ctx.origin,
      ]);
    }
    for (const r of rec.ratings ?? [])
      ratings.push([id, r.season ?? null, r.source, r.value, r.votes ?? null, r.share ?? null, r.asOf.date, r.asOf.precision, ctx.origin]);
    for (const e of rec.events ?? []) events.push([id, e.season, e.kind, e.date.date, e.date.precision, 'report', ctx.origin, ctx.stamp]);
    ctx.index.add({ id, slug: slugs[i] as string, country: rec.country ?? null, years: rec.years ?? null, ids: { ...rec.ids } }, [
      rec.title,
      rec.originalTitle,
    ]);
  });
  await bulkInsert(
    target,
    'show_facts',
    [
      ['show_id', 'int'],
      ['field', 'text'],
      ['origin', 'text'],
      ['imported_at', 'timestamptz'],
    ],
    facts,
  );
  await bulkInsert(
    target,
    'show_title_keys',
    [
      ['title_key', 'text'],
      ['show_id', 'int'],
    ],
    keys,
  );
  await bulkInsert(
    target,
    'show_genres',
    [
      ['show_id', 'int'],
      ['genre', 'text'],
    ],
    genres,
  );
  const seasonIds = await bulkInsert<{ id: number; show_id: number; number: number }>(
    target,
    'seasons',
    [
      ['show_id', 'int'],
      ['number', 'int'],
      ['premiere_date', 'date'],
      ['premiere_precision', 'text'],
      ['finale_date', 'date'],
      ['finale_precision', 'text'],
      ['episode_count', 'int'],
      ['episode_count_kind', 'text'],
      ['mean_air_date', 'date'],
      ['out_by', 'date'],
      ['origin', 'text'],
    ],
    seasons,
    ['id', 'show_id', 'number'],
  );
  const seasonOf = new Map(seasonIds.map((s) => [`${s.show_id}:${s.number}`, Number(s.id)]));
  const episodes: unknown[][] = [];
  recs.forEach((rec, i) => {
    const seen = new Set<string>();
    for (const e of rec.episodes ?? []) {
      const key = `${ids[i]}:${e.season}`;
      if (seen.has(`${key}:${e.number}`)) continue; // a repeated episode in one input counts once
      seen.add(`${key}:${e.number}`);
      episodes.push([ids[i], seasonOf.get(key), e.number, e.title, e.airdate, e.airstamp, e.runtime, e.tvmazeId, ctx.origin]);
    }
  });
  await bulkInsert(
    target,
    'episodes',
    [
      ['show_id', 'int'],
      ['season_id', 'int'],
      ['number', 'int'],
      ['title', 'text'],
      ['airdate', 'date'],
      ['airstamp', 'timestamptz'],
      ['runtime_minutes', 'int'],
      ['tvmaze_id', 'int'],
      ['origin', 'text'],
    ],
    episodes,
  );
  await bulkInsert(
    target,
    'ratings',
    [
      ['show_id', 'int'],
      ['season_number', 'int'],
      ['source', 'text'],
      ['value', 'float8'],
      ['votes', 'int'],
      ['vote_share', 'float8'],
      ['as_of_date', 'date'],
      ['as_of_precision', 'text'],
      ['origin', 'text'],
    ],
    ratings,
  );
  await bulkInsert(
    target,
    'status_events',
    [
      ['show_id', 'int'],
      ['season_number', 'int'],
      ['kind', 'text'],
      ['effective_date', 'date'],
      ['effective_precision', 'text'],
      ['tier', 'text'],
      ['entered_by', 'text'],
      ['created_at', 'timestamptz'],
    ],
    events,
  );
  await alertNews(ctx, recs, ids);
  await writeCreditsBulk(ctx, target, recs, ids);
  const versions = recs.flatMap((rec, i) => (rec.version != null ? [[ids[i], ctx.origin, rec.version, ctx.stamp]] : []));
  await bulkInsert(
    target,
    'show_sources',
    [
      ['show_id', 'int'],
      ['origin', 'text'],
      ['version', 'bigint'],
      ['imported_at', 'timestamptz'],
    ],
    versions,
  );

  const tally = (table: string, n: number) => {
    for (let k = 0; k < n; k++) ctx.tally.add(table, 'inserted');
  };
  tally('shows', recs.length);
  tally('show_genres', genres.length);
  tally('seasons', seasons.length);
  tally('episodes', episodes.length);
  tally('ratings', ratings.length);
  tally('status_events', events.length);
}

/** A new show that brings news (ended this week) tells the site's and its platform's followers, as an update would. */
async function alertNews(ctx: WriteContext, recs: ImportedShow[], ids: number[]) {
  const today = ctx.stamp.slice(0, 10);
  const fresh = ids.filter((_, i) => (recs[i]?.events ?? []).some((e) => isNews(e.date.date, today)));
  if (fresh.length === 0) return;
  const rows = await ctx.db
    .selectFrom('status_events')
    .select(['id', 'effective_date'])
    .where('show_id', 'in', fresh)
    .where('entered_by', '=', ctx.origin)
    .orderBy('id')
    .execute();
  for (const row of rows) if (isNews(row.effective_date, today)) await queueEventAlerts(ctx.db, row.id, 'added', new Date(ctx.stamp));
}

async function writeCreditsBulk(ctx: WriteContext, target: BulkTarget, recs: ImportedShow[], ids: number[]): Promise<void> {
  const names = new Map<string, string>();
  for (const rec of recs) for (const c of rec.credits ?? []) names.set(slugify(c.name), c.name);
  if (names.size === 0) return;
  const slugs = [...names.keys()];
  const people = new Map<string, number>();
  for (let i = 0; i < slugs.length; i += 2000) {
    const found = await ctx.db
      .selectFrom('people')
      .select(['id', 'slug'])
      .where('slug', 'in', slugs.slice(i, i + 2000))
      .execute();
    for (const p of found) people.set(p.slug, p.id);
  }
  const missing = slugs.filter((s) => !people.has(s));
  const created = await bulkInsert<{ id: number; slug: string }>(
    target,
    'people',
    [
      ['slug', 'text'],
      ['name', 'text'],
      ['search_name', 'text'],
    ],
    missing.map((s) => [s, names.get(s), normalizeText(names.get(s) ?? '')]),
    ['id', 'slug'],
  );
  for (const p of created) people.set(p.slug, Number(p.id));
  for (let k = 0; k < missing.length; k++) ctx.tally.add('people', 'inserted');
  for (let k = 0; k < slugs.length - missing.length; k++) ctx.tally.add('people', 'unchanged');
  const credits: unknown[][] = [];
  recs.forEach((rec, i) => {
    const seen = new Set<string>();
    (rec.credits ?? []).forEach((c, order) => {
      const person = people.get(slugify(c.name));
      const key = `${person}:${c.role}:${c.character ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      credits.push([ids[i], person, c.role, c.character ?? null, 1000 + order, ctx.origin]);
    });
  });
  await bulkInsert(
    target,
    'credits',
    [
      ['show_id', 'int'],
      ['person_id', 'int'],
      ['role', 'text'],
      ['character', 'text'],
      ['billing_order', 'int'],
      ['origin', 'text'],
    ],
    credits,
  );
  for (let k = 0; k < credits.length; k++) ctx.tally.add('credits', 'inserted');
}
