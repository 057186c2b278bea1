import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { slugParam } from '../catalog/shows.params.ts';
import { movedPersonSlug, movedShowSlug } from '../catalog/slugs.queries.ts';

// GET /shows/:old…, /people/:old…, under any one prefix (/api, /es): a slug a show or person had before
// answers 301 to the same URL under the current one, query string kept. Asked only once nothing was found
// (a 404), so a page that exists costs nothing more; the history is only read.

/** A prefix of one segment, the kind, the slug, and the rest of the path. */
const UNDER_SLUG = /^((?:\/[a-z]{2,5})?)\/(shows|people)\/([^/]+)(\/.*)?$/;
/** Browsers keep a 301 for good unless told otherwise; a slug given back later must not loop. */
const MOVED_CACHE_CONTROL = 'public, max-age=3600';

export function movedSlugs({ db }: Pick<AppDeps, 'db'>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status !== 404 || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return;
    const url = new URL(c.req.url);
    const match = UNDER_SLUG.exec(url.pathname);
    if (!match) return;
    const [, prefix, kind, slug, rest = ''] = match as unknown as [string, string, 'shows' | 'people', string, string?];
    if (!slugParam.safeParse(slug).success) return;
    const current = kind === 'shows' ? await movedShowSlug(db.kysely, slug) : await movedPersonSlug(db.kysely, slug);
    if (!current) return;
    c.res = undefined; // a new answer, not the 404's headers on it
    c.res = new Response(null, {
      status: 301,
      headers: { location: `${prefix}/${kind}/${current}${rest}${url.search}`, 'cache-control': MOVED_CACHE_CONTROL },
    });
  };
}
