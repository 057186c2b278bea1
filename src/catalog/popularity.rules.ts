import { formatPartialDate } from '../lang/dates.ts';
import type { Popularity, Top10WeekRow } from './popularity.queries.ts';

// Netflix's figures for a show, as sentences a reader can check against Netflix's own pages.

const PERIODS: Record<string, string> = { H1: 'January–June', H2: 'July–December' };

/** "2023-H2" → "July–December 2023". */
export const periodLabel = (period: string) => `${PERIODS[period.slice(5)] ?? period.slice(5)} ${period.slice(0, 4)}`;

/** 3,100,000 → "3.1 million"; 950,000 → "950,000"; 1,250,000,000 → "1.25 billion". */
export function bigNumber(n: number): string {
  const short = (x: number) => Number(x.toPrecision(3)).toLocaleString('en');
  if (n >= 1e9) return `${short(n / 1e9)} billion`;
  if (n >= 1e6) return `${short(n / 1e6)} million`;
  return n.toLocaleString('en');
}

const listName = (list: string) => (list === 'TV (Non-English)' ? 'TV, non-English' : 'TV, English');
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export interface SeasonPopularity {
  season: number;
  sentence: string;
  /** Its weeks in the list, oldest first, for the chart. */
  weeks: Top10WeekRow[];
}

/** One sentence per season that charted or was reported, seasons in order. */
export function popularitySentences(p: Popularity): SeasonPopularity[] {
  const seasons = [...new Set([...p.weeks.map((w) => w.season), ...p.reports.map((r) => r.season)])].sort((a, b) => a - b);
  return seasons.map((season) => {
    const weeks = p.weeks.filter((w) => w.season === season);
    const parts: string[] = [];
    if (weeks.length > 0) {
      // The best rank; among equal ranks, the first week it was reached.
      const peak = weeks.reduce((best, w) => (w.rank < best.rank ? w : best));
      const lists = [...new Set(weeks.map((w) => listName(w.list)))].join('; ');
      parts.push(
        `${plural(weeks.length, 'week')} in Netflix's global Top 10 (${lists}), peaking at #${peak.rank} in the week to ${formatPartialDate({ date: peak.week, precision: 'day' })}`,
      );
    }
    const reports = p.reports.filter((r) => r.season === season);
    if (reports.length > 0)
      parts.push(reports.map((r, i) => `${bigNumber(r.hours)}${i === 0 ? ' hours viewed' : ''} in ${periodLabel(r.period)}`).join(' and '));
    return { season, sentence: `Season ${season}: ${parts.join('; ')}.`, weeks };
  });
}
