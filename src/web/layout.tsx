import type { Child } from 'hono/jsx';
import { basePath, HTML_LANG, LANGS, type Lang, localPath } from '../lang/i18n.ts';
import { STYLESHEET } from './assets.ts';
import { useLang } from './lang.context.ts';

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
  image?: PageImage;
}

/** JSON for a <script> element: "</script>" and friends cannot end it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** A page's share card: an image of its answer, for links shared elsewhere. */
export interface PageImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

const OG_LOCALE: Record<Lang, string> = { en: 'en_GB', es: 'es_ES' };

/** The page's URL in each language, from its canonical URL: English at the root, Spanish under /es. */
function alternates(canonical: string): Record<Lang, string> {
  const url = new URL(canonical);
  const path = basePath(url.pathname);
  return { en: `${url.origin}${path}${url.search}`, es: `${url.origin}${localPath('es', path)}${url.search}` };
}

export function Layout({ meta, query, here, children }: { meta: PageMeta; query?: string; here: string; children: Child }) {
  const { lang, t, rich, href } = useLang();
  const other: Lang = lang === 'en' ? 'es' : 'en';
  const urls = meta.canonical ? alternates(meta.canonical) : null;
  const [herePath, hereQuery] = here.split(/\?(.*)/s) as [string, string | undefined];
  const switchTo = `${localPath(other, basePath(herePath))}${hereQuery ? `?${hereQuery}` : ''}`;
  // The desk and a follower's or commenter's own pages speak English only: no other language to switch to.
  const translated = !/^\/(admin|follows|comments)(\/|$)/.test(herePath);
  return (
    <html lang={HTML_LANG[lang]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{meta.title}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        {urls ? (
          <>
            <link rel="canonical" href={urls[lang]} />
            {LANGS.map((l) => (
              <link rel="alternate" hreflang={HTML_LANG[l]} href={urls[l]} />
            ))}
            <link rel="alternate" hreflang="x-default" href={urls.en} />
          </>
        ) : null}
        <meta property="og:site_name" content="Next Season" />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:locale" content={OG_LOCALE[lang]} />
        <meta property="og:locale:alternate" content={OG_LOCALE[other]} />
        {urls ? <meta property="og:url" content={urls[lang]} /> : null}
        {meta.image ? (
          <>
            <meta property="og:image" content={meta.image.url} />
            <meta property="og:image:type" content="image/png" />
            <meta property="og:image:width" content={String(meta.image.width)} />
            <meta property="og:image:height" content={String(meta.image.height)} />
            <meta property="og:image:alt" content={meta.image.alt} />
            <meta name="twitter:image" content={meta.image.url} />
            <meta name="twitter:image:alt" content={meta.image.alt} />
          </>
        ) : null}
        {meta.feedsAt !== undefined ? (
          <>
            <link rel="alternate" type="application/rss+xml" title={`${meta.title} (RSS)`} href={href(`${meta.feedsAt}/feed.xml`)} />
            <link rel="alternate" type="application/atom+xml" title={`${meta.title} (Atom)`} href={href(`${meta.feedsAt}/feed.atom`)} />
            <link
              rel="alternate"
              type="application/feed+json"
              title={`${meta.title} (JSON Feed)`}
              href={href(`${meta.feedsAt}/feed.json`)}
            />
          </>
        ) : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        <link rel="stylesheet" href={STYLESHEET.url} />
        {(Array.isArray(meta.jsonLd) ? meta.jsonLd : meta.jsonLd ? [meta.jsonLd] : []).map((ld) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(ld) }} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="top">
          <a class="brand" href={href('/')}>
            Next Season
          </a>
          <nav aria-label={t('layout.nav')} class="sitenav">
            <a href={href('/browse')}>{t('layout.browse')}</a>
            <a href={href('/calendar')}>{t('layout.calendar')}</a>
            <a href={href('/platforms/netflix')}>{t('layout.scoreboard')}</a>
            {translated ? (
              <a href={switchTo} hreflang={HTML_LANG[other]} lang={HTML_LANG[other]} class="lang-switch">
                {t('layout.otherLanguage')}
              </a>
            ) : null}
          </nav>
          <form class="search" action={href('/search')} method="get" aria-label={t('layout.searchShows')}>
            <label for="q" class="visually-hidden">
              {t('layout.searchShows')}
            </label>
            <input id="q" name="q" type="search" placeholder={t('layout.searchShows')} value={query ?? ''} maxlength={200} />
            <button type="submit">{t('layout.search')}</button>
          </form>
        </header>
        <main id="main">{children}</main>
        <footer class="bottom">
          <p>
            {rich('layout.footer', {
              tvmaze: (text) => <a href="https://www.tvmaze.com/">{text}</a>,
              about: (text) => <a href={href('/about')}>{text}</a>,
            })}
          </p>
        </footer>
      </body>
    </html>
  );
}
