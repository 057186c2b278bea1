import type { PartialDate } from '../lang/dates.ts';
import type { ExternalIds } from './show.index.ts';

// One show as an importer understands it, whatever the source: what the writer merges into the catalogue.

export type Origin = 'tvmaze' | 'netflix-titles' | 'economist-imdb' | 'netflix-top10' | 'netflix-engagement';

/** One week of a season in Netflix's global Top 10. */
export interface Top10Week {
  season: number;
  /** The Sunday that ends the week. */
  week: string;
  list: 'TV (English)' | 'TV (Non-English)';
  rank: number;
  hours: number;
  views: number | null;
  weeksInTop10: number;
  /** The day the list came out (the Tuesday after the week). */
  publicOn: string;
}

/** A season's viewing in one of Netflix's half-yearly engagement reports. */
export interface EngagementFigure {
  season: number;
  /** '2023-H2' is July–December 2023. */
  period: string;
  hours: number;
  views: number | null;
  availableGlobally: boolean;
  /** The day the report was published. */
  publicOn: string;
}

export interface ImportedSeason {
  number: number;
  premiere?: PartialDate | null;
  finale?: PartialDate | null;
  episodeCount?: number | null;
  /** The mean air date of the season's episodes: a fact of its own, never taken for a premiere. */
  meanAirDate?: string | null;
  /** A day the season is known to have been out by (a week in a chart, a report's period end). */
  outBy?: string | null;
}

export interface ImportedEpisode {
  season: number;
  number: number;
  title: string | null;
  airdate: string | null;
  airstamp: string | null;
  runtime: number | null;
  tvmazeId: number | null;
}

export interface ImportedShow {
  /** Where in the input this record came from, for problem reports ("file.csv:12"). */
  location: string;
  /** The source's own version of the record (TVmaze "updated"); an older one never overwrites a newer. */
  version?: number | null;
  ids: ExternalIds;
  title: string;
  originalTitle?: string | null;
  type?: string | null;
  country?: string | null;
  language?: string | null;
  platform?: { name: string; kind: 'streaming' | 'broadcast' | 'cable'; country: string | null } | null;
  premiered?: string | null;
  ended?: string | null;
  synopsis?: string | null;
  officialSite?: string | null;
  addedToNetflix?: string | null;
  popularity?: number | null;
  genres?: string[];
  /** Plausible years on air, for matching by title when there is no shared id. */
  years?: [number, number] | null;
  seasons?: ImportedSeason[];
  episodes?: ImportedEpisode[];
  credits?: Array<{ role: string; name: string; character?: string | null }>;
  ratings?: Array<{
    source: string;
    value: number;
    votes?: number | null;
    share?: number | null;
    season?: number | null;
    asOf: PartialDate;
  }>;
  events?: Array<{ kind: string; season: number | null; date: PartialDate }>;
  top10?: Top10Week[];
  engagement?: EngagementFigure[];
}
