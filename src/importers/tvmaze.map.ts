import sanitizeHtml from 'sanitize-html';
import { platformKind } from '../forecast/platforms.rules.ts';
import { languageCode } from './codes.rules.ts';
import type { ImportedEpisode, ImportedSeason, ImportedShow } from './show.record.ts';

// TVmaze API JSON → the catalogue's terms. Pure; the input shapes are TVmaze's (CC BY-SA 4.0).

export interface TvmazeChannel {
  id: number;
  name: string;
  country?: { name: string; code: string } | null;
}

export interface TvmazeShow {
  id: number;
  name: string;
  type?: string | null;
  language?: string | null;
  genres?: string[];
  status?: string | null;
  premiered?: string | null;
  ended?: string | null;
  officialSite?: string | null;
  rating?: { average: number | null } | null;
  weight?: number | null;
  network?: TvmazeChannel | null;
  webChannel?: TvmazeChannel | null;
  externals?: { tvrage?: number | null; thetvdb?: number | null; imdb?: string | null } | null;
  summary?: string | null;
  updated?: number | null;
  _embedded?: { episodes?: TvmazeEpisode[]; seasons?: TvmazeSeason[] };
}

export interface TvmazeEpisode {
  id: number;
  name?: string | null;
  season: number | null;
  number: number | null;
  type?: string | null;
  airdate?: string | null;
  airstamp?: string | null;
  runtime?: number | null;
  _embedded?: { show?: TvmazeShow };
}

export interface TvmazeSeason {
  id: number;
  number: number;
  episodeOrder?: number | null;
  premiereDate?: string | null;
  endDate?: string | null;
}

const TYPES: Record<string, string> = {
  Scripted: 'scripted',
  Animation: 'animation',
  Reality: 'reality',
  Documentary: 'documentary',
  'Talk Show': 'talk',
  Variety: 'variety',
  'Game Show': 'game',
  Sports: 'sports',
  News: 'news',
  'Award Show': 'awards',
  'Panel Show': 'panel',
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: string | null | undefined) => (v && ISO_DAY.test(v) ? v : null);

/** Why a TVmaze show object cannot be used, or null when it can. */
export function invalidShow(show: unknown): string | null {
  const s = show as Partial<TvmazeShow> | null;
  if (!s || typeof s !== 'object') return 'not an object';
  if (!Number.isInteger(s.id)) return 'id is missing';
  if (typeof s.name !== 'string' || s.name.trim() === '') return 'name is missing';
  if (s.premiered != null && !day(s.premiered)) return `premiered "${s.premiered}" is not a date`;
  return null;
}

export function mapShow(show: TvmazeShow, location: string, episodes: TvmazeEpisode[] = show._embedded?.episodes ?? []): ImportedShow {
  const channel = show.webChannel ?? show.network ?? null;
  const isWeb = !!show.webChannel;
  const kind = channel ? platformKind(channel.name) : 'unknown';
  const mappedEpisodes: ImportedEpisode[] = episodes
    .filter((e) => Number.isInteger(e.season) && Number.isInteger(e.number))
    .map((e) => ({
      season: e.season as number,
      number: e.number as number,
      title: e.name?.trim() || null,
      airdate: day(e.airdate),
      airstamp: e.airstamp && !Number.isNaN(Date.parse(e.airstamp)) ? new Date(e.airstamp).toISOString() : null,
      runtime: Number.isInteger(e.runtime) ? (e.runtime as number) : null,
      tvmazeId: e.id,
    }));
  const seasons = mapSeasons(show._embedded?.seasons, mappedEpisodes, !!show._embedded?.episodes);
  const lastSeason = Math.max(0, ...seasons.map((s) => s.number), ...mappedEpisodes.map((e) => e.season));
  const events: ImportedShow['events'] = [];
  if (show.status === 'Ended' && day(show.ended))
    events.push({ kind: 'ended', season: lastSeason || null, date: { date: show.ended as string, precision: 'day' } });
  if (show.status === 'In Development' && show.updated) {
    events.push({
      kind: 'in_development',
      season: lastSeason + 1,
      date: { date: new Date(show.updated * 1000).toISOString().slice(0, 10), precision: 'day' },
    });
  }
  const premiered = day(show.premiered);
  const ended = day(show.ended);
  return {
    location,
    version: Number.isInteger(show.updated) ? (show.updated as number) : null,
    ids: { tvmaze: show.id, imdb: show.externals?.imdb || null, thetvdb: show.externals?.thetvdb ?? null },
    title: show.name.trim(),
    type: TYPES[show.type ?? ''] ?? 'scripted',
    country: channel?.country?.code ?? null,
    language: languageCode(show.language),
    platform: channel
      ? { name: channel.name, kind: kind !== 'unknown' ? kind : isWeb ? 'streaming' : 'broadcast', country: channel.country?.code ?? null }
      : null,
    premiered,
    ended,
    synopsis: show.summary ? sanitizeHtml(show.summary, { allowedTags: [], allowedAttributes: {} }).trim() || null : null,
    officialSite: show.officialSite || null,
    popularity: Number.isInteger(show.weight) ? (show.weight as number) : null,
    genres: show.genres ?? [],
    years: premiered ? [Number(premiered.slice(0, 4)), ended ? Number(ended.slice(0, 4)) : Number(premiered.slice(0, 4)) + 40] : null,
    seasons,
    episodes: mappedEpisodes,
    ratings:
      show.rating?.average != null && show.updated
        ? [
            {
              source: 'tvmaze',
              value: show.rating.average,
              asOf: { date: new Date(show.updated * 1000).toISOString().slice(0, 10), precision: 'day' },
            },
          ]
        : [],
    events,
  };
}

/** Seasons from TVmaze's season list, or from episodes: a premiere only where episode 1 is present. */
function mapSeasons(list: TvmazeSeason[] | undefined, episodes: ImportedEpisode[], complete: boolean): ImportedSeason[] {
  if (list && list.length > 0) {
    return list
      .filter((s) => Number.isInteger(s.number) && s.number > 0)
      .map((s) => ({
        number: s.number,
        premiere: day(s.premiereDate) ? { date: s.premiereDate as string, precision: 'day' as const } : null,
        finale: day(s.endDate) ? { date: s.endDate as string, precision: 'day' as const } : null,
        episodeCount: Number.isInteger(s.episodeOrder) ? (s.episodeOrder as number) : null,
      }));
  }
  const numbers = [...new Set(episodes.map((e) => e.season))].filter((n) => n > 0).sort((a, b) => a - b);
  return numbers.map((number) => {
    const own = episodes
      .filter((e) => e.season === number && e.airdate)
      .sort((a, b) => (a.airdate as string).localeCompare(b.airdate as string));
    const first = own.find((e) => e.number === 1);
    return {
      number,
      premiere: first?.airdate ? { date: first.airdate, precision: 'day' as const } : null,
      // Only a show's full episode list says how many episodes a season has.
      episodeCount: complete ? own.length : null,
    };
  });
}
