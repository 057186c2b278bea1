// How the seasons that made Netflix's Top 10 fared: did the show get another season? Counted over seasons
// whose fate is known; the ones still waiting for a decision are counted apart, not as a "no".

export type Fate = 'another' | 'over' | 'waiting';

export interface ChartedSeason {
  weeks: number;
  fate: Fate;
}

export interface FateBucket {
  /** Weeks in the Top 10 the bucket holds: from `from` to `to`, or more when `to` is null. */
  weeks: { from: number; to: number | null };
  seasons: number;
  another: number;
  over: number;
  waiting: number;
  /** Share of the decided seasons that got another one; null with none decided. */
  share: number | null;
}

export const LONG_RUN_WEEKS = 5;

export function chartFates(seasons: ChartedSeason[]): FateBucket[] {
  const bucket = (weeks: FateBucket['weeks'], of: ChartedSeason[]): FateBucket => {
    const count = (fate: Fate) => of.filter((s) => s.fate === fate).length;
    const [another, over, waiting] = [count('another'), count('over'), count('waiting')];
    return { weeks, seasons: of.length, another, over, waiting, share: another + over > 0 ? another / (another + over) : null };
  };
  return [
    bucket(
      { from: LONG_RUN_WEEKS, to: null },
      seasons.filter((s) => s.weeks >= LONG_RUN_WEEKS),
    ),
    bucket(
      { from: 1, to: LONG_RUN_WEEKS - 1 },
      seasons.filter((s) => s.weeks < LONG_RUN_WEEKS),
    ),
  ].filter((b) => b.seasons > 0);
}

/** A season's fate from what followed it: a later season or a renewal for one, or a decision that it was the last. */
export function seasonFate(season: number, later: { seasons: number[]; renewedFor: number[]; lastSeasons: number[] }): Fate {
  if (later.seasons.some((n) => n > season) || later.renewedFor.some((n) => n > season)) return 'another';
  if (later.lastSeasons.some((n) => n <= season)) return 'over';
  return 'waiting';
}
