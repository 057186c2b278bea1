import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { countPeoplePages, peoplePages } from '../catalog/people.queries.ts';
import { platformParam, slugParam } from '../catalog/shows.params.ts';
import { findPlatform, findShowRef, listPlatforms, showPagesChanged, showPagesSummary } from '../catalog/shows.queries.ts';
import { premieresCalendar, updatesFeed } from '../feeds/feeds.build.ts';
import { feedBody } from '../feeds/feeds.encode.ts';
import { datedPremieres, entryVersions, latestUpdates, type Scope } from '../feeds/feeds.queries.ts';
import { shiftMonth } from '../lang/dates.ts';
import { LANGS, langOfPath, localPath, t } from '../lang/i18n.ts';

export const FEED_TYPES = {
  xml: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export type FeedFormat = keyof typeof FEED_TYPES;

/** Pages per sitemap file, each listed in both languages: 20,000 URLs, well under the protocol's 50,000 and 50 MB. */
const SITEMAP_URLS = 10_000;
/** Calendar months ahead listed in the sitemap. */
const CALENDAR_MONTHS = 6;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const slices = (count: number) => Array.from({ length: Math.ceil(count / SITEMAP_URLS) }, (_, i) => i + 1);
const lastmod = (lastChange?: string | null) => (lastChange ? `<lastmod>${lastChange.slice(0, 10)}</lastmod>` : '');
const sitemapEntry = (tag: 'url' | 'sitemap', loc: string, lastChange?: string | null) =>
  `<${tag}><loc>${esc(loc)}</loc>${lastmod(lastChange)}</${tag}>`;
/** A page in every language, each entry naming all its versions (hreflang alternates, x-default English). */
const pageEntries = (siteUrl: string, path: string, lastChange?: string | null) => {
  const at = (lang: (typeof LANGS)[number]) => `${siteUrl}${localPath(lang, path)}`;
  const links = [
    ...LANGS.map((lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${esc(at(lang))}"/>`),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${esc(at('en'))}"/>`,
  ].join('');
  return LANGS.map((lang) => `<url><loc>${esc(at(lang))}</loc>${lastmod(lastChange)}${links}</url>`).join('\n');
};
const sitemapXml = (root: 'urlset' | 'sitemapindex', entries: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${root === 'urlset' ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : ''}>\n${entries.join('\n')}\n</${root}>\n`;
const xml = (c: Context, body: string) => c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8' });

export function feedRoutes({ db, siteUrl, now }: AppDeps) {
  const scopeOf = async (c: Context): Promise<{ scope: Scope; title: string; calendar: string; path: string } | null> => {
    const lang = langOfPath(c.req.path);
    const show = c.req.param('slug');
    const platform = c.req.param('platform');
    // A segment that cannot be a slug names nothing, and never reaches the database.
    if (show !== undefined && !slugParam.safeParse(show).success) return null;
    if (platform !== undefined && !platformParam.safeParse(platform).success) return null;
    if (show) {
      const row = await findShowRef(db.kysely, show);
      if (!row) return null;
      const values = { kind: 'show', name: row.title };
      return { scope: { show }, title: t(lang, 'feed.title', values), calendar: t(lang, 'calendar.name', values), path: `/shows/${show}` };
    }
    if (platform) {
      const row = await findPlatform(db.kysely, platform);
      if (!row) return null;
      const values = { kind: 'platform', name: row.name };
      return {
        scope: { platform },
        title: t(lang, 'feed.title', values),
        calendar: t(lang, 'calendar.name', values),
        path: `/platforms/${platform}`,
      };
    }
    const values = { kind: 'all', name: '' };
    return { scope: {}, title: t(lang, 'feed.title', values), calendar: t(lang, 'calendar.name', values), path: '' };
  };

  return {
    // GET /feed.{xml,atom,json}, /shows/:slug/feed.{…}, /platforms/:platform/feed.{…}
    feed: (format: FeedFormat) => async (c: Context) => {
      const target = await scopeOf(c);
      if (!target) return c.notFound();
      const updates = await latestUpdates(db.kysely, target.scope);
      const feed = updatesFeed({ siteUrl, title: target.title, path: target.path, updates, lang: langOfPath(c.req.path) });
      return c.body(feedBody(feed, format), 200, { 'content-type': FEED_TYPES[format] });
    },

    // GET /calendar.ics, /shows/:slug/calendar.ics, /platforms/:platform/calendar.ics
    async calendar(c: Context) {
      const target = await scopeOf(c);
      if (!target) return c.notFound();
      const premieres = await datedPremieres(db.kysely, target.scope);
      const body = premieresCalendar({
        siteUrl,
        name: target.calendar,
        premieres,
        versions: await entryVersions(db.kysely, premieres),
        lang: langOfPath(c.req.path),
      });
      return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8' });
    },

    // GET /sitemap.xml: an index of the sitemaps below, each within the protocol's 50,000 URLs
    async sitemap(c: Context) {
      const [shows, people] = await Promise.all([showPagesSummary(db.kysely), countPeoplePages(db.kysely)]);
      const parts = [
        sitemapEntry('sitemap', `${siteUrl}/sitemaps/pages.xml`),
        ...slices(shows.count).map((n) => sitemapEntry('sitemap', `${siteUrl}/sitemaps/shows-${n}.xml`, shows.lastChange)),
        ...slices(people).map((n) => sitemapEntry('sitemap', `${siteUrl}/sitemaps/people-${n}.xml`)),
      ];
      return xml(c, sitemapXml('sitemapindex', parts));
    },

    // GET /sitemaps/pages.xml, /sitemaps/shows-N.xml, /sitemaps/people-N.xml
    async sitemapPart(c: Context) {
      const m = /^(?:(pages)|(shows|people)-([1-9]\d{0,4}))\.xml$/.exec(c.req.param('file') ?? '');
      if (!m) return c.notFound();
      if (m[1]) {
        const platforms = await listPlatforms(db.kysely);
        const month = now().toISOString().slice(0, 7);
        const paths = [
          '/',
          '/about',
          '/about/forecasts',
          '/browse',
          '/calendar',
          ...Array.from({ length: CALENDAR_MONTHS }, (_, i) => `/calendar?month=${shiftMonth(month, i + 1)}`),
          ...platforms.flatMap((p) => [`/platforms/${p.slug}`, `/browse?platform=${p.slug}`, `/calendar?platform=${p.slug}`]),
        ];
        return xml(
          c,
          sitemapXml(
            'urlset',
            paths.map((p) => pageEntries(siteUrl, p)),
          ),
        );
      }
      const offset = (Number(m[3]) - 1) * SITEMAP_URLS;
      const entries =
        m[2] === 'shows'
          ? (await showPagesChanged(db.kysely, offset, SITEMAP_URLS)).map((s) => pageEntries(siteUrl, `/shows/${s.slug}`, s.updated_at))
          : (await peoplePages(db.kysely, offset, SITEMAP_URLS)).map((slug) => pageEntries(siteUrl, `/people/${slug}`));
      if (entries.length === 0) return c.notFound();
      return xml(c, sitemapXml('urlset', entries));
    },

    // GET /robots.txt
    robots(c: Context) {
      return c.text(`User-agent: *\nDisallow: /admin\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`);
    },
  };
}
