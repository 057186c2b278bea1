import type { Kysely } from 'kysely';
import { queueEventAlerts } from '../alerts/alerts.queue.ts';
import { isNews } from '../alerts/alerts.rules.ts';
import type { Database, Precision } from '../db/schema.ts';
import { ensureLink, type Tally, upsertRow } from '../db/upsert.ts';
import { normalizeText, showSearchText, slugify } from '../lang/text.rules.ts';
import { refreshDerivedStatus } from '../status/events.queries.ts';
import { NEW_SHOW_DEFAULTS, type ShowColumn, showColumns } from './show.columns.ts';
import { type ShowIndex, slugYear } from './show.index.ts';
import type { ImportedShow, Origin } from './show.record.ts';
import { refreshShowTitles } from './show.titles.ts';

// Merges one imported show into the catalogue: matched (never duplicated), facts written by an editor
// left alone, facts from a source kept with their origin, re-runs reported as unchanged.

export interface WriteContext {
  db: Kysely<Database>;
  index: ShowIndex;
  origin: Origin;
  stamp: string;
  tally: Tally;
  platforms: Map<string, number>;
  /** Figures written in this run: one file may name a show twice ("Alfons Åberg", "Alfie Atkins"), and its first figure stands. */
  figures?: Set<string>;
}

export type WriteResult = { ok: true; showId: number } | { ok: false; field: string; reason: string };

