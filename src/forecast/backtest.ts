import { forecastNextSeason } from './forecast.rules.ts';
import type { Params } from './hazard.model.ts';
import { dayNumber, historyAsOf, MONTH_DAYS, type ShowHistory } from './history.ts';
import { normalisePlatform } from './platforms.rules.ts';
import { trainModel } from './train.ts';

// Replays history at monthly cut-offs: each method forecasts every show still waiting for its next
// season from facts dated on or before the cut-off, and is scored against what happened next.

export const BINS = 24; // monthly outcome bins for the log score; bin 24 = "later than 24 months, or never"

/** What a method says about one show at one cut-off. */
export interface Prediction {
  /** P(a next season ever comes: within six years); baselines give none. */
  pEver?: number;
  p365: number;
  p730: number;
  /** P(premiered within m months), m = 0 … 24. */
  byMonth: number[];
  /** Days after the cut-off: p10, p25, p50, p75, p90 (given it premieres); null when not given. */
  q: [number, number, number, number, number] | null;
}

export interface Case {
  cutoff: string;
  show: string;
  /** Days from the cut-off to the next premiere, or null if none by the end of the data. */
  actual: number | null;
  /** Days of data after the cut-off. */
  observed: number;
  decided: boolean;
  /** Days since the latest premiere at the cut-off. */
  waited: number;
  predictions: Record<string, Prediction>;
}

export const METHODS = ['model', 'one-year', 'empirical-gaps', 'platform-median'] as const;

