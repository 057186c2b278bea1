// Writes a synthetic TVmaze-shaped file: one show per line (NDJSON), each with its seasons and episodes
// embedded as /shows/:id?embed[]=episodes&embed[]=seasons returns them. Deterministic for a given size.
// Usage: tsx bench/tvmaze-synthetic.ts SHOWS EPISODES_PER_SHOW > file.ndjson
import { createWriteStream } from 'node:fs';

/** `name` gives the show's title; the default is the worst case for search, every title sharing two words. */
export function syntheticShow(i: number, episodesPerShow: number, name: (i: number) => string = (n) => `Synthetic Show ${n}`) {
  const id = 1_000_000 + i;
  const seasons = Math.max(1, Math.ceil(episodesPerShow / 10));
  const start = Date.UTC(1995 + (i % 28), i % 12, 1 + (i % 27));
  const episodes = [];
  for (let e = 0; e < episodesPerShow; e++) {
    const season = Math.floor(e / 10) + 1;
    const airdate = new Date(start + ((season - 1) * 365 + (e % 10) * 7) * 86_400_000).toISOString().slice(0, 10);
    episodes.push({
      id: id * 100 + e,
      name: `Episode ${e + 1}`,
      season,
      number: (e % 10) + 1,
      type: 'regular',
      airdate,
      airstamp: `${airdate}T20:00:00+00:00`,
      runtime: 45,
    });
  }
  return {
    id,
    name: name(i),
    type: 'Scripted',
    language: 'English',
    genres: ['Drama'],
    status: i % 3 === 0 ? 'Ended' : 'Running',
    premiered: new Date(start).toISOString().slice(0, 10),
    ended: i % 3 === 0 ? (episodes.at(-1)?.airdate ?? null) : null,
    officialSite: null,
    rating: { average: 7 },
    weight: i % 100,
    network: { id: 1 + (i % 50), name: `Network ${i % 50}`, country: { name: 'United States', code: 'US' } },
    webChannel: null,
    externals: { tvrage: null, thetvdb: null, imdb: null },
    summary: '<p>A synthetic show.</p>',
    updated: 1_700_000_000 + i,
    _embedded: {
      seasons: Array.from({ length: seasons }, (_, s) => ({
        id: id * 10 + s,
        number: s + 1,
        episodeOrder: Math.min(10, episodesPerShow - s * 10),
      })),
      episodes,
    },
  };
}

if (process.argv[1]?.endsWith('tvmaze-synthetic.ts')) {
  const shows = Number(process.argv[2] ?? 100_000);
  const perShow = Number(process.argv[3] ?? 20);
  const out: NodeJS.WritableStream = process.argv[4] ? createWriteStream(process.argv[4]) : process.stdout;
  for (let i = 0; i < shows; i++) {
    if (!out.write(`${JSON.stringify(syntheticShow(i, perShow))}\n`)) await new Promise((r) => out.once('drain', r));
  }
  out.end();
}
