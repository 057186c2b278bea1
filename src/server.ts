import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { followsApi } from './api/follows.api.ts';
import { healthz, readyz } from './api/health.api.ts';
import { apiNoRoute } from './api/methods.ts';
import { openApiDocument } from './api/openapi.ts';
import { showApi } from './api/shows.api.ts';
import type { AppDeps } from './app.types.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './db/unavailable.ts';
import { adminPages } from './desk/admin.routes.tsx';
import { type AdminEnv, ALL_ROLES, loadSession, requireRole } from './desk/auth.middleware.ts';
import { moderationPages } from './desk/moderation.routes.tsx';
import { newsPages } from './desk/news.routes.tsx';
import { userPages } from './desk/users.routes.tsx';
import { type ForecastService, forecastService } from './forecast/forecast.service.ts';
import { cardRoutes } from './site/card.routes.ts';
import { commentRoutes } from './site/comments.routes.tsx';
import { feedRoutes } from './site/feeds.routes.ts';
import { followRoutes } from './site/follows.routes.tsx';
import { movedSlugs } from './site/moved.routes.ts';
import { personPage } from './site/people.routes.tsx';
import { notFound, showPages } from './site/shows.routes.tsx';
import { aboutPage, browsePage, calendarPage, forecastsPage, scoreboardPage, serverError, unavailable } from './site/site.routes.tsx';
import { serveAsset } from './web/assets.ts';
import { DEFAULT_CACHE_BYTES, type PageCache, pageCache } from './web/page.cache.ts';
import { problem } from './web/problem.ts';
import { securityHeaders } from './web/security.headers.ts';

const MAX_BODY_BYTES = 64 * 1024;
// Browsers ask again each time (a 304 while nothing changed), so a reader sees their own comment at once;
// shared caches (nginx, a CDN) may keep a page for 30 s.
const PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=300';

type AppOptions = Omit<AppDeps, 'forecasts'> & { forecasts?: ForecastService };

/** The app behind node:http: a fresh cached page goes straight out, before Hono builds a Request for it. */
export function buildSite(options: AppOptions): { app: Hono<AdminEnv>; listener: RequestListener } {
  const caches: PageCache[] = [];
  const app = buildApp(options, caches);
  const slow = getRequestListener((request, env) => app.fetch(request, env));
  const listener: RequestListener = (req, res) => {
    try {
      for (const cache of caches) {
        const hit = cache.peek(req.method, req.url, req.headers);
        if (hit) {
          res.writeHead(hit.status, hit.headers);
          res.end(hit.body);
          return;
        }
      }
    } catch (error) {
      // Nothing thrown here may reach the process: the request goes the slow way, which answers every error.
      console.error(`${req.method} ${req.url}: page cache: ${(error as Error).message}`);
      if (res.headersSent) return void res.destroy();
    }
    return slow(req, res);
  };
  return { app, listener };
}

