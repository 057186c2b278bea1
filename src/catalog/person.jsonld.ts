import type { PersonView } from './people.queries.ts';

/** schema.org Person, with the shows they are credited on as works they contributed to. */
export function personJsonLd(person: PersonView, url: string, siteUrl: string): Record<string, unknown> {
  const shows = [...new Map(person.credits.map((c) => [c.show.slug, c.show])).values()];
  const sameAs = [
    ...(person.imdbId ? [`https://www.imdb.com/name/${person.imdbId}/`] : []),
    ...(person.tvmazeId ? [`https://www.tvmaze.com/people/${person.tvmazeId}`] : []),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': url,
    url,
    name: person.name,
    ...(sameAs.length ? { sameAs } : {}),
    subjectOf: shows.map((s) => ({ '@type': 'TVSeries', name: s.title, url: `${siteUrl}/shows/${s.slug}` })),
  };
}
