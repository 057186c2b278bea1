import { formatPartialDate } from '../lang/dates.ts';
import { count, ordinal } from '../lang/words.rules.ts';
import type { ClaimCheck, DecisionClock } from './clock.rules.ts';
import type { EpisodeOutlook } from './episodes.rules.ts';
import type { Forecast } from './forecast.rules.ts';
import { dayNumber, MONTH_DAYS, type ShowHistory } from './history.ts';
import { normalisePlatform, platformKind } from './platforms.rules.ts';

// The forecast in plain words, each number with the evidence behind it.

export interface Cohort {
  label: string;
  shows: number;
  returned: number;
  waiting: number;
  medianWaitMonths: number | null;
}

const MIN_COHORT = 8;

/** Shows like this one at the same point: how many got their next season, and how long it took. */
export function cohortEvidence(histories: ShowHistory[], show: ShowHistory, asOf: string): Cohort | null {
  const latest = show.seasons.at(-1);
  if (!latest) return null;
  const n = latest.number;
  const platform = normalisePlatform(show.platform);
  const kind = platformKind(show.platform);
  const groups: Array<[string, (h: ShowHistory) => boolean]> = [
    [`${show.platform} shows`, (h) => platform !== null && normalisePlatform(h.platform) === platform],
    [`${kind} shows`, (h) => kind !== 'unknown' && platformKind(h.platform) === kind],
    ['shows', () => true],
  ];
  for (const [label, member] of groups) {
    const spells = histories
      .filter((h) => h.id !== show.id && member(h))
      .flatMap((h) => {
        const s = h.seasons.find((x) => x.number === n && x.premiered <= asOf);
        if (!s) return [];
        const next = h.seasons.find((x) => x.number === n + 1 && x.premiered <= asOf);
        const ended = h.decisions.some((d) => d.date <= asOf && (d.kind === 'cancelled' || d.kind === 'ended') && d.season <= n);
        return [{ gap: next ? dayNumber(next.premiered) - dayNumber(s.premiered) : null, ended }];
      });
    if (spells.length < MIN_COHORT) continue;
    const gaps = spells.flatMap((s) => (s.gap === null ? [] : [s.gap])).sort((a, b) => a - b);
    return {
      label,
      shows: spells.length,
      returned: gaps.length,
      waiting: spells.filter((s) => s.gap === null && !s.ended).length,
      medianWaitMonths: gaps.length ? Math.round((gaps[Math.floor((gaps.length - 1) / 2)] as number) / MONTH_DAYS) : null,
    };
  }
  return null;
}

/** A season's weeks in Netflix's Top 10, as published by the as-of date, and what the model makes of them. */
export interface Top10Evidence {
  season: number;
  weeks: number;
  best: { rank: number; week: string; public: string };
  english: boolean;
  /** The model's chance that a season like this ever gets a next one, and that chance had it never charted. */
  pEver: number | null;
  pEverUncharted: number | null;
}

/** The latest season's Top 10 weeks known on `asOf`; null when it has none. */
export function top10Evidence(
  show: ShowHistory,
  asOf: string,
  odds: { pEver: number; pEverUncharted: number } | null,
): Top10Evidence | null {
  const latest = show.seasons.at(-1);
  const weeks = (show.top10 ?? []).filter((w) => latest && w.season === latest.number && w.public <= asOf);
  if (!latest || weeks.length === 0) return null;
  const best = weeks.reduce((a, b) => (b.rank < a.rank || (b.rank === a.rank && b.week < a.week) ? b : a));
  return {
    season: latest.number,
    weeks: weeks.length,
    best: { rank: best.rank, week: best.week, public: best.public },
    english: best.english,
    pEver: odds?.pEver ?? null,
    pEverUncharted: odds?.pEverUncharted ?? null,
  };
}

const pct = (p: number) => `${Math.round(p * 100)}%`;
const day = (iso: string) => formatPartialDate({ date: iso, precision: 'day' });
const months = (days: number) => Math.round(days / MONTH_DAYS);

