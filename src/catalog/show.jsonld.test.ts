import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';

// The schema.org vocabulary our JSON-LD may use: each type with the properties schema.org defines for it
// (its own and inherited from CreativeWork / Thing / Intangible), as listed on schema.org.
const THING = [
  '@context',
  '@type',
  '@id',
  'name',
  'alternateName',
  'description',
  'url',
  'sameAs',
  'image',
  'identifier',
  'mainEntityOfPage',
  'potentialAction',
];
const CREATIVE_WORK = [
  ...THING,
  'genre',
  'inLanguage',
  'countryOfOrigin',
  'creator',
  'director',
  'actor',
  'musicBy',
  'producer',
  'aggregateRating',
  'dateModified',
  'isPartOf',
  'startDate',
  'endDate',
  'commentCount',
];
const VOCABULARY: Record<string, string[]> = {
  TVSeries: [...CREATIVE_WORK, 'numberOfSeasons', 'numberOfEpisodes', 'containsSeason'],
  TVSeason: [...CREATIVE_WORK, 'seasonNumber', 'numberOfEpisodes'],
  Person: THING,
  PerformanceRole: [...THING, 'actor', 'characterName'],
  Country: THING,
  AggregateRating: [...THING, 'ratingValue', 'bestRating', 'worstRating', 'ratingCount'],
  WebSite: CREATIVE_WORK,
  WebPage: CREATIVE_WORK,
  ImageObject: [...CREATIVE_WORK, 'width', 'height', 'contentUrl'],
  SearchAction: [...THING, 'target', 'query-input'],
  EntryPoint: [...THING, 'urlTemplate'],
  BreadcrumbList: [...THING, 'itemListElement'],
  ListItem: [...THING, 'position', 'item'],
};

function check(node: unknown, where: string, problems: string[]): void {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) check(n, `${where}[${i}]`, problems);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const type = obj['@type'];
  if (typeof type === 'string') {
    const allowed = VOCABULARY[type];
    if (!allowed) problems.push(`${where}: unknown type ${type}`);
    else for (const key of Object.keys(obj)) if (!allowed.includes(key)) problems.push(`${where}: ${type} has no property ${key}`);
  }
  for (const [key, value] of Object.entries(obj)) check(value, `${where}.${key}`, problems);
}

describeEachEngine(
  'JSON-LD',
  (db) => {
    it('uses only schema.org types and properties, on every show page', async () => {
      const app = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      const shows = await db().kysely.selectFrom('shows').select('slug').execute();
      const problems: string[] = [];
      for (const { slug } of shows) {
        const html = await (await app.request(`/shows/${slug}`)).text();
        const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1] as string));
        expect(
          blocks.map((b) => b['@type']),
          slug,
        ).toEqual(['TVSeries', 'BreadcrumbList']);
        for (const [i, b] of blocks.entries()) check(b, `${slug}#${i}`, problems);
      }
      expect(problems).toEqual([]);
    });

    it('says on the home page, in each language, how to search the site', async () => {
      const app = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      for (const [path, search] of [
        ['/', 'https://nextseason.test/search?q={search_term_string}'],
        ['/es', 'https://nextseason.test/es/search?q={search_term_string}'],
      ] as const) {
        const html = await (await app.request(path)).text();
        const [site] = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1] as string));
        expect(site).toMatchObject({ '@type': 'WebSite', potentialAction: { '@type': 'SearchAction', target: { urlTemplate: search } } });
        const problems: string[] = [];
        check(site, path, problems);
        expect(problems).toEqual([]);
      }
      const es = await (await app.request('/es/shows/somos')).text();
      const [series] = [...es.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1] as string));
      expect(series).toMatchObject({
        url: 'https://nextseason.test/es/shows/somos',
        inLanguage: 'es',
        countryOfOrigin: { name: 'México' },
        mainEntityOfPage: { inLanguage: 'es' },
        containsSeason: [{ name: 'Temporada 1' }],
      });
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
