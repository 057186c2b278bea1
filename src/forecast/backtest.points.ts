import { BINS, type Case, type Prediction } from './backtest.ts';
import { forecastNextSeason } from './forecast.rules.ts';
import type { Params } from './hazard.model.ts';
import { dayNumber, historyAsOf, isoFromDay, MONTH_DAYS, type ShowHistory } from './history.ts';
import { INDUSTRY_PAUSES, type PauseEvent } from './pauses.rules.ts';
import { normalisePlatform, type PlatformKind, platformKind } from './platforms.rules.ts';
import { everFeatures, trainModel } from './train.ts';

// The honest backtest: each (show, season) is asked "will there be another season, and when?" once at
// fixed points — 45 days, 6 months and 12 months after its premiere, and 10 days after each decision
// about what follows it — never again at every monthly cut-off. Baselines that can say "no" run on the
// same cases: climatology (the base rate at that point, learned from earlier cases settled by then) and a
// cancellation-aware rule (no when a cancellation or ending is known; otherwise the base rate of cases
// with none known).

export const POINTS = ['45 days', '6 months', '12 months', 'after a decision'] as const;
export type Point = (typeof POINTS)[number];
const OFFSETS: Array<[Point, number]> = [
  ['45 days', 45],
  ['6 months', 182],
  ['12 months', 365],
];
const AFTER_DECISION = 10;
/** Fewer earlier settled cases than this and the base rate is not known yet: the case is not scored. */
export const MIN_BASE = 20;
/** What a known cancellation leaves: a revival is rare, never impossible (keeps log scores finite). */
const AFTER_CANCELLATION = 0.01;

export const POINT_METHODS = ['model', 'climatology', 'cancellation-aware', 'popularity'] as const;

export interface PointCase extends Case {
  season: number;
  point: Point;
  /** The model's reading of the decisions known at the point: waiting, renewed, dated or ended. */
  basis: string;
  platform: string | null;
  platformKind: PlatformKind;
  premiereYear: number;
  /** Weeks in Netflix's Top 10 in the season's first lists, as known at the point ('0', '1', '2-3', '4+'); null where not measured. */
  top10: string | null;
  language: 'en' | 'other' | null;
  showKind: string | null;
}

interface Question {
  show: ShowHistory;
  season: number;
  premiered: string;
  point: Point;
  asOf: string;
  next: string | null;
}

