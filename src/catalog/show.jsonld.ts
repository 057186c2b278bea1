import { partialDateToString } from '../lang/dates.ts';
import type { ShowDetail } from './shows.queries.ts';

const PERSON_ROLES: Record<string, string> = {
  creator: 'creator',
  director: 'director',
  cast: 'actor',
  composer: 'musicBy',
  producer: 'producer',
};

/** schema.org TVSeries with its seasons and people, for search engines. */
export function showJsonLd(detail: ShowDetail, url: string, siteUrl: string, commentCount?: number): Record<string, unknown> {
  const { show, seasons, credits, ratings } = detail;
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
    url,
    name: show.title,
    ...(show.originalTitle && show.originalTitle !== show.title ? { alternateName: show.originalTitle } : {}),
    ...(show.synopsis ? { description: show.synopsis } : {}),
    ...(commentCount !== undefined ? { commentCount } : {}),
    ...(show.premiered ? { startDate: show.premiered } : {}),
    ...(show.ended ? { endDate: show.ended } : {}),
    genre: show.genres,
    ...(show.language ? { inLanguage: show.language } : {}),
    ...(show.country ? { countryOfOrigin: { '@type': 'Country', name: show.country } } : {}),
    numberOfSeasons: seasons.filter((s) => s.number > 0).length,
    ...(episodes > 0 ? { numberOfEpisodes: episodes } : {}),
    ...people,
    ...(imdb
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: imdb.value,
            bestRating: imdb.scale,
            worstRating: 1,
            ...(imdb.votes ? { ratingCount: imdb.votes } : {}),
          },
        }
      : {}),
    ...(show.ids.imdb ? { sameAs: [`https://www.imdb.com/title/${show.ids.imdb}/`] } : {}),
    dateModified: show.updatedAt,
    containsSeason: seasons.map((s) => ({
      '@type': 'TVSeason',
      name: `Season ${s.number}`,
      seasonNumber: s.number,
      ...(s.premiere ? { startDate: partialDateToString(s.premiere) } : {}),
      ...(s.finale ? { endDate: partialDateToString(s.finale) } : {}),
      ...(s.episodeCount !== null ? { numberOfEpisodes: s.episodeCount } : {}),
    })),
    isPartOf: { '@type': 'WebSite', name: 'Next Season', url: siteUrl },
  };
}

/** Home › platform › show, for search results' breadcrumb trail. */
export function breadcrumbJsonLd(show: ShowDetail['show'], siteUrl: string): Record<string, unknown> {
  const crumbs = [
    { name: 'Next Season', item: `${siteUrl}/` },
    ...(show.platform ? [{ name: show.platform.name, item: `${siteUrl}/platforms/${show.platform.slug}` }] : []),
    { name: show.title, item: `${siteUrl}/shows/${show.slug}` },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.item })),
  };
}