export function explainForecast(a: {
  title: string;
  platform: string | null;
  forecast: Forecast;
  cohort: Cohort | null;
  clock: DecisionClock | null;
  claim: ClaimCheck | null;
  episodes: EpisodeOutlook | null;
  top10?: Top10Evidence | null;
  renewedOn?: string | null;
}): string[] {
  const { forecast: f, title } = a;
  if (f.basis === 'no_season') {
    return [
      `The catalogue has no dated season of ${title} yet, so there is nothing to forecast from: the forecast appears once a premiere date is known.`,
    ];
  }
  const n = f.latestSeason ?? 0;
  const next = f.nextSeason;
  const out: string[] = [];
  if (a.cohort) {
    const c = a.cohort;
    const which = n === 1 ? 'first season' : `${ordinal(n)} season`;
    const wait = c.medianWaitMonths !== null ? `; for those, the median wait was ${count(c.medianWaitMonths, 'month')}` : '';
    out.push(
      `Of ${c.shows} ${c.label} in the catalogue whose ${which} is out, ${c.returned} have had a ${ordinal(n + 1)} so far${c.waiting ? ` and ${c.waiting} ${c.waiting === 1 ? 'is' : 'are'} still waiting` : ''}${wait}.`,
    );
  } else {
    out.push(
      'The catalogue has too few comparable shows to quote a like-for-like record, so the model leans on its prior, learned from TV dramas of 1990–2018.',
    );
  }
  const waited = f.waitedDays ?? 0;
  switch (f.basis) {
    case 'ended':
      out.push(`With the series over, the model allows only a ${pct(f.pNext)} chance of a revival within six years.`);
      break;
    case 'dated':
      out.push(
        `A date has been announced, so the model puts ${pct(f.pWithin365)} on a premiere within a year, allowing for the occasional slip.`,
      );
      break;
    case 'renewed':
      out.push(
        `${title} has been renewed${a.renewedOn ? ` (${day(a.renewedOn)})` : ''}; renewals are almost always honoured, so the chance of season ${next} is ${pct(f.pNext)}.`,
      );
      break;
    default:
      out.push(
        `${title} has waited ${count(months(waited), 'month')} since season ${n} with no announcement, so the model puts the chance of a season ${next} at ${pct(f.pNext)} within six years: ${pct(f.pWithin365)} within a year and ${pct(f.pWithin730)} within two.`,
      );
  }
  if (a.top10) {
    const t = a.top10;
    out.push(
      `Season ${t.season} spent ${count(t.weeks, 'week')} in Netflix’s global Top 10 (${t.english ? 'English' : 'non-English'} TV), its best at No. ${t.best.rank} in the week to ${day(t.best.week)} (list published by Netflix on ${day(t.best.public)}).`,
    );
    if (f.basis === 'waiting' && t.pEver !== null && t.pEverUncharted !== null) {
      out.push(
        `The model counts a season’s weeks in the Top 10 in its first month: it puts the chance that a season like this ever gets a next one at ${pct(t.pEver)}, against ${pct(t.pEverUncharted)} had it never charted.`,
      );
    }
  }
  if (f.quantiles) {
    const q = f.quantiles;
    out.push(
      `If it comes, the likeliest date is around ${day(q.p50)}; there is an 80% chance it falls between ${day(q.p10)} and ${day(q.p90)}.`,
    );
  }
  if (f.basis === 'waiting' && !a.clock) {
    out.push('Too few shows on record have waited this long without a decision to say how soon one usually comes.');
  }
  if (a.clock) {
    out.push(
      `Shows still undecided this long after a premiere have got a decision within 90 days ${pct(a.clock.within90)} of the time (within 30 days: ${pct(a.clock.within30)}; 180 days: ${pct(a.clock.within180)}; from ${a.clock.decisions} decisions on record).`,
    );
  }
  if (a.claim) {
    out.push(
      `“${a.claim.platform} usually decides within three months”: of its ${a.claim.decisions} renewals and cancellations on record that came after a season's premiere, ${pct(a.claim.within90)} came within 90 days.`,
    );
  }
  if (a.episodes) {
    const e = a.episodes;
    out.push(
      `Episodes: ${e.last} again ${pct(e.same)}, fewer ${pct(e.fewer)}, more ${pct(e.more)} (from ${e.pairs} consecutive seasons of ${e.from}).`,
    );
  } else if (f.basis !== 'ended') {
    out.push('There is too little data on episode counts of comparable shows to say how long the next season will be.');
  }
  if (f.basis !== 'ended')
    out.push('The catalogue has no per-season cast lists yet, so it cannot say how much of the cast usually returns.');
  return out;
}
