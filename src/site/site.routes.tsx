import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { premieresFrom } from '../catalog/calendar.queries.ts';
import { scoreboard } from '../catalog/scoreboard.ts';
import { listQuery, platformParam, queryObject } from '../catalog/shows.params.ts';
import { listGenres, listPlatforms, listShows } from '../catalog/shows.queries.ts';
import { RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { ServerErrorPage, UnavailablePage } from '../web/errors.pages.tsx';
import { errorLine } from '../web/fields.ts';
import { render } from '../web/render.tsx';
import { AboutPage } from './about.pages.tsx';
import { BrowsePage } from './browse.pages.tsx';
import { CalendarPage } from './calendar.pages.tsx';
import { ScoreboardPage } from './scoreboard.pages.tsx';
import { notFound } from './shows.routes.tsx';

// GET /about
export function aboutPage(c: Context) {
  return render(
    c,
    { title: 'About and data credits | Next Season', description: 'What Next Season is and where its data comes from.' },
    <AboutPage />,
  );
}

// GET /platforms/:platform
export function scoreboardPage({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>) {
  return async (c: Context) => {
    const platform = platformParam.safeParse(c.req.param('platform'));
    const board = platform.success ? await scoreboard(db.kysely, platform.data) : null;
    if (!board) return notFound(c);
    const meta = {
      title: `${board.platform.name} renewal scoreboard | Next Season`,
      description: `Which ${board.platform.name} shows are renewed, cancelled or waiting, and how long decisions take.`,
      canonical: `${siteUrl}/platforms/${board.platform.slug}`,
      feedsAt: `/platforms/${board.platform.slug}`,
    };
    return render(c, meta, <ScoreboardPage board={board} />);
  };
}

// GET /calendar?month=YYYY-MM
export function calendarPage({ db, siteUrl, now }: Pick<AppDeps, 'db' | 'siteUrl' | 'now'>) {
  return async (c: Context) => {
    const today = now().toISOString().slice(0, 10);
    const asked = c.req.query('month');
    // Years PostgreSQL's dates hold and a premiere could fall in ("0000-01" is no month to it).
    if (asked !== undefined && !/^(19|20)\d\d-(0[1-9]|1[0-2])$/.test(asked))
      return c.text('month must be YYYY-MM, from 1900-01 to 2099-12', 400);
    const month = asked ?? today.slice(0, 7);
    const from = `${[month, today.slice(0, 7)].sort()[0]}-01`; // the month asked for, or this month if earlier
    const meta = {
      title: 'Premiere calendar | Next Season',
      description: 'Upcoming season premieres, at the precision they are known.',
      canonical: `${siteUrl}/calendar`,
    };
    return render(c, meta, <CalendarPage month={month} items={await premieresFrom(db.kysely, from)} />);
  };
}

const BROWSE_PAGE = 30;

// GET /browse?platform=&status=&country=&genre=&year=&page=
export function browsePage({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>) {
  return async (c: Context) => {
    const raw = Object.fromEntries(Object.entries(queryObject(c.req.url)).filter(([, v]) => v !== ''));
    const parsed = listQuery.safeParse(raw);
    const { platform, status, country, genre, year, page } = parsed.success ? parsed.data : { page: 1 };
    const filters = parsed.success ? { platform, status, country, genre, year } : {};
    const [platforms, genres, result] = await Promise.all([
      listPlatforms(db.kysely),
      listGenres(db.kysely),
      listShows(db.kysely, db.engine, { ...filters, limit: BROWSE_PAGE, offset: (page - 1) * BROWSE_PAGE }),
    ]);
    const meta = {
      title: 'Browse shows | Next Season',
      description: 'Shows by platform, status, country, genre and premiere year.',
      canonical: `${siteUrl}/browse`,
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
        error={parsed.success ? undefined : errorLine(parsed.error)}
      />,
      { status: parsed.success ? 200 : 400 },
    );
  };
}

export function serverError(c: Context) {
  return render(c, { title: 'Error | Next Season', description: 'Something went wrong.', noindex: true }, <ServerErrorPage />, {
    status: 500,
  });
}

/** 503 while the database is out of reach; a comment's text comes back on the page. */
export function unavailable(c: Context, kept: string | null) {
  c.header('retry-after', String(RETRY_AFTER_SECONDS));
  c.header('cache-control', 'no-store');
  const meta = { title: 'Back in a moment | Next Season', description: 'The site cannot reach its database just now.', noindex: true };
  return render(c, meta, <UnavailablePage kept={kept} retryAfter={RETRY_AFTER_SECONDS} />, { status: 503 });
}
