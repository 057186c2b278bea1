// What the forecaster learns from: each show's season premieres and its dated decisions.

export type DecisionKind = 'renewed' | 'cancelled' | 'ended' | 'date_announced';

export interface SeasonPremiere {
  number: number;
  /** 'YYYY-MM-DD' */
  premiered: string;
}

export interface Decision {
  /** When it was announced, 'YYYY-MM-DD'. */
  date: string;
  kind: DecisionKind;
  season: number;
  /** For date_announced: the premiere date announced ('YYYY-MM-DD', first day of its period). */
  value?: string | null;
  /** For date_announced: how precise the announced date is. */
  precision?: 'day' | 'month' | 'quarter' | 'year';
}

export interface ShowHistory {
  id: string;
  title: string;
  platform: string | null;
  genres: string[];
  country: string | null;
  seasons: SeasonPremiere[];
  decisions: Decision[];
  /** Episode counts by season number, where known. */
  episodes?: Record<number, number>;
  /** The last day the record is known to be complete; unset when it is kept current (an editor's show). */
  checkedUntil?: string | null;
  /** Weeks its seasons spent in Netflix's global Top 10, each usable only from the day it was published. */
  top10?: Top10Week[];
  /** 'en', another ISO 639-1 code, or null when unknown. */
  language?: string | null;
  /** Scripted, reality, documentary, animation, …: the catalogue's show type, lower case. */
  kind?: string | null;
}

export interface Top10Week {
  season: number;
  /** The Sunday that ends the week. */
  week: string;
  rank: number;
  /** The day the list was published (the Tuesday after the week). */
  public: string;
  /** On the English list (else the non-English one). */
  english: boolean;
  /** The list called the season a limited series. */
  limited?: boolean;
}

/** The show as it was known at the end of `asOf`: nothing dated later survives. */
export function historyAsOf(show: ShowHistory, asOf: string): ShowHistory {
  return {
    ...show,
    seasons: show.seasons.filter((s) => s.premiered <= asOf).sort((a, b) => a.number - b.number),
    decisions: show.decisions.filter((d) => d.date <= asOf),
    top10: show.top10?.filter((w) => w.public <= asOf),
  };
}

export const DAY_MS = 86_400_000;
export const MONTH_DAYS = 30.4375;

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
