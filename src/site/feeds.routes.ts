import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { platformParam, slugParam } from '../catalog/shows.params.ts';
import { findPlatform, findShowRef, showPagesChanged } from '../catalog/shows.queries.ts';
import { premieresCalendar, updatesFeed } from '../feeds/feeds.build.ts';
import { feedBody } from '../feeds/feeds.encode.ts';
import { datedPremieres, latestUpdates, type Scope, sequences } from '../feeds/feeds.queries.ts';

export const FEED_TYPES = {
  xml: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export type FeedFormat = keyof typeof FEED_TYPES;

export function feedRoutes({ db, siteUrl }: AppDeps) {
  const scopeOf = async (c: Context): Promise<{ scope: Scope; title: string; path: string } | null> => {
    const show = c.req.param('slug');
    const platform = c.req.param('platform');
    // A segment that cannot be a slug names nothing, and never reaches the database.
    if (show !== undefined && !slugParam.safeParse(show).success) return null;
    if (platform !== undefined && !platformParam.safeParse(platform).success) return null;
    if (show) {
      const row = await findShowRef(db.kysely, show);
      return row ? { scope: { show }, title: `${row.title}: updates | Next Season`, path: `/shows/${show}` } : null;
    }
    if (platform) {
      const row = await findPlatform(db.kysely, platform);
      return row
        ? { scope: { platform }, title: `${row.name}: renewals and premieres | Next Season`, path: `/platforms/${platform}` }
        : null;
    }
    return { scope: {}, title: 'Next Season: latest updates', path: '' };
  };

  return {
    // GET /feed.{xml,atom,json}, /shows/:slug/feed.{…}, /platforms/:platform/feed.{…}
    feed: (format: FeedFormat) => async (c: Context) => {
      const target = await scopeOf(c);
      if (!target) return c.notFound();
      const feed = updatesFeed({ siteUrl, title: target.title, path: target.path, updates: await latestUpdates(db.kysely, target.scope) });
      return c.body(feedBody(feed, format), 200, { 'content-type': FEED_TYPES[format] });
    },

    // GET /calendar.ics, /shows/:slug/calendar.ics, /platforms/:platform/calendar.ics
    async calendar(c: Context) {
      const target = await scopeOf(c);
      if (!target) return c.notFound();
      const premieres = await datedPremieres(db.kysely, target.scope);
      const body = premieresCalendar({
        siteUrl,
        name: target.title.replace(/updates( \| Next Season)?$/, 'premieres$1'), // the feed's own last word, never one in a title
        premieres,
        sequences: await sequences(db.kysely, premieres),
      });
      return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8' });
    },

    // GET /sitemap.xml
    async sitemap(c: Context) {
      const shows = await showPagesChanged(db.kysely);
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const urls = [
        `<url><loc>${esc(siteUrl)}/</loc></url>`,
        `<url><loc>${esc(siteUrl)}/about</loc></url>`,
        ...shows.map((s) => `<url><loc>${esc(`${siteUrl}/shows/${s.slug}`)}</loc><lastmod>${s.updated_at.slice(0, 10)}</lastmod></url>`),
      ];
      return c.body(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
        200,
        {
          'content-type': 'application/xml; charset=utf-8',
        },
      );
    },

    // GET /robots.txt
    robots(c: Context) {
      return c.text(`User-agent: *\nDisallow: /admin\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`);
    },
  };
}
