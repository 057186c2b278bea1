import { partialDateToString } from '../lang/dates.ts';
import { HTML_LANG, type Lang, localPath, t } from '../lang/i18n.ts';
import { countryName } from '../lang/words.rules.ts';

/** A share card's size: the 1.91:1 that link previews show whole. */
export const CARD = { width: 1200, height: 630 };

import type { ShowDetail } from './shows.queries.ts';

const PERSON_ROLES: Record<string, string> = {
  creator: 'creator',
  director: 'director',
  cast: 'actor',
  composer: 'musicBy',
  producer: 'producer',
};

/** schema.org TVSeries with its seasons and people, for search engines. */
export function showJsonLd(
  detail: ShowDetail,
  url: string,
  siteUrl: string,
  commentCount?: number,
  lang: Lang = 'en',
): Record<string, unknown> {
  const { show, seasons, credits, ratings } = detail;
  const page = `${siteUrl}${localPath(lang, `/shows/${show.slug}`)}`;
  const people: Record<string, unknown[]> = {};
  for (const c of credits) {
    const prop = PERSON_ROLES[c.role];
    if (!prop) continue;
    const person = { '@type': 'Person', name: c.person.name };
    const entry = c.role === 'cast' && c.character ? { '@type': 'PerformanceRole', actor: person, characterName: c.character } : person;
    people[prop] = [...(people[prop] ?? []), entry];
  }
  const imdb = ratings.find((r) => r.source === 'imdb' && r.season === null);
  const episodes = seasons.reduce((n, s) => n + (s.episodeCount ?? 0), 0);
  return {
    '@context': 'https://schema.org',
    '@type': 'TVSeries',
    '@id': url,
    url: page,
    name: show.title,
    ...(show.originalTitle && show.originalTitle !== show.title ? { alternateName: show.originalTitle } : {}),
    ...(show.synopsis ? { description: show.synopsis } : {}),
    ...(commentCount !== undefined ? { commentCount } : {}),
    ...(show.premiered ? { startDate: show.premiered } : {}),
    ...(show.ended ? { endDate: show.ended } : {}),
    genre: show.genres,
    ...(show.language ? { inLanguage: show.language } : {}),
    ...(show.country
      ? { countryOfOrigin: { '@type': 'Country', name: countryName(show.country, false, lang) ?? show.country, identifier: show.country } }
      : {}),
    numberOfSeasons: seasons.filter((s) => s.number > 0).length,
    ...(episodes > 0 ? { numberOfEpisodes: episodes } : {}),
    ...people,
    // A rating without its count of votes is not an aggregate a search engine will take.
    ...(imdb?.votes
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: imdb.value,
            bestRating: imdb.scale,
            worstRating: 1,
            ratingCount: imdb.votes,
          },
        }
      : {}),
    image: { '@type': 'ImageObject', url: `${page}/card.png`, width: CARD.width, height: CARD.height },
    ...(show.ids.imdb ? { sameAs: [`https://www.imdb.com/title/${show.ids.imdb}/`] } : {}),
    dateModified: show.updatedAt,
    containsSeason: seasons.map((s) => ({
      '@type': 'TVSeason',
      name: t(lang, 'show.seasonNumber', { n: s.number }),
      seasonNumber: s.number,
      ...(s.premiere ? { startDate: partialDateToString(s.premiere) } : {}),
      ...(s.finale ? { endDate: partialDateToString(s.finale) } : {}),
      ...(s.episodeCount !== null ? { numberOfEpisodes: s.episodeCount } : {}),
    })),
    isPartOf: { '@type': 'WebSite', name: 'Next Season', url: siteUrl },
    mainEntityOfPage: { '@type': 'WebPage', '@id': page, inLanguage: HTML_LANG[lang] },
  };
}

/** Home › platform › show, for search results' breadcrumb trail. */
export function breadcrumbJsonLd(show: ShowDetail['show'], siteUrl: string, lang: Lang = 'en'): Record<string, unknown> {
  const at = (path: string) => `${siteUrl}${localPath(lang, path)}`;
  const crumbs = [
    { name: 'Next Season', item: at('/') },
    ...(show.platform ? [{ name: show.platform.name, item: at(`/platforms/${show.platform.slug}`) }] : []),
    { name: show.title, item: at(`/shows/${show.slug}`) },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.item })),
  };
}

/** The site, with the search a search engine can offer in its results: on the home page. */
export function websiteJsonLd(siteUrl: string, lang: Lang = 'en'): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${siteUrl}/#website`,
    name: 'Next Season',
    url: `${siteUrl}${localPath(lang, '/')}`,
    inLanguage: HTML_LANG[lang],
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl}${localPath(lang, '/search')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}
