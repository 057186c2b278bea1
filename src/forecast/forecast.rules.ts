import { type Basis, nextSeasonStatus, periodEnd } from './decisions.rules.ts';
import { pEver } from './ever.model.ts';
import { BASE_MONTHS, monthlyHazards, survivalAt } from './hazard.model.ts';
import { dayNumber, isoFromDay, MONTH_DAYS, type ShowHistory } from './history.ts';
import { pausesAsOf, stoppageMonths } from './pauses.rules.ts';
import { platformKind } from './platforms.rules.ts';
import { everFeatures, type Model, timingFeatures } from './train.ts';

export const HORIZON_DAYS = 2192; // six years
const REVIVAL = 0.02; // chance a cancelled or ended show returns within six years anyway
const DATED_HOLDS = 0.98; // chance a dated season does premiere
const DATED_ON_TIME = 0.85; // …on the announced day; otherwise within SLIP_DAYS after it
const SLIP_DAYS = 180;

export interface Quantiles {
  p10: string;
  p25: string;
  p50: string;
  p75: string;
  p90: string;
}

export interface Forecast {
  asOf: string;
  latestSeason: number | null;
  nextSeason: number;
  basis: Basis;
  pNext: number;
  pWithin365: number;
  pWithin730: number;
  quantiles: Quantiles | null;
  /** P(premiered by date), monthly from asOf: the chart's line. */
  curve: Array<{ date: string; p: number }>;
  /** Days since the latest premiere. */
  waitedDays: number | null;
}

/** The forecast for the season after the latest one, as of `asOf`, from facts dated on or before it. */
export function forecastNextSeason({ show, model, asOf }: { show: ShowHistory; model: Model; asOf: string }): Forecast {
  const seasons = show.seasons.filter((s) => s.premiered <= asOf).sort((a, b) => a.number - b.number);
  const latest = seasons.at(-1);
  const today = dayNumber(asOf);
  if (!latest) return empty(asOf, 'no_season');
  const start = dayNumber(latest.premiered);
  const waited = today - start;
  const status = nextSeasonStatus(show, latest.number, asOf);

  // cdf(d): probability the next season has premiered within d days after asOf.
  let cdf: (d: number) => number;
  let pNext: number;
  if (status.basis === 'ended') {
    // A revival is possible but rare: its small chance spread evenly over the horizon.
    const curve = curveOf((d) => Math.min(1, d / HORIZON_DAYS), REVIVAL, today);
    return {
      ...empty(asOf, 'ended'),
      latestSeason: latest.number,
      nextSeason: latest.number + 1,
      pNext: REVIVAL,
      waitedDays: waited,
      curve,
    };
  }
  if (status.basis === 'dated' && status.dated) {
    pNext = DATED_HOLDS;
    cdf = datedCdf(status.dated.day, status.dated.precision, today);
  } else {
    const months = Math.ceil((waited + HORIZON_DAYS) / MONTH_DAYS) + 2;
    const ever = everFeatures(show, latest.number, latest.premiered, asOf, model.top10Through);
    const length = Math.max(months, BASE_MONTHS + 1);
    const spans = pausesAsOf(
      model.pauses.filter((p) => p.date <= asOf),
      asOf,
    );
    const hazards = monthlyHazards(
      model.params,
      platformKind(show.platform),
      timingFeatures(show, latest.number, latest.premiered, ever),
      length,
      stoppageMonths(spans, start, length),
    );
    const S = (d: number) => survivalAt(hazards, d);
    if (status.basis === 'renewed' && status.renewedOn) {
      // Renewed: it will come (unless reversed). When: mostly by how long renewals have taken to reach
      // the screen; partly by the wait model's shape, never sooner than the usual shortest lead.
      const renewedDay = dayNumber(status.renewedOn);
      const from = Math.max(waited, renewedDay - start + model.lead.minLeadDays);
      const mass = S(from) - S(waited + HORIZON_DAYS);
      const shape = (d: number) => {
        if (mass <= 0) return Math.min(1, d / HORIZON_DAYS); // the model sees no return: spread evenly
        if (waited + d <= from) return 0;
        return Math.min(1, (S(from) - S(waited + d)) / mass);
      };
      const lead = renewalLeadCdf(model, platformKind(show.platform), today - renewedDay);
      pNext = model.lead.renewalHolds;
      cdf = lead ? (d) => LEAD_WEIGHT * lead(d) + (1 - LEAD_WEIGHT) * shape(d) : shape;
    } else {
      // A mixture: the chance it is a show that returns at all, updated by how long it has waited, then when.
      const returns = pEver(model.params, ever);
      const s0 = S(waited);
      const stillToReturn = (returns * s0) / (1 - returns + returns * s0);
      const reach = s0 > 0 ? 1 - S(waited + HORIZON_DAYS) / s0 : 0;
      pNext = stillToReturn * reach;
      cdf = (d) => (reach > 0 ? (1 - S(waited + d) / s0) / reach : 0);
    }
  }
  const quantiles = pNext < 0.05 ? null : quantilesOf(cdf, today);
  return {
    asOf,
    latestSeason: latest.number,
    nextSeason: latest.number + 1,
    basis: status.basis,
    pNext: round(pNext),
    pWithin365: round(pNext * cdf(365)),
    pWithin730: round(pNext * cdf(730)),
    quantiles,
    curve: curveOf(cdf, pNext, today),
    waitedDays: waited,
  };
}

