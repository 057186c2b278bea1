import { formatPartialDate } from '../lang/dates.ts';
import { formatNumber, type Lang, t } from '../lang/i18n.ts';
import { listWords } from '../lang/words.rules.ts';
import type { Popularity, Top10WeekRow } from './popularity.queries.ts';

// Netflix's figures for a show, as sentences a reader can check against Netflix's own pages.

/** "2023-H2" → "July–December 2023"; "julio–diciembre de 2023". */
export const periodLabel = (period: string, lang: Lang = 'en') =>
  t(lang, 'popularity.period', { half: period.slice(5), year: period.slice(0, 4) });

/** 3,100,000 → "3.1 million"; 950,000 → "950,000"; 1,250,000,000 → "1.25 billion"; "11,5 millones". */
export function bigNumber(n: number, lang: Lang = 'en'): string {
  if (n < 1e6) return formatNumber(lang, n);
  return formatNumber(lang, n, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 });
}

export interface SeasonPopularity {
  season: number;
  sentence: string;
  /** Its weeks in the list, oldest first, for the chart. */
  weeks: Top10WeekRow[];
}

/** One sentence per season that charted or was reported, seasons in order. */
export function popularitySentences(p: Popularity, lang: Lang = 'en'): SeasonPopularity[] {
  const seasons = [...new Set([...p.weeks.map((w) => w.season), ...p.reports.map((r) => r.season)])].sort((a, b) => a - b);
  return seasons.map((season) => {
    const weeks = p.weeks.filter((w) => w.season === season);
    const parts: string[] = [];
    if (weeks.length > 0) {
      // The best rank; among equal ranks, the first week it was reached.
      const peak = weeks.reduce((best, w) => (w.rank < best.rank ? w : best));
      const lists = [...new Set(weeks.map((w) => (w.list === 'TV (Non-English)' ? 'nonEnglish' : 'english')))]
        .sort()
        .map((list) => t(lang, 'popularity.list', { list }));
      const week = formatPartialDate({ date: peak.week, precision: 'day' }, lang);
      parts.push(t(lang, 'popularity.weeks', { weeks: weeks.length, lists: lists.join('; '), rank: peak.rank, week }));
    }
    const reports = p.reports.filter((r) => r.season === season);
    if (reports.length > 0) {
      const hours = reports.map((r, i) =>
        t(lang, 'popularity.hours', {
          amount: bigNumber(r.hours, lang),
          first: i === 0 ? 'yes' : 'no',
          million: r.hours >= 1e6 ? 'yes' : 'no',
          period: periodLabel(r.period, lang),
        }),
      );
      parts.push(listWords(hours, lang));
    }
    return { season, sentence: t(lang, 'popularity.season', { season, parts: parts.join('; ') }), weeks };
  });
}
