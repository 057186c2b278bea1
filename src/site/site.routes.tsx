import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { premieres, seasonsPerDay } from '../catalog/calendar.queries.ts';
import { scoreboard } from '../catalog/scoreboard.ts';
import { calendarQuery, listQuery, nonEmpty, platformParam, queryObject } from '../catalog/shows.params.ts';
import { listGenres, listPlatforms, listShows } from '../catalog/shows.queries.ts';
import { RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { forecastQuality } from '../forecast/quality.ts';
import { partialDateEnd } from '../lang/dates.ts';
import { ServerErrorPage, UnavailablePage } from '../web/errors.pages.tsx';
import { fieldErrors } from '../web/fields.ts';
import { type Speaker, speakerFor } from '../web/lang.context.ts';
import { render } from '../web/render.tsx';
import { pathWithQuery } from '../web/urls.ts';
import { AboutPage } from './about.pages.tsx';
import { BrowsePage } from './browse.pages.tsx';
import { CalendarPage } from './calendar.pages.tsx';
import { ForecastsPage, reliabilityChart } from './forecasts.pages.tsx';
import { ScoreboardPage } from './scoreboard.pages.tsx';
import { notFound } from './shows.routes.tsx';

/** A filter form's problems in the page's language, one per field, on one line: "kind: must be one of …". */
function problemLine(s: Speaker, key: 'browse.invalid' | 'calendar.invalid', error: Parameters<typeof fieldErrors>[0]): string {
  return [...new Set(fieldErrors(error).map((e) => s.t(key, { field: e.field, message: e.message })))].join('; ');
}

// GET /about
export function aboutPage(c: Context) {
  const { t } = speakerFor(c);
  return render(c, { title: t('about.metaTitle'), description: t('about.metaDescription') }, <AboutPage />);
}

// GET /about/forecasts
export function forecastsPage(c: Context) {
  const s = speakerFor(c);
  const quality = forecastQuality();
  const charts = quality.map((q) => reliabilityChart(q, s));
  return render(
    c,
    { title: s.t('forecasts.metaTitle'), description: s.t('forecasts.metaDescription') },
    <ForecastsPage quality={quality} charts={charts} />,
  );
}

// GET /platforms/:platform
export function scoreboardPage({ db, siteUrl, mail }: Pick<AppDeps, 'db' | 'siteUrl' | 'mail'>) {
  return async (c: Context) => {
    const platform = platformParam.safeParse(c.req.param('platform'));
    const board = platform.success ? await scoreboard(db.kysely, platform.data) : null;
    if (!board) return notFound(c);
    const { t } = speakerFor(c);
    const meta = {
      title: t('scoreboard.metaTitle', { platform: board.platform.name }),
      description: t('scoreboard.metaDescription', { platform: board.platform.name }),
      canonical: `${siteUrl}/platforms/${board.platform.slug}`,
      feedsAt: `/platforms/${board.platform.slug}`,
    };
    return render(c, meta, <ScoreboardPage board={board} followable={Boolean(mail)} />);
  };
}

const MONTH_ROWS = 3_000;
const LATER_ROWS = 50;

// GET /calendar?month=YYYY-MM&day=YYYY-MM-DD&platform=&country=&kind=
export function calendarPage({ db, siteUrl, now }: Pick<AppDeps, 'db' | 'siteUrl' | 'now'>) {
  return async (c: Context) => {
    const parsed = calendarQuery.safeParse(nonEmpty(queryObject(c.req.url)));
    const asked = parsed.success ? parsed.data : {};
    const month = asked.day?.slice(0, 7) ?? asked.month ?? now().toISOString().slice(0, 7);
    const filter = { platform: asked.platform, country: asked.country, kind: asked.kind };
    const from = `${month}-01`;
    const to = partialDateEnd({ date: from, precision: 'month' });
    const [platforms, items, perDay, dayItems, later] = await Promise.all([
      listPlatforms(db.kysely),
      premieres(db.kysely, { from, to, precisions: ['day', 'month'], filter, limit: MONTH_ROWS + 1 }),
      seasonsPerDay(db.kysely, { from, to, filter }),
      asked.day ? premieres(db.kysely, { from: asked.day, to: asked.day, precisions: ['day'], filter, limit: MONTH_ROWS }) : null,
      // A quarter or year already begun still lies ahead in part: from the year's start, kept if it ends in or after the month.
      premieres(db.kysely, { from: `${month.slice(0, 4)}-01-01`, precisions: ['quarter', 'year'], filter, limit: LATER_ROWS }).then((l) =>
        l.filter((i) => partialDateEnd(i.premiere) >= from),
      ),
    ]);
    const s = speakerFor(c);
    const meta = {
      title: s.t('calendar.metaTitle', { month: s.date({ date: from, precision: 'month' }) }),
      description: s.t('calendar.metaDescription'),
      // Each month and filter is a page of its own (the sitemap lists them), so each is its own canonical.
      canonical: `${siteUrl}${pathWithQuery('/calendar', parsed.success ? { month: asked.month, day: asked.day, ...filter } : {})}`,
    };
    const view = {
      month,
      day: asked.day,
      filter,
      platforms,
      later,
      items: items.slice(0, MONTH_ROWS),
      perDay,
      dayItems,
      truncated: items.length > MONTH_ROWS,
    };
    const error = parsed.success ? undefined : problemLine(s, 'calendar.invalid', parsed.error);
    return render(c, meta, <CalendarPage {...view} error={error} />, { status: parsed.success ? 200 : 400 });
  };
}

const BROWSE_PAGE = 30;

// GET /browse?platform=&status=&country=&genre=&year=&page=
export function browsePage({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>) {
  return async (c: Context) => {
    const parsed = listQuery.safeParse(nonEmpty(queryObject(c.req.url)));
    const { platform, status, country, genre, year, page } = parsed.success ? parsed.data : { page: 1 };
    const filters = parsed.success ? { platform, status, country, genre, year } : {};
    const [platforms, genres, result] = await Promise.all([
      listPlatforms(db.kysely),
      listGenres(db.kysely),
      listShows(db.kysely, db.engine, { ...filters, limit: BROWSE_PAGE, offset: (page - 1) * BROWSE_PAGE }),
    ]);
    const s = speakerFor(c);
    const meta = {
      title: s.t('browse.metaTitle'),
      description: s.t('browse.metaDescription'),
      canonical: `${siteUrl}${pathWithQuery('/browse', parsed.success ? { ...filters, page: page > 1 ? page : undefined } : {})}`,
    };
    return render(
      c,
      meta,
      <BrowsePage
        filters={filters}
        result={result}
        page={page}
        pageSize={BROWSE_PAGE}
        platforms={platforms}
        genres={genres}
        error={parsed.success ? undefined : problemLine(s, 'browse.invalid', parsed.error)}
      />,
      { status: parsed.success ? 200 : 400 },
    );
  };
}

export function serverError(c: Context) {
  const { t } = speakerFor(c);
  const meta = { title: t('error.meta.serverTitle'), description: t('error.meta.serverDescription'), noindex: true };
  return render(c, meta, <ServerErrorPage />, { status: 500 });
}

/** 503 while the database is out of reach; a comment's text comes back on the page. */
export function unavailable(c: Context, kept: string | null) {
  c.header('retry-after', String(RETRY_AFTER_SECONDS));
  c.header('cache-control', 'no-store');
  const { t } = speakerFor(c);
  const meta = { title: t('error.meta.unavailableTitle'), description: t('error.meta.unavailableDescription'), noindex: true };
  return render(c, meta, <UnavailablePage kept={kept} retryAfter={RETRY_AFTER_SECONDS} />, { status: 503 });
}