/** The whole HTTP surface: one line per route. */
export function buildApp(options: AppOptions, caches: PageCache[] = []): Hono<AdminEnv> {
  const deps: AppDeps = { ...options, forecasts: options.forecasts ?? forecastService(options.db) };
  const app = new Hono<AdminEnv>();
  const pages = showPages(deps);
  const api = showApi(deps);
  const admin = adminPages(deps);
  const news = newsPages(deps);
  const feeds = feedRoutes(deps);
  const desk = requireRole('admin', 'editor');
  const moderators = requireRole(...ALL_ROLES);
  const comments = commentRoutes(deps);
  const cards = cardRoutes(deps);
  const moderation = moderationPages(deps);
  const users = userPages(deps);
  const follows = followRoutes(deps);
  const followApi = followsApi(deps);
  // One budget for the two caches: pages take three quarters, API answers the rest.
  const cacheBytes = deps.cacheBytes ?? DEFAULT_CACHE_BYTES;
  const pagesCache = pageCache({
    db: deps.db,
    now: deps.now,
    maxBytes: Math.floor((cacheBytes * 3) / 4),
    cacheControl: PAGE_CACHE_CONTROL,
  });
  app.use('*', async (c, next) => {
    await next();
    // A missing page may appear at any moment (a show imported): shared caches keep the answer briefly.
    if (c.req.method === 'GET' && c.res.status === 404 && !c.res.headers.has('cache-control'))
      c.header('cache-control', 'public, max-age=60');
  });
  app.use('*', securityHeaders);
  // A 404 under a slug a show or person had before: 301 to the current one (only a miss asks).
  app.use('*', movedSlugs(deps));
  // One limit for every request body: no form of ours comes near it.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.req.path.startsWith('/api/')
          ? problem(c, 413, 'Content too large', `the request body is over ${MAX_BODY_BYTES} bytes`)
          : c.text('The form is too large.', 413),
    }),
  );
  const apiCache = pageCache({
    db: deps.db,
    now: deps.now,
    maxBytes: Math.floor(cacheBytes / 4),
    cacheControl: 'public, max-age=30, stale-while-revalidate=120',
  });
  caches.push(pagesCache, apiCache);
  for (const at of ['', '/es'])
    for (const path of [
      '/',
      '/search',
      '/shows/*',
      '/people/*',
      '/about/*', // and /about itself
      '/browse',
      '/calendar',
      '/feed.*',
      '/platforms/*',
      '/calendar.ics',
    ])
      app.use(path === '/' && at ? at : `${at}${path}`, pagesCache);
  for (const path of ['/sitemap.xml', '/sitemaps/*', '/robots.txt']) app.use(path, pagesCache);
  app.use('/api/*', apiCache);

  // Every public page in English at its path and in Spanish under /es: the handlers read the language from the path.
  for (const at of ['', '/es']) {
    app.get(at || '/', pages.home);
    app.get(`${at}/search`, pages.search);
    app.get(`${at}/shows/:slug`, pages.show);
    app.get(`${at}/shows/:slug/card.png`, cards.card);
    app.get(`${at}/about`, aboutPage);
    app.get(`${at}/about/forecasts`, forecastsPage);
    app.get(`${at}/platforms/:platform`, scoreboardPage(deps));
    app.get(`${at}/calendar`, calendarPage(deps));
    app.get(`${at}/browse`, browsePage(deps));
    app.get(`${at}/people/:slug`, personPage(deps));
    app.post(`${at}/shows/:slug/comments`, comments.post);
    app.post(`${at}/follows`, follows.follow);
    for (const format of ['xml', 'atom', 'json'] as const) {
      app.get(`${at}/feed.${format}`, feeds.feed(format));
      app.get(`${at}/shows/:slug/feed.${format}`, feeds.feed(format));
      app.get(`${at}/shows/:slug/comments/feed.${format}`, comments.feed(format));
      app.get(`${at}/platforms/:platform/feed.${format}`, feeds.feed(format));
    }
    app.get(`${at}/calendar.ics`, feeds.calendar);
    app.get(`${at}/shows/:slug/calendar.ics`, feeds.calendar);
    app.get(`${at}/platforms/:platform/calendar.ics`, feeds.calendar);
  }
  app.get('/healthz', healthz);
  app.get('/readyz', readyz(deps));
  app.get('/assets/:file', serveAsset);
  app.get('/comments/form-token', comments.formToken);
  app.post('/comments/:id/report', comments.report);
  app.get('/comments/subscriptions/confirm', comments.confirmForm);
  app.post('/comments/subscriptions/confirm', comments.confirm);
  app.get('/comments/subscriptions/unsubscribe', comments.unsubscribeForm);
  app.post('/comments/subscriptions/unsubscribe', comments.unsubscribe);
  app.get('/follows/confirm', follows.confirmForm);
  app.post('/follows/confirm', follows.confirm);
  app.get('/follows/manage', follows.manage);
  app.post('/follows/manage', follows.change);
  app.get('/follows/unsubscribe', follows.unsubscribeForm);
  app.post('/follows/unsubscribe', follows.unsubscribe);
  for (const format of ['xml', 'atom', 'json'] as const) app.get(`/follows/:key/feed.${format}`, follows.feed(format));
  app.get('/follows/:key/calendar.ics', follows.calendar);
  app.get('/sitemap.xml', feeds.sitemap);
  app.get('/sitemaps/:file', feeds.sitemapPart);
  app.get('/robots.txt', feeds.robots);

  app.get('/api/shows', api.list);
  app.get('/api/shows/:slug', api.get);
  app.get('/api/shows/:slug/forecast', api.forecast);
  app.get('/api/shows/:slug/events', api.events);
  app.get('/api/shows/:slug/comments', comments.api);
  app.post('/api/follows', followApi.create);
  app.get('/api/follows/me', followApi.me);
  app.post('/api/follows/me/ping', followApi.ping);
  app.post('/api/follows/me/enable', followApi.enable);
  app.delete('/api/follows/me', followApi.leave);
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(deps.siteUrl)));

  app.use('/admin/*', loadSession(deps));
  app.use('/admin', loadSession(deps));
  app.get('/admin/login', admin.loginForm);
  app.post('/admin/login', admin.login);
  app.post('/admin/logout', requireRole(...ALL_ROLES), admin.logout);
  app.get('/admin', requireRole(...ALL_ROLES), admin.desk);
  app.get('/admin/shows/:slug', desk, admin.show);
  app.post('/admin/shows/:slug/events', desk, admin.addEvent);
  app.post('/admin/shows/:slug/facts', desk, admin.editFacts);
  app.get('/admin/events/:id/edit', desk, admin.editEventForm);
  app.post('/admin/events/:id', desk, admin.editEvent);
  app.post('/admin/events/:id/retract', desk, admin.retract);
  app.get('/admin/audit', requireRole('admin'), admin.audit);
  app.get('/admin/users', requireRole('admin'), users.list);
  app.post('/admin/users', requireRole('admin'), users.add);
  app.post('/admin/users/:id/role', requireRole('admin'), users.role);
  app.post('/admin/users/:id/disable', requireRole('admin'), users.disable);
  app.post('/admin/users/:id/enable', requireRole('admin'), users.enable);
  app.get('/admin/queue', desk, news.queue);
  app.post('/admin/queue/:id/accept', desk, news.accept);
  app.post('/admin/queue/:id/reject', desk, news.reject);
  app.get('/admin/feeds', desk, news.feeds);
  app.get('/admin/comments', moderators, moderation.queue);
  app.post('/admin/comments/:id/:action{approve|hide|spam|delete|hold}', moderators, moderation.act);
  app.get('/admin/comments/:id/edit', moderators, moderation.editForm);
  app.post('/admin/comments/:id/edit', moderators, moderation.edit);
  app.get('/admin/bans', moderators, moderation.bans);
  app.post('/admin/bans', moderators, moderation.addBan);
  app.post('/admin/bans/:id/lift', moderators, moderation.liftBan);
  app.post('/admin/feeds', desk, news.addFeed);

  app.notFound((c) => (c.req.path.startsWith('/api/') ? apiNoRoute(app, c) : notFound(c)));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return c.req.path.startsWith('/api/') ? problem(c, error.status, 'Bad request', error.message) : c.text(error.message, error.status);
    }
    if (isDatabaseUnavailable(error)) {
      // One line, no stack: an outage is expected to pass, and the log must stay readable while it lasts.
      console.error(
        `${c.req.method} ${loggedPath(c.req.path)}: database unavailable: ${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`,
      );
      c.header('retry-after', String(RETRY_AFTER_SECONDS));
      if (c.req.path.startsWith('/api/'))
        return problem(c, 503, 'Service unavailable', 'the database cannot be reached; try again shortly');
      if ((c.req.header('accept') ?? '').includes('application/json'))
        return c.json(
          { ok: false, message: 'The site cannot reach its database just now. Your text is still in the form: send it again in a moment.' },
          503,
        );
      return keptComment(c).then((kept) => unavailable(c, kept));
    }
    // The stack only: a database error's detail can quote the row, and a comment row holds an email address.
    console.error(`${c.req.method} ${loggedPath(c.req.path)}: ${error.stack ?? error.message}`);
    return c.req.path.startsWith('/api/') ? problem(c, 500, 'Internal error', 'the request could not be completed') : serverError(c);
  });
  return app;
}

/** A path fit for the log: a follower's private feed key is theirs alone. */
const loggedPath = (path: string) => path.replace(/^\/follows\/[^/]+\//, '/follows/…/');

/** The text of a comment post the database could not take, to hand back to its writer. */
async function keptComment(c: Context): Promise<string | null> {
  if (c.req.method !== 'POST' || !/^\/shows\/[^/]+\/comments$/.test(c.req.path)) return null;
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return typeof body.body === 'string' ? body.body : null;
}