const MIN_LEAD_EVENTS = 8;
const MIN_AT_RISK = 5; // renewals still waiting at this point, for their record to count
const LEAD_WEIGHT = 0.5;

/** P(premiere within d days) for a show renewed `elapsed` days ago, from the renewal → premiere waits on record. */
function renewalLeadCdf(model: Model, kind: string, elapsed: number): ((d: number) => number) | null {
  const own = model.lead.survival[kind];
  const km = own && own.events >= MIN_LEAD_EVENTS ? own : model.lead.survival['*'];
  if (!km || km.events < MIN_LEAD_EVENTS) return null;
  const S = (days: number) => {
    const t = Math.max(0, days) / MONTH_DAYS;
    const m = Math.min(Math.floor(t), km.s.length - 2);
    const a = km.s[m] as number;
    const b = km.s[m + 1] as number;
    return a + (b - a) * Math.min(1, t - m);
  };
  if ((km.atRisk[Math.min(Math.floor(elapsed / MONTH_DAYS), km.atRisk.length - 1)] ?? 0) < MIN_AT_RISK) return null;
  const s0 = S(elapsed);
  const reach = s0 - S(elapsed + HORIZON_DAYS);
  if (s0 <= 0 || reach <= 0.05 * s0) return null; // waited past anything on record
  return (d) => Math.min(1, (s0 - S(elapsed + d)) / reach);
}

function datedCdf(day: string, precision: string, today: number): (d: number) => number {
  const first = Math.max(dayNumber(day), today);
  if (precision === 'day') {
    return (d) => {
      const t = today + d;
      if (t < first) return 0;
      return DATED_ON_TIME + (1 - DATED_ON_TIME) * Math.min(1, (t - first) / SLIP_DAYS);
    };
  }
  const last = Math.max(dayNumber(periodEnd(day, precision)), first);
  return (d) => Math.min(1, Math.max(0, (today + d - first + 1) / (last - first + 1)));
}

function quantilesOf(cdf: (d: number) => number, today: number): Quantiles {
  const at = (q: number) => {
    let lo = 0;
    let hi = HORIZON_DAYS;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (cdf(mid) >= q) hi = mid;
      else lo = mid + 1;
    }
    return isoFromDay(today + lo);
  };
  return { p10: at(0.1), p25: at(0.25), p50: at(0.5), p75: at(0.75), p90: at(0.9) };
}

function curveOf(cdf: (d: number) => number, pNext: number, today: number): Forecast['curve'] {
  const points: Forecast['curve'] = [];
  for (let m = 0; m <= 48; m++) {
    const d = Math.round(m * MONTH_DAYS);
    points.push({ date: isoFromDay(today + d), p: round(pNext * cdf(d)) });
  }
  return points;
}

function empty(asOf: string, basis: Basis): Forecast {
  return {
    asOf,
    latestSeason: null,
    nextSeason: 1,
    basis,
    pNext: 0,
    pWithin365: 0,
    pWithin730: 0,
    quantiles: null,
    curve: [],
    waitedDays: null,
  };
}

function round(p: number): number {
  return Math.round(Math.min(1, Math.max(0, p)) * 10_000) / 10_000;
}