export async function writeShow(ctx: WriteContext, rec: ImportedShow): Promise<WriteResult> {
  const match = ctx.index.match({ ids: rec.ids, title: rec.title, country: rec.country ?? null, years: rec.years ?? null });
  if (match.kind === 'ambiguous') {
    return { ok: false, field: 'title', reason: `"${rec.title}" matches several shows (${match.slugs.join(', ')}); not merged` };
  }
  const fields = showColumns(rec, rec.platform ? await platformId(ctx, rec.platform) : null);

  let showId: number;
  let changed = false;
  if (match.kind === 'new') {
    const slug = await ctx.index.freeSlug(rec.title, slugYear(rec));
    const row = await ctx.db
      .insertInto('shows')
      .values({
        slug,
        ...NEW_SHOW_DEFAULTS,
        ...Object.fromEntries(fields),
        title: rec.title,
        search_text: showSearchText([rec.title, rec.originalTitle]),
        derived_status: 'undecided',
        created_at: ctx.stamp,
        updated_at: ctx.stamp,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    showId = row.id;
    if (fields.length > 0) {
      await ctx.db
        .insertInto('show_facts')
        .values(fields.map(([field]) => ({ show_id: showId, field, origin: ctx.origin, imported_at: ctx.stamp })))
        .execute();
    }
    ctx.index.add({ id: showId, slug, country: rec.country ?? null, years: rec.years ?? null, ids: { ...rec.ids } }, [
      rec.title,
      rec.originalTitle,
    ]);
    ctx.tally.add('shows', 'inserted');
    changed = true;
  } else {
    showId = match.id;
    const stale = rec.version != null && (await storedVersion(ctx, showId)) > rec.version;
    if (stale) ctx.tally.add('shows', 'unchanged');
    else changed = await mergeShowFields(ctx, showId, fields);
    ctx.index.update(showId, { ids: rec.ids, titles: [rec.title, rec.originalTitle], country: rec.country, years: rec.years });
  }

  if (rec.version != null) await recordVersion(ctx, showId, rec.version);
  for (const genre of rec.genres ?? [])
    changed = (await ensureLink(ctx.db, 'show_genres', { show_id: showId, genre }, ctx.tally)) === 'inserted' || changed;
  if (rec.title && match.kind === 'match') {
    const current = await ctx.db.selectFrom('shows').select('title').where('id', '=', showId).executeTakeFirstOrThrow();
    if (current.title !== rec.title)
      changed = (await ensureLink(ctx.db, 'show_aliases', { show_id: showId, alias: rec.title }, ctx.tally)) === 'inserted' || changed;
  }
  changed = (await writeSeasons(ctx, showId, rec)) || changed;
  changed = (await writeEpisodes(ctx, showId, rec)) || changed;
  changed = (await writeCredits(ctx, showId, rec)) || changed;
  for (const r of rec.ratings ?? []) {
    const { outcome } = await upsertRow(
      ctx.db,
      'ratings',
      { show_id: showId, source: r.source, season_number: r.season ?? null, as_of_date: r.asOf.date },
      { value: r.value, scale: 10, votes: r.votes ?? null, vote_share: r.share ?? null, as_of_precision: r.asOf.precision },
      { tally: ctx.tally, onInsert: { origin: ctx.origin } },
    );
    changed = outcome !== 'unchanged' || changed;
  }
  const firstInRun = (key: string) => {
    if (!ctx.figures) return true;
    if (ctx.figures.has(key)) return false;
    ctx.figures.add(key);
    return true;
  };
  for (const w of rec.top10 ?? []) {
    if (!firstInRun(`top10|${showId}|${w.season}|${w.week}|${w.list}`)) continue;
    const { outcome } = await upsertRow(
      ctx.db,
      'season_top10_weeks',
      { show_id: showId, season_number: w.season, week: w.week, list: w.list },
      { rank: w.rank, hours: w.hours, views: w.views, weeks_in_top10: w.weeksInTop10, public_on: w.publicOn },
      { tally: ctx.tally, onInsert: { origin: ctx.origin } },
    );
    changed = outcome !== 'unchanged' || changed;
  }
  for (const e of rec.engagement ?? []) {
    if (!firstInRun(`engagement|${showId}|${e.season}|${e.period}`)) continue;
    const { outcome } = await upsertRow(
      ctx.db,
      'season_engagement',
      { show_id: showId, season_number: e.season, period: e.period },
      { hours: e.hours, views: e.views, available_globally: e.availableGlobally ? 1 : 0, public_on: e.publicOn },
      { tally: ctx.tally, onInsert: { origin: ctx.origin } },
    );
    changed = outcome !== 'unchanged' || changed;
  }
  for (const e of rec.events ?? []) {
    const { id, outcome } = await upsertRow(
      ctx.db,
      'status_events',
      { show_id: showId, kind: e.kind, season_number: e.season, entered_by: ctx.origin },
      { effective_date: e.date.date, effective_precision: e.date.precision, tier: 'report' },
      { tally: ctx.tally, onInsert: { created_at: ctx.stamp } },
    );
    changed = outcome !== 'unchanged' || changed;
    // A sync that brings news (a show ended this week) tells its followers; history filled in tells no one.
    if (outcome !== 'unchanged' && isNews(e.date.date, ctx.stamp.slice(0, 10)))
      await queueEventAlerts(ctx.db, id, outcome === 'inserted' ? 'added' : 'edited', new Date(ctx.stamp));
  }
  if (changed) {
    await refreshShowTitles(ctx.db, showId);
    await ctx.db.updateTable('shows').set({ updated_at: ctx.stamp }).where('id', '=', showId).execute();
    await refreshDerivedStatus(ctx.db, showId, ctx.stamp.slice(0, 10));
  }
  return { ok: true, showId };
}

async function storedVersion(ctx: WriteContext, showId: number): Promise<number> {
  const row = await ctx.db
    .selectFrom('show_sources')
    .select('version')
    .where('show_id', '=', showId)
    .where('origin', '=', ctx.origin)
    .executeTakeFirst();
  return row ? Number(row.version) : Number.NEGATIVE_INFINITY;
}

async function recordVersion(ctx: WriteContext, showId: number, version: number): Promise<void> {
  const stored = await storedVersion(ctx, showId);
  if (stored >= version) return;
  if (stored === Number.NEGATIVE_INFINITY) {
    await ctx.db.insertInto('show_sources').values({ show_id: showId, origin: ctx.origin, version, imported_at: ctx.stamp }).execute();
  } else {
    await ctx.db
      .updateTable('show_sources')
      .set({ version, imported_at: ctx.stamp })
      .where('show_id', '=', showId)
      .where('origin', '=', ctx.origin)
      .execute();
  }
}

/**
 * Sources whose files are reports of different periods: each names a show in its own words ("Alfie Atkins",
 * "Alfons Åberg"), so the first word stands and a later report only fills what is empty.
 */
const FILL_ONLY = new Set<Origin>(['netflix-top10', 'netflix-engagement']);

const PRECISION_RANK: Record<Precision, number> = { unknown: 0, year: 1, quarter: 2, month: 3, day: 4 };

/** Sets the fields this import may set: empty ones, and ones this same source set before (never an editor's or another source's). */
async function mergeShowFields(ctx: WriteContext, showId: number, fields: Array<[ShowColumn, unknown]>): Promise<boolean> {
  const [current, facts] = await Promise.all([
    ctx.db.selectFrom('shows').selectAll().where('id', '=', showId).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('show_facts').select(['field', 'origin']).where('show_id', '=', showId).execute(),
  ]);
  const origins = new Map(facts.map((f) => [f.field, f.origin]));
  const patch: Record<string, unknown> = {};
  for (const [field, value] of fields) {
    const now = (current as Record<string, unknown>)[field];
    const empty = now === null || now === undefined;
    if (!empty && (origins.get(field) !== ctx.origin || FILL_ONLY.has(ctx.origin))) continue; // an editor's fact, another source's, or an older report's
    if (!empty && String(now) === String(value)) continue;
    if (field.endsWith('_id') && field !== 'platform_id' && !empty) continue; // an external id, once set, stays
    if (field.endsWith('_id') && field !== 'platform_id') {
      const taken = await ctx.db
        .selectFrom('shows')
        .select('slug')
        .where(field as 'imdb_id', '=', value as string)
        .executeTakeFirst();
      if (taken) continue; // another show has it: matching by title must not steal an id
    }
    patch[field] = value;
  }
  const entries = Object.keys(patch);
  ctx.tally.add('shows', entries.length > 0 ? 'updated' : 'unchanged');
  if (entries.length === 0) return false;
  await ctx.db.updateTable('shows').set(patch).where('id', '=', showId).execute();
  for (const field of entries) {
    const fact = { origin: ctx.origin, imported_at: ctx.stamp };
    if (origins.has(field))
      await ctx.db.updateTable('show_facts').set(fact).where('show_id', '=', showId).where('field', '=', field).execute();
    else
      await ctx.db
        .insertInto('show_facts')
        .values({ show_id: showId, field, ...fact })
        .execute();
  }
  return true;
}

export async function platformId(ctx: WriteContext, p: NonNullable<ImportedShow['platform']>): Promise<number> {
  const slug = slugify(p.name.replace(/\+/g, ' plus'));
  const cached = ctx.platforms.get(slug);
  if (cached) return cached;
  // A platform met before slugs spelt out every script keeps the slug it was given then ("VK Видео": "vk").
  const known = await ctx.db.selectFrom('platforms').select('id').where('slug', '=', slug).executeTakeFirst();
  const named = known
    ? null
    : await ctx.db.selectFrom('platforms').select('slug').where('name', '=', p.name).orderBy('id').executeTakeFirst();
  const { id } = await upsertRow(
    ctx.db,
    'platforms',
    { slug: named?.slug ?? slug },
    {},
    { tally: ctx.tally, onInsert: { name: p.name, kind: p.kind, country: p.country } },
  );
  ctx.platforms.set(slug, id);
  return id;
}

async function writeSeasons(ctx: WriteContext, showId: number, rec: ImportedShow): Promise<boolean> {
  let changed = false;
  const existing = new Map(
    (await ctx.db.selectFrom('seasons').selectAll().where('show_id', '=', showId).execute()).map((s) => [s.number, s]),
  );
  for (const s of rec.seasons ?? []) {
    const values: Record<string, unknown> = {};
    if (s.premiere) Object.assign(values, { premiere_date: s.premiere.date, premiere_precision: s.premiere.precision });
    if (s.finale) Object.assign(values, { finale_date: s.finale.date, finale_precision: s.finale.precision });
    if (s.episodeCount != null) Object.assign(values, { episode_count: s.episodeCount, episode_count_kind: 'counted' });
    if (s.meanAirDate) values.mean_air_date = s.meanAirDate;
    const row = existing.get(s.number);
    // Out-by days only move earlier: each report or week can prove the season was out sooner, none later.
    if (s.outBy && (!row?.out_by || s.outBy < row.out_by)) values.out_by = s.outBy;
    if (!row) {
      const inserted = await ctx.db
        .insertInto('seasons')
        .values({ show_id: showId, number: s.number, origin: ctx.origin, ...values } as never)
        .returningAll()
        .executeTakeFirstOrThrow();
      existing.set(s.number, inserted);
      ctx.tally.add('seasons', 'inserted');
      changed = true;
      continue;
    }
    // A source keeps its own season current; another's (an editor's above all) it only fills, or dates more precisely.
    const own = row.origin === ctx.origin && !FILL_ONLY.has(ctx.origin);
    const finer = row.origin !== 'editor' && !!s.premiere && PRECISION_RANK[s.premiere.precision] > PRECISION_RANK[row.premiere_precision];
    const patch = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => {
        const now = (row as Record<string, unknown>)[k];
        if (k.endsWith('_precision')) return false;
        return (
          String(now) !== String(v) && (own || now === null || now === undefined || (finer && k === 'premiere_date') || k === 'out_by')
        );
      }),
    );
    for (const k of Object.keys(patch))
      if (k.endsWith('_date') && k !== 'mean_air_date') patch[k.replace('_date', '_precision')] = values[k.replace('_date', '_precision')];
    if ('episode_count' in patch) patch.episode_count_kind = 'counted';
    if (Object.keys(patch).length === 0) {
      ctx.tally.add('seasons', 'unchanged');
      continue;
    }
    await ctx.db.updateTable('seasons').set(patch).where('id', '=', row.id).execute();
    ctx.tally.add('seasons', 'updated');
    changed = true;
  }
  return changed;
}

