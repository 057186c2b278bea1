import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { loadShowView } from '../catalog/show.view.ts';
import { listQuery, queryObject, slugParam } from '../catalog/shows.params.ts';
import { getShowBySlug, listShows, type ShowRow } from '../catalog/shows.queries.ts';
import { isoDay, partialDateToString } from '../lang/dates.ts';
import { listShowEvents } from '../status/events.queries.ts';
import { invalidParameters, problem } from '../web/problem.ts';
import { safeHttpUrl } from '../web/urls.ts';

export function showApi({ db, siteUrl, now, forecasts }: AppDeps) {
  return {
    // GET /api/shows
    async list(c: Context) {
      const parsed = listQuery.safeParse(queryObject(c.req.url));
      if (!parsed.success) return invalidParameters(c, parsed.error);
      const { page, limit, ...filters } = parsed.data;
      const result = await listShows(db.kysely, db.engine, { ...filters, limit, offset: (page - 1) * limit });
      return c.json({
        total: result.total,
        page,
        limit,
        fuzzy: result.fuzzy ?? false,
        totalCapped: result.totalCapped ?? false,
        items: result.items.map((s) => showSummary(s, siteUrl)),
      });
    },

    // GET /api/shows/:slug
    async get(c: Context) {
      const slug = slugParam.safeParse(c.req.param('slug'));
      if (!slug.success) return invalidParameters(c, slug.error);
      const view = await loadShowView(db.kysely, forecasts, slug.data, now());
      if (!view) return problem(c, 404, 'Not found', `no show has the slug "${slug.data}"`);
      const { detail, status } = view;
      const pd = (d: { date: string; precision: string } | null) => (d ? partialDateToString(d as never) : null);
      return c.json({
        ...showSummary(detail.show, siteUrl),
        answer: {
          nextSeason: status.nextSeason,
          latestSeason: status.latestSeason,
          verdict: view.next.verdict,
          will: view.next.sentence,
          when: view.when,
          nextPremiere: pd(status.nextPremiere),
          nextIsFinal: status.nextIsFinal,
        },
        seasons: detail.seasons.map((s) => ({
          number: s.number,
          premiere: pd(s.premiere),
          finale: pd(s.finale),
          episodeCount: s.episodeCount,
          episodeCountKind: s.episodeCountKind,
          releaseStyle: s.releaseStyle,
        })),
        credits: detail.credits.map((cr) => ({ role: cr.role, name: cr.person.name, person: cr.person.slug, character: cr.character })),
        ratings: detail.ratings.map((r) => ({ ...r, asOf: pd(r.asOf) })),
        events: detail.events.map((e) => ({ ...e, effective: pd(e.effective), announced: pd(e.announced) })),
        similar: view.similar.map((s) => ({ slug: s.show.slug, title: s.show.title, reason: s.reason })),
      });
    },

    forecast: (c: Context) => forecastHandler(c, { db, forecasts, now }),

    // GET /api/shows/:slug/events
    async events(c: Context) {
      const slug = slugParam.safeParse(c.req.param('slug'));
      if (!slug.success) return invalidParameters(c, slug.error);
      const show = await getShowBySlug(db.kysely, slug.data);
      if (!show) return problem(c, 404, 'Not found', `no show has the slug "${slug.data}"`);
      const events = await listShowEvents(db.kysely, show.id);
      return c.json({
        slug: show.slug,
        status: show.status,
        items: events.map((e) => ({
          ...e,
          effective: partialDateToString(e.effective),
          announced: e.announced ? partialDateToString(e.announced) : null,
        })),
      });
    },
  };
}

// GET /api/shows/:slug/forecast
async function forecastHandler(c: Context, { db, forecasts, now }: Pick<AppDeps, 'db' | 'forecasts' | 'now'>) {
  const slug = slugParam.safeParse(c.req.param('slug'));
  if (!slug.success) return invalidParameters(c, slug.error);
  const view = await loadShowView(db.kysely, forecasts, slug.data, now());
  if (!view) return problem(c, 404, 'Not found', `no show has the slug "${slug.data}"`);
  const result = view.forecast;
  if (!result) {
    // The page's answer: a later season is out without a date, so there is nothing the model can say yet.
    const { status } = view;
    const empty = { pNext: null, pWithin365: null, pWithin730: null, quantiles: null, decisionClock: null, episodes: null, curve: [] };
    return c.json({
      slug: slug.data,
      asOf: isoDay(now()),
      latestSeason: status.latestSeason,
      nextSeason: status.nextSeason,
      basis: 'missing_date',
      ...empty,
      explanation: [view.forecastGap],
    });
  }
  const f = result.forecast;
  return c.json({
    slug: slug.data,
    asOf: f.asOf,
    latestSeason: f.latestSeason,
    nextSeason: f.nextSeason,
    basis: f.basis,
    pNext: f.pNext,
    pWithin365: f.pWithin365,
    pWithin730: f.pWithin730,
    quantiles: f.quantiles,
    decisionClock: result.clock,
    episodes: result.episodes,
    evidence: { cohort: result.cohort, claim: result.claim },
    explanation: result.explanation,
    curve: f.curve,
  });
}

function showSummary(s: ShowRow, siteUrl: string) {
  return {
    slug: s.slug,
    title: s.title,
    originalTitle: s.originalTitle,
    aliases: s.aliases,
    type: s.type,
    country: s.country,
    language: s.language,
    platform: s.platform,
    genres: s.genres,
    premiered: s.premiered,
    ended: s.ended,
    status: s.status,
    synopsis: s.synopsis,
    basis: s.basis,
    officialSite: safeHttpUrl(s.officialSite),
    externalIds: s.ids,
    verifiedOn: s.verifiedOn,
    updatedAt: s.updatedAt,
    url: `${siteUrl}/shows/${s.slug}`,
  };
}
