import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { listQuery, platformParam, queryObject } from '../catalog/shows.params.ts';
import { listPlatforms, listShows } from '../catalog/shows.queries.ts';
import { RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { ServerErrorPage, UnavailablePage } from '../web/errors.pages.tsx';
import { Layout } from '../web/layout.tsx';
import { AboutPage } from './about.pages.tsx';
import { BrowsePage } from './browse.pages.tsx';
import { CalendarPage } from './calendar.pages.tsx';
import { ScoreboardPage } from './scoreboard.pages.tsx';
import { scoreboard } from './scoreboard.ts';
import { notFound } from './shows.routes.tsx';

// GET /about
export function aboutPage(c: Context) {
  return c.html(
    `<!doctype html>${(
      <Layout meta={{ title: 'About and data credits | Next Season', description: 'What Next Season is and where its data comes from.' }}>
        <AboutPage />
      </Layout>
    )}`,
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
    return c.html(
      `<!doctype html>${(
        <Layout meta={meta}>
          <ScoreboardPage board={board} />
        </Layout>
      )}`,
    );
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
    const [seasons, announced] = await Promise.all([
      db.kysely
        .selectFrom('seasons as se')
        .innerJoin('shows as s', 's.id', 'se.show_id')
        .leftJoin('platforms as p', 'p.id', 's.platform_id')
        .select(['s.slug', 's.title', 'p.name as platform', 'se.number', 'se.premiere_date', 'se.premiere_precision'])
        .where('se.premiere_precision', '!=', 'unknown')
        .where('se.premiere_date', '>=', from)
        .limit(500)
        .execute(),
      // Dates announced for a season the catalogue has no row for yet.
      db.kysely
        .selectFrom('status_events as e')
        .innerJoin('shows as s', 's.id', 'e.show_id')
        .leftJoin('platforms as p', 'p.id', 's.platform_id')
        .select([
          's.slug',
          's.title',
          'p.name as platform',
          'e.season_number as number',
          'e.announced_date as premiere_date',
          'e.announced_precision as premiere_precision',
        ])
        .where('e.kind', 'in', ['date_announced', 'date_changed'])
        .where('e.retracted_at', 'is', null)
        .where('e.tier', '!=', 'rumour')
        .where('e.announced_date', '>=', from)
        .orderBy('e.effective_date')
        .limit(500)
        .execute(),
    ]);
    const bySeason = new Map<string, (typeof seasons)[number]>();
    for (const r of announced) bySeason.set(`${r.slug}:${r.number}`, r as (typeof seasons)[number]); // the latest announcement wins
    for (const r of seasons) bySeason.set(`${r.slug}:${r.number}`, r);
    const items = [...bySeason.values()]
      .map((r) => ({
        slug: r.slug,
        title: r.title,
        platform: r.platform,
        season: r.number ?? 0,
        premiere: { date: r.premiere_date as string, precision: r.premiere_precision ?? 'day' },
      }))
      .sort((a, b) => a.premiere.date.localeCompare(b.premiere.date));
    const meta = {
      title: 'Premiere calendar | Next Season',
      description: 'Upcoming season premieres, at the precision they are known.',
      canonical: `${siteUrl}/calendar`,
    };
    return c.html(
      `<!doctype html>${(
        <Layout meta={meta}>
          <CalendarPage month={month} items={items} />
        </Layout>
      )}`,
    );
  };
}

const BROWSE_PAGE = 30;

// GET /browse?platform=&status=&country=&genre=&year=&page=
export function browsePage({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>) {
  return async (c: Context) => {
    const raw = Object.fromEntries(Object.entries(queryObject(c.req.url)).filter(([, v]) => v !== ''));
    const parsed = listQuery.safeParse(raw);
    const [platforms, genres] = await Promise.all([
      listPlatforms(db.kysely),
      db.kysely.selectFrom('show_genres').select('genre').distinct().orderBy('genre').execute(),
    ]);
    const filters = parsed.success
      ? {
          platform: parsed.data.platform,
          status: parsed.data.status,
          country: parsed.data.country,
          genre: parsed.data.genre,
          year: parsed.data.year,
        }
      : {};
    const page = parsed.success ? parsed.data.page : 1;
    const result = await listShows(db.kysely, db.engine, { ...filters, limit: BROWSE_PAGE, offset: (page - 1) * BROWSE_PAGE });
    const error = parsed.success ? undefined : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    const meta = {
      title: 'Browse shows | Next Season',
      description: 'Shows by platform, status, country, genre and premiere year.',
      canonical: `${siteUrl}/browse`,
    };
    return c.html(
      `<!doctype html>${(
        <Layout meta={meta}>
          <BrowsePage
            filters={filters}
            result={result}
            page={page}
            pageSize={BROWSE_PAGE}
            platforms={platforms}
            genres={genres.map((g) => g.genre)}
            error={error}
          />
        </Layout>
      )}`,
      parsed.success ? 200 : 400,
    );
  };
}

export function serverError(c: Context) {
  return c.html(
    `<!doctype html>${(
      <Layout meta={{ title: 'Error | Next Season', description: 'Something went wrong.', noindex: true }}>
        <ServerErrorPage />
      </Layout>
    )}`,
    500,
  );
}

/** 503 while the database is out of reach; a comment's text comes back on the page. */
export function unavailable(c: Context, kept: string | null) {
  c.header('retry-after', String(RETRY_AFTER_SECONDS));
  c.header('cache-control', 'no-store');
  return c.html(
    `<!doctype html>${(
      <Layout
        meta={{ title: 'Back in a moment | Next Season', description: 'The site cannot reach its database just now.', noindex: true }}
      >
        <UnavailablePage kept={kept} retryAfter={RETRY_AFTER_SECONDS} />
      </Layout>
    )}`,
    503,
  );
}