export function monthlyCutoffs(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  while (d.toISOString().slice(0, 10) <= to) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

export function runBacktest({
  histories,
  cutoffs,
  dataEnd,
  prior,
}: {
  histories: ShowHistory[];
  cutoffs: string[];
  dataEnd: string;
  prior: Params;
}): Case[] {
  const cases: Case[] = [];
  const end = dayNumber(dataEnd);
  for (const cutoff of cutoffs) {
    const known = histories.map((h) => historyAsOf(h, cutoff));
    const model = trainModel({ histories: known, asOf: cutoff, prior });
    const gaps = observedGaps(known);
    const t = dayNumber(cutoff);
    known.forEach((show, i) => {
      const latest = show.seasons.at(-1);
      if (!latest) return;
      const next = histories[i]?.seasons.find((s) => s.number > latest.number);
      const f = forecastNextSeason({ show, model, asOf: cutoff });
      const waited = t - dayNumber(latest.premiered);
      const predictions: Record<string, Prediction> = {
        model: {
          p365: f.pWithin365,
          p730: f.pWithin730,
          byMonth: f.curve.slice(0, BINS + 1).map((c) => c.p),
          q: f.quantiles ? (Object.values(f.quantiles).map((d) => dayNumber(d) - t) as Prediction['q']) : null,
        },
        'one-year': pointForecast(oneYearAfter(waited)),
        'empirical-gaps': empiricalForecast(gaps.all, waited),
        'platform-median': pointForecast(platformMedian(gaps, show.platform, waited)),
      };
      cases.push({
        cutoff,
        show: show.id,
        actual: next ? dayNumber(next.premiered) - t : null,
        observed: Math.min(end, histories[i]?.checkedUntil ? dayNumber(histories[i]?.checkedUntil as string) : end) - t,
        decided: f.basis !== 'waiting',
        waited,
        predictions,
      });
    });
  }
  return cases;
}

function observedGaps(histories: ShowHistory[]) {
  const all: number[] = [];
  const byPlatform = new Map<string, number[]>();
  for (const show of histories) {
    const platform = normalisePlatform(show.platform) ?? '';
    show.seasons.forEach((s, i) => {
      const next = show.seasons[i + 1];
      if (!next) return;
      const gap = dayNumber(next.premiered) - dayNumber(s.premiered);
      if (gap <= 0) return;
      all.push(gap);
      byPlatform.set(platform, [...(byPlatform.get(platform) ?? []), gap]);
    });
  }
  all.sort((a, b) => a - b);
  return { all, byPlatform };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 365 : (s[Math.floor((s.length - 1) / 2)] as number);
}

/** Baseline (a): the next season a year after the last one (or the next anniversary still ahead). */
function oneYearAfter(waited: number): number {
  return 365 * Math.max(1, Math.ceil((waited + 1) / 365)) - waited;
}

/** Baseline (c): the platform's median gap after the last season (at least 3 gaps, else everyone's). */
function platformMedian(gaps: ReturnType<typeof observedGaps>, platform: string | null, waited: number): number {
  const own = gaps.byPlatform.get(normalisePlatform(platform) ?? '') ?? [];
  const gap = median(own.length >= 3 ? own : gaps.all);
  return gap > waited ? gap - waited : oneYearAfter(waited);
}

/** A point forecast as a distribution: 90% in its month, 10% spread over all outcomes (so log scores stay finite). */
function pointForecast(days: number): Prediction {
  const month = Math.min(BINS, Math.floor(days / MONTH_DAYS));
  const byMonth: number[] = [];
  for (let m = 0; m <= BINS; m++) byMonth.push(Math.min(1, (m > month ? 0.9 : 0) + (0.1 * m) / (BINS + 1)));
  const within = (limit: number) => (days <= limit ? 1 : 0);
  return { p365: within(365), p730: within(730), byMonth, q: [days, days, days, days, days] };
}

/** Baseline (b): every observed gap, as if every show came back (censoring ignored). */
function empiricalForecast(gaps: number[], waited: number): Prediction {
  const left = gaps.filter((g) => g > waited).map((g) => g - waited);
  if (left.length === 0) return pointForecast(oneYearAfter(waited));
  const cdf = (d: number) => left.filter((g) => g <= d).length / left.length;
  const at = (q: number) => left[Math.min(left.length - 1, Math.ceil(q * left.length) - 1)] as number;
  const byMonth: number[] = [];
  for (let m = 0; m <= BINS; m++) byMonth.push(cdf(m * MONTH_DAYS));
  return { p365: cdf(365), p730: cdf(730), byMonth, q: [at(0.1), at(0.25), at(0.5), at(0.75), at(0.9)] };
}

export interface Score {
  method: string;
  brier365: number;
  n365: number;
  brier730: number;
  n730: number;
  logScore: number;
  nLog: number;
  coverage50: number;
  coverage80: number;
  nIntervals: number;
  medianAbsErrorDays: number;
}

/** Scores each method on the cases whose outcome the data settles. */
export function score(cases: Case[], method: string): Score {
  let b365 = 0;
  let n365 = 0;
  let b730 = 0;
  let n730 = 0;
  let log = 0;
  let nLog = 0;
  let in50 = 0;
  let in80 = 0;
  let nInt = 0;
  const errors: number[] = [];
  for (const c of cases) {
    const p = c.predictions[method];
    if (!p) continue;
    const happened = (limit: number) => c.actual !== null && c.actual <= limit;
    if (happened(365) || c.observed >= 365) {
      b365 += (p.p365 - (happened(365) ? 1 : 0)) ** 2;
      n365 += 1;
    }
    if (happened(730) || c.observed >= 730) {
      b730 += (p.p730 - (happened(730) ? 1 : 0)) ** 2;
      n730 += 1;
    }
    const settled = happened(BINS * MONTH_DAYS) || c.observed >= BINS * MONTH_DAYS;
    if (settled) {
      const bin = c.actual !== null && c.actual < BINS * MONTH_DAYS ? Math.floor(c.actual / MONTH_DAYS) : BINS;
      const mass = bin === BINS ? 1 - (p.byMonth[BINS] as number) : (p.byMonth[bin + 1] as number) - (p.byMonth[bin] as number);
      log += Math.log(Math.max(mass, 1e-4));
      nLog += 1;
    }
    if (c.actual !== null && p.q) {
      nInt += 1;
      if (c.actual >= p.q[1] && c.actual <= p.q[3]) in50 += 1;
      if (c.actual >= p.q[0] && c.actual <= p.q[4]) in80 += 1;
      errors.push(Math.abs(c.actual - p.q[2]));
    }
  }
  errors.sort((a, b) => a - b);
  return {
    method,
    brier365: n365 ? b365 / n365 : Number.NaN,
    n365,
    brier730: n730 ? b730 / n730 : Number.NaN,
    n730,
    logScore: nLog ? log / nLog : Number.NaN,
    nLog,
    coverage50: nInt ? in50 / nInt : Number.NaN,
    coverage80: nInt ? in80 / nInt : Number.NaN,
    nIntervals: nInt,
    medianAbsErrorDays: errors.length ? (errors[Math.floor((errors.length - 1) / 2)] as number) : Number.NaN,
  };
}

/** Predicted vs observed frequency of "premieres within 365 days", in ten bins of the prediction. */
export function reliability(cases: Case[], method: string): Array<{ predicted: number; observed: number; n: number }> {
  const bins = Array.from({ length: 10 }, () => ({ sumP: 0, hits: 0, n: 0 }));
  for (const c of cases) {
    const p = c.predictions[method];
    if (!p) continue;
    const hit = c.actual !== null && c.actual <= 365;
    if (!hit && c.observed < 365) continue;
    const bin = bins[Math.min(9, Math.floor(p.p365 * 10))] as (typeof bins)[number];
    bin.sumP += p.p365;
    bin.hits += hit ? 1 : 0;
    bin.n += 1;
  }
  return bins.filter((b) => b.n > 0).map((b) => ({ predicted: b.sumP / b.n, observed: b.hits / b.n, n: b.n }));
}
