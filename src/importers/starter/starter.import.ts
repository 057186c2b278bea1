import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { ensureLink, Tally, upsertRow } from '../../db/upsert.ts';
import { normalizeText, slugify } from '../../lang/text.rules.ts';
import { refreshDerivedStatus } from '../../status/events.queries.ts';
import { refreshShowTitles } from '../show.titles.ts';
import type { StarterCatalogue } from './starter.load.ts';
import type { StarterShow } from './starter.schema.ts';

const EDITOR = 'starter-catalogue';

/** Writes the starter catalogue in one transaction; re-running it changes nothing and says so. */
export async function importStarterCatalogue(db: Db, catalogue: StarterCatalogue, now: Date): Promise<Tally> {
  const tally = new Tally();
  const stamp = now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    const platformIds = new Map<string, number>();
    for (const p of catalogue.platforms) {
      const { id } = await upsertRow(trx, 'platforms', { slug: p.slug }, { name: p.name, kind: p.kind, country: p.country }, { tally });
      platformIds.set(p.slug, id);
    }
    for (const show of catalogue.shows) await importShow(trx, show, platformIds, stamp, tally);
  });
  return tally;
}

async function importShow(trx: Kysely<Database>, show: StarterShow, platformIds: Map<string, number>, stamp: string, tally: Tally) {
  const before = tally.total('inserted') + tally.total('updated');
  const sourceIds = new Map<string, number>();
  for (const s of show.sources) {
    const key = s.url ? { url: s.url } : { url: null, outlet: s.outlet, title: s.title ?? null };
    const { id } = await upsertRow(
      trx,
      'sources',
      key,
      { outlet: s.outlet, title: s.title ?? null, published_on: s.published ?? null },
      { tally, onInsert: { created_at: stamp } },
    );
    if (s.url) sourceIds.set(s.url, id);
  }
  const cite = (url: string | null | undefined) => (url ? (sourceIds.get(url) ?? null) : null);

  // A show given a new slug since (nextseason show rename-slug) is found under it: its file keeps the first one.
  const renamed = await trx
    .selectFrom('show_slug_history as h')
    .innerJoin('shows as s', 's.id', 'h.show_id')
    .select('s.slug')
    .where('h.slug', '=', show.slug)
    .executeTakeFirst();
  const { id: showId } = await upsertRow(
    trx,
    'shows',
    { slug: renamed?.slug ?? show.slug },
    unsaidLeftAlone({
      title: show.title,
      original_title: show.originalTitle ?? null,
      type: show.type,
      origin_country: show.country,
      original_language: show.language,
      platform_id: platformIds.get(show.platform) ?? null,
      premiered: show.premiered?.date ?? show.seasons[0]?.premiere?.date ?? null,
      ended: show.ended?.date ?? null,
      synopsis: show.synopsis ?? null,
      basis: show.basis ?? null,
      official_site: show.officialSite ?? null,
      imdb_id: show.ids.imdb ?? null,
      tvmaze_id: show.ids.tvmaze ?? null,
      thetvdb_id: show.ids.thetvdb ?? null,
      netflix_id: show.ids.netflix ?? show.ids.netflixShowId ?? null,
      verified_on: show.verified,
    }),
    { tally, onInsert: { created_at: stamp, updated_at: stamp }, onUpdate: { updated_at: stamp } },
  );

  for (const alias of show.aliases) await ensureLink(trx, 'show_aliases', { show_id: showId, alias }, tally);
  await refreshShowTitles(trx, showId);
  for (const genre of show.genres) await ensureLink(trx, 'show_genres', { show_id: showId, genre }, tally);

  for (const s of show.seasons) {
    await upsertRow(
      trx,
      'seasons',
      { show_id: showId, number: s.number },
      {
        premiere_date: s.premiere?.date ?? null,
        premiere_precision: s.premiere?.precision ?? 'unknown',
        finale_date: s.finale?.date ?? null,
        finale_precision: s.finale?.precision ?? 'unknown',
        episode_count: s.episodes ?? null,
        episode_count_kind: s.episodes == null ? null : s.finale && s.premiere ? 'counted' : 'announced',
        release_style: s.release ?? null,
        source_id: cite(s.source),
      },
      { tally },
    );
  }

  for (const [order, c] of show.credits.entries()) {
    const { id: personId } = await upsertRow(
      trx,
      'people',
      { slug: slugify(c.name) },
      { name: c.name, search_name: normalizeText(c.name) },
      { tally },
    );
    await upsertRow(
      trx,
      'credits',
      { show_id: showId, person_id: personId, role: c.role, character: c.character ?? null },
      { billing_order: order, source_id: cite(c.source) },
      { tally },
    );
  }

  for (const r of show.ratings) {
    await upsertRow(
      trx,
      'ratings',
      { show_id: showId, source: r.source, season_number: r.season ?? null, as_of_date: r.asOf.date },
      { value: r.value, scale: 10, votes: r.votes ?? null, as_of_precision: r.asOf.precision, source_id: cite(r.cite) },
      { tally },
    );
  }

  for (const e of show.events) {
    await upsertRow(
      trx,
      'status_events',
      { show_id: showId, kind: e.kind, season_number: e.season ?? null, effective_date: e.date.date, entered_by: EDITOR },
      {
        effective_precision: e.date.precision,
        announced_date: e.announced?.date ?? null,
        announced_precision: e.announced?.precision ?? null,
        tier: e.tier,
        source_id: cite(e.source),
        quote: e.quote ?? null,
        notes: e.notes ?? null,
      },
      { tally, onInsert: { created_at: stamp } },
    );
  }

  if (tally.total('inserted') + tally.total('updated') > before) {
    await trx.updateTable('shows').set({ updated_at: stamp }).where('id', '=', showId).execute();
  }
  await refreshDerivedStatus(trx, showId, stamp.slice(0, 10));
}

/** Facts a starter file may leave out: an importer may have found them, and a refresh must not blank them. */
const UNSAID_LEFT_ALONE = ['original_title', 'synopsis', 'official_site', 'imdb_id', 'tvmaze_id', 'thetvdb_id', 'netflix_id'];

function unsaidLeftAlone(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([column, value]) => value !== null || !UNSAID_LEFT_ALONE.includes(column)));
}
