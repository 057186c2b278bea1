import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { openApiDocument } from './api/openapi.ts';
import { problem } from './api/problem.ts';
import type { AppDeps } from './app.types.ts';
import { showApi } from './catalog/shows.api.ts';
import { notFound, showPages } from './catalog/shows.routes.tsx';
import { type ForecastService, forecastService } from './forecast/forecast.service.ts';
import { aboutPage, serverError } from './site/site.routes.tsx';

/** The whole HTTP surface: one line per route. */
export function buildApp(options: Omit<AppDeps, 'forecasts'> & { forecasts?: ForecastService }): Hono {
  const deps: AppDeps = { ...options, forecasts: options.forecasts ?? forecastService(options.db) };
  const app = new Hono();
  const pages = showPages(deps);
  const api = showApi(deps);

  app.get('/', pages.home);
  app.get('/search', pages.search);
  app.get('/shows/:slug', pages.show);
  app.get('/about', aboutPage);
  app.get('/healthz', (c) => c.text('ok'));

  app.get('/api/shows', api.list);
  app.get('/api/shows/:slug', api.get);
  app.get('/api/shows/:slug/forecast', api.forecast);
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(deps.siteUrl)));

  app.notFound((c) => (c.req.path.startsWith('/api/') ? problem(c, 404, 'Not found', `no resource at ${c.req.path}`) : notFound(c)));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return c.req.path.startsWith('/api/') ? problem(c, error.status, 'Bad request', error.message) : c.text(error.message, error.status);
    }
    console.error(`${c.req.method} ${c.req.path}:`, error);
    return c.req.path.startsWith('/api/') ? problem(c, 500, 'Internal error', 'the request could not be completed') : serverError(c);
  });
  return app;
}