const EPISODE_CHUNK = 400;

async function writeEpisodes(ctx: WriteContext, showId: number, rec: ImportedShow): Promise<boolean> {
  const episodes = rec.episodes ?? [];
  if (episodes.length === 0) return false;
  const seasons = new Map(
    (await ctx.db.selectFrom('seasons').select(['id', 'number']).where('show_id', '=', showId).execute()).map((s) => [s.number, s.id]),
  );
  for (const n of new Set(episodes.map((e) => e.season))) {
    if (seasons.has(n)) continue;
    const { id } = await ctx.db
      .insertInto('seasons')
      .values({ show_id: showId, number: n, origin: ctx.origin, premiere_precision: 'unknown', finale_precision: 'unknown' })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.tally.add('seasons', 'inserted');
    seasons.set(n, id);
  }
  const existing = new Map(
    (await ctx.db.selectFrom('episodes').selectAll().where('show_id', '=', showId).execute()).map((e) => [`${e.season_id}:${e.number}`, e]),
  );
  const inserts: Array<Record<string, unknown>> = [];
  let changed = false;
  for (const e of episodes) {
    const seasonId = seasons.get(e.season) as number;
    const values = { title: e.title, airdate: e.airdate, airstamp: e.airstamp, runtime_minutes: e.runtime, tvmaze_id: e.tvmazeId };
    const row = existing.get(`${seasonId}:${e.number}`);
    if (!row) {
      inserts.push({ show_id: showId, season_id: seasonId, number: e.number, origin: ctx.origin, ...values });
      existing.set(`${seasonId}:${e.number}`, { ...values, id: -1 } as never); // a repeated episode in one input counts once
      continue;
    }
    const patch = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => v !== null && String((row as Record<string, unknown>)[k]) !== String(v)),
    );
    if (row.origin === 'editor' || row.id === -1 || Object.keys(patch).length === 0) {
      ctx.tally.add('episodes', 'unchanged');
      continue;
    }
    await ctx.db.updateTable('episodes').set(patch).where('id', '=', row.id).execute();
    ctx.tally.add('episodes', 'updated');
    changed = true;
  }
  for (let i = 0; i < inserts.length; i += EPISODE_CHUNK) {
    await ctx.db
      .insertInto('episodes')
      .values(inserts.slice(i, i + EPISODE_CHUNK) as never)
      .execute();
  }
  for (let i = 0; i < inserts.length; i++) ctx.tally.add('episodes', 'inserted');
  return changed || inserts.length > 0;
}

async function writeCredits(ctx: WriteContext, showId: number, rec: ImportedShow): Promise<boolean> {
  let changed = false;
  for (const [order, c] of (rec.credits ?? []).entries()) {
    const person = await upsertRow(
      ctx.db,
      'people',
      { slug: slugify(c.name) },
      {},
      { tally: ctx.tally, onInsert: { name: c.name, search_name: normalizeText(c.name) } },
    );
    const credit = await ctx.db
      .selectFrom('credits')
      .select('id')
      .where('show_id', '=', showId)
      .where('person_id', '=', person.id)
      .where('role', '=', c.role)
      .where((eb) => (c.character ? eb('character', '=', c.character) : eb('character', 'is', null)))
      .executeTakeFirst();
    if (credit) {
      ctx.tally.add('credits', 'unchanged');
      continue;
    }
    await ctx.db
      .insertInto('credits')
      .values({
        show_id: showId,
        person_id: person.id,
        role: c.role,
        character: c.character ?? null,
        billing_order: 1000 + order,
        origin: ctx.origin,
      })
      .execute();
    ctx.tally.add('credits', 'inserted');
    changed = true;
  }
  return changed;
}
