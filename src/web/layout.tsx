import type { Child } from 'hono/jsx';
import { STYLESHEET } from './assets.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  canonical?: string;
  /** OpenGraph type: website, video.tv_show … */
  ogType?: string;
  /** One schema.org object, or several (each in its own script). */
  jsonLd?: unknown;
  noindex?: boolean;
  /** Feeds of this page's updates, for autodiscovery: the path without its extension ("/shows/somos"). */
  feedsAt?: string;
}

/** JSON for a <script> element: "</script>" and friends cannot end it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function Layout({ meta, query, children }: { meta: PageMeta; query?: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
        <meta property="og:site_name" content="Next Season" />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        {meta.canonical ? <meta property="og:url" content={meta.canonical} /> : null}
        {meta.feedsAt !== undefined ? (
          <>
            <link rel="alternate" type="application/rss+xml" title={`${meta.title} (RSS)`} href={`${meta.feedsAt}/feed.xml`} />
            <link rel="alternate" type="application/atom+xml" title={`${meta.title} (Atom)`} href={`${meta.feedsAt}/feed.atom`} />
            <link rel="alternate" type="application/feed+json" title={`${meta.title} (JSON Feed)`} href={`${meta.feedsAt}/feed.json`} />
          </>
        ) : null}
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        <link rel="stylesheet" href={STYLESHEET.url} />
        {(Array.isArray(meta.jsonLd) ? meta.jsonLd : meta.jsonLd ? [meta.jsonLd] : []).map((ld) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(ld) }} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href="/">
            Next Season
          </a>
          <nav aria-label="Site" class="sitenav">
            <a href="/browse">Browse</a> · <a href="/calendar">Calendar</a> · <a href="/platforms/netflix">Netflix scoreboard</a>
          </nav>
          <form class="search" action="/search" method="get" aria-label="Search shows">
            <label for="q" class="visually-hidden">
              Search shows
            </label>
            <input id="q" name="q" type="search" placeholder="Search shows" value={query ?? ''} maxlength={200} />
            <button type="submit">Search</button>
          </form>
        </header>
        <main id="main">{children}</main>
        <footer class="bottom">
          <p>
            Next Season answers “will there be another season, and when?” from sourced facts. Catalogue data from our editors, with data
            from <a href="https://www.tvmaze.com/">TVmaze</a> (CC BY-SA 4.0), The Economist (CC BY 4.0) and IMDb.{' '}
            <a href="/about">About and data credits</a>.
          </p>
        </footer>
      </body>
    </html>
  );
}
