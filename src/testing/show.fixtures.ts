import type { SeasonRow, ShowRow } from '../catalog/shows.queries.ts';
import { parsePartialDate } from '../lang/dates.ts';
import type { StatusEvent } from '../status/status.rules.ts';

// A show, its seasons and its events as the answer rules take them, for table tests of the sentences.

export function show(over: Partial<ShowRow> = {}): ShowRow {
  return {
    id: 1,
    slug: 'x',
    title: 'Example',
    originalTitle: null,
    type: 'scripted',
    country: 'US',
    language: 'en',
    platform: { slug: 'netflix', name: 'Netflix' },
    premiered: '2020-01-10',
    ended: null,
    synopsis: null,
    basis: null,
    officialSite: null,
    ids: { imdb: null, tvmaze: null, thetvdb: null, netflix: null },
    status: 'undecided',
    verifiedOn: '2026-01-01',
    addedToNetflix: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    genres: ['Drama'],
    aliases: [],
    ...over,
  };
}

export function season(number: number, premiere: string, episodes = 8, releaseStyle = 'all_at_once'): SeasonRow {
  const pd = parsePartialDate(premiere);
  return {
    number,
    premiere: pd,
    finale: pd,
    episodeCount: episodes,
    episodeCountKind: 'counted',
    releaseStyle,
    meanAirDate: null,
    outBy: null,
  };
}

let id = 1;
export function event(kind: StatusEvent['kind'], seasonNumber: number, date: string, announced?: string): StatusEvent {
  return {
    id: id++,
    kind,
    season: seasonNumber,
    effective: parsePartialDate(date)!,
    announced: announced ? parsePartialDate(announced) : null,
    tier: 'official',
    retracted: false,
  };
}