/** Every (show, season, point) whose next season had not premiered by the point, up to `dataEnd`. */
export function questions(histories: ShowHistory[], dataEnd: string): Question[] {
  const out: Question[] = [];
  for (const show of histories) {
    const seasons = [...show.seasons].sort((a, b) => a.number - b.number);
    seasons.forEach((s, i) => {
      const next = seasons[i + 1]?.premiered ?? null;
      const start = dayNumber(s.premiered);
      const days = OFFSETS.map(([point, offset]): [Point, number] => [point, start + offset]);
      for (const d of show.decisions) {
        const about = d.kind === 'cancelled' || d.kind === 'ended' ? d.season === s.number : d.season === s.number + 1;
        if (about && d.date >= s.premiered && (next === null || d.date < next))
          days.push(['after a decision', dayNumber(d.date) + AFTER_DECISION]);
      }
      for (const [point, day] of days) {
        const asOf = isoFromDay(day);
        if (asOf > dataEnd || (next !== null && next <= asOf)) continue;
        out.push({ show, season: s.number, premiered: s.premiered, point, asOf, next });
      }
    });
  }
  return out.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

export function runPointBacktest({
  histories,
  dataEnd,
  prior,
  pauses = INDUSTRY_PAUSES,
}: {
  histories: ShowHistory[];
  dataEnd: string;
  prior: Params;
  pauses?: PauseEvent[];
}): PointCase[] {
  const end = dayNumber(dataEnd);
  const models = new Map<string, ReturnType<typeof trainModel>>();
  // One model per month, trained on what was known on its first day: never on anything after a point.
  let previous: ReturnType<typeof trainModel> | undefined;
  const modelFor = (asOf: string) => {
    const month = `${asOf.slice(0, 7)}-01`;
    let model = models.get(month);
    if (!model) {
      // Months come in order: each fit starts from the last one's.
      model = trainModel({ histories: histories.map((h) => historyAsOf(h, month)), asOf: month, prior, start: previous?.params, pauses });
      models.set(month, model);
      previous = model;
    }
    return model;
  };
  const cases: PointCase[] = questions(histories, dataEnd).map((q) => {
    const t = dayNumber(q.asOf);
    const show = historyAsOf(q.show, q.asOf);
    const model = modelFor(q.asOf);
    const f = forecastNextSeason({ show, model, asOf: q.asOf });
    const features = everFeatures(show, q.season, q.premiered, q.asOf, model.top10Through);
    return {
      cutoff: q.asOf,
      show: q.show.id,
      season: q.season,
      point: q.point,
      actual: q.next ? dayNumber(q.next) - t : null,
      observed: Math.min(end, q.show.checkedUntil ? dayNumber(q.show.checkedUntil) : end) - t,
      decided: f.basis !== 'waiting',
      basis: f.basis,
      waited: t - dayNumber(q.premiered),
      platform: normalisePlatform(q.show.platform),
      platformKind: platformKind(q.show.platform),
      premiereYear: Number(q.premiered.slice(0, 4)),
      top10: features.find((x) => /^top10:\d/.test(x))?.slice(6) ?? null,
      language: features.includes('lang:other') ? 'other' : q.show.language === 'en' || show.top10?.some((w) => w.english) ? 'en' : null,
      showKind: q.show.kind ?? null,
      predictions: {
        model: {
          pEver: f.pNext,
          p365: f.pWithin365,
          p730: f.pWithin730,
          byMonth: f.curve.slice(0, BINS + 1).map((c) => c.p),
          q: f.quantiles ? (Object.values(f.quantiles).map((d) => dayNumber(d) - t) as Prediction['q']) : null,
        },
      },
    };
  });
  addBaseRates(cases, 'climatology', () => true);
  addBaseRates(cases, 'cancellation-aware', (c) => c.basis !== 'ended');
  // The popularity rule: the cancellation-aware rule, its base rate taken among seasons with as many Top 10
  // weeks (that of all seasons until enough such seasons are settled).
  addBaseRates(
    cases,
    'popularity',
    (c) => c.basis !== 'ended',
    (c) => c.top10 ?? 'unmeasured',
    true,
  );
  for (const c of cases) {
    if (!c.predictions.climatology) continue;
    if (c.basis === 'ended') {
      c.predictions['cancellation-aware'] = flat(AFTER_CANCELLATION);
      c.predictions.popularity = flat(AFTER_CANCELLATION);
    }
    const fallback = c.predictions['cancellation-aware'] as Prediction;
    const own = c.predictions.popularity;
    c.predictions.popularity = !own ? fallback : Number.isNaN(own.p730) ? { ...fallback, p365: own.p365 } : own;
  }
  // Scored only where every method has its say: the base rate needs earlier settled cases.
  return cases.filter((c) => POINT_METHODS.every((m) => c.predictions[m]));
}

/**
 * The base rate for each case: among earlier cases at the same point (and passing `among`) whose outcome
 * the case's own as-of date already settles, the share whose next season came within 365 and 730 days,
 * and when (the monthly curve and the intervals, from cases settled for two years). Cases are in as-of
 * order, so each pool only grows: counts are kept as it does.
 */
function addBaseRates(
  cases: PointCase[],
  method: string,
  among: (c: PointCase) => boolean,
  group: (c: PointCase) => string = () => '',
  oneYearAlone = false,
): void {
  const TWO = Math.floor(BINS * MONTH_DAYS);
  const pools = new Map<string, PointCase[]>();
  for (const c of cases) {
    if (!among(c)) continue;
    const key = `${c.point}|${group(c)}`;
    const pool = pools.get(key);
    if (pool) pool.push(c);
    else pools.set(key, [c]);
  }
  for (const own of pools.values()) {
    const one = own.filter((o) => o.observed >= 365);
    const two = own.filter((o) => o.observed >= TWO);
    let i1 = 0;
    let i2 = 0;
    let within1 = 0;
    const byDay = new Array<number>(TWO + 1).fill(0); // cases settled for two years whose next season came on day d
    for (const c of own) {
      const t = dayNumber(c.cutoff);
      for (; i1 < one.length && dayNumber((one[i1] as PointCase).cutoff) + 365 <= t; i1++) {
        const a = (one[i1] as PointCase).actual;
        if (a !== null && a <= 365) within1 += 1;
      }
      for (; i2 < two.length && dayNumber((two[i2] as PointCase).cutoff) + TWO <= t; i2++) {
        const a = (two[i2] as PointCase).actual;
        const day = a === null || a > TWO ? -1 : Math.max(0, Math.floor(a));
        if (day >= 0) byDay[day] = (byDay[day] ?? 0) + 1;
      }
      if (i1 < MIN_BASE) continue;
      if (i2 < MIN_BASE) {
        // Too few settled for two years: the one-year rate alone, the rest left to a fallback.
        if (oneYearAlone) c.predictions[method] = { p365: within1 / i1, p730: Number.NaN, byMonth: [], q: null };
        continue;
      }
      const cumulative: number[] = [];
      byDay.reduce((sum, n, d) => (cumulative[d] = sum + n), 0);
      const cdf = (days: number) => (cumulative[Math.min(TWO, Math.floor(days))] as number) / i2;
      const came = cumulative[TWO] as number;
      const at = (p: number) => cumulative.findIndex((n) => n >= p * came);
      c.predictions[method] = {
        p365: within1 / i1,
        p730: cdf(730),
        byMonth: Array.from({ length: BINS + 1 }, (_, m) => cdf(m * MONTH_DAYS)),
        q: came > 0 ? [at(0.1), at(0.25), at(0.5), at(0.75), at(0.9)] : null,
      };
    }
  }
}

function flat(p: number): Prediction {
  return {
    p365: p,
    p730: p,
    byMonth: Array.from({ length: BINS + 1 }, (_, m) => (p * m) / BINS),
    q: null,
  };
}
