import { MONTH_DAYS } from './history.ts';

// A discrete-time survival model of the wait from one season's premiere to the next:
// the chance the next season premieres in month k (given it has not yet) is
//   logistic(baseline[k] + kind×time-band + platform + season number + era + genre + country).
// Censored waits (still waiting) contribute only the months they were observed. Parameters get a
// Gaussian prior centred on built-in values (learned from older data) — small groups stay near it.

export const BASE_MONTHS = 72;
export type Params = Record<string, number>;

export interface Spell {
  /** Static features, such as 'platform:netflix', 'season:1', 'era:2015', 'genre:comedy'. */
  features: string[];
  /** Platform kind, which shapes the hazard over time. */
  kind: string;
  /** Days observed: to the next premiere (event) or to the cut-off (censored). */
  days: number;
  event: boolean;
  /** Features of single months (by month of the wait), such as a production stoppage. */
  monthly?: Record<number, string[]>;
  /** How much the spell counts (the mixture's share of it that will return, times its recency); 1 if unset. */
  weight?: number;
}

export function baseParam(month: number): string {
  return month < BASE_MONTHS ? `m${month}` : 'mtail';
}

/** Coarse time bands in which a platform kind may differ from the baseline. */
export function band(month: number): number {
  return month < 9 ? 0 : month < 15 ? 1 : month < 24 ? 2 : month < 48 ? 3 : 4;
}

/** The parameters active in one month of a wait; an unknown platform kind is the baseline itself. */
export function monthFeatures(month: number, kind: string, features: string[], monthly: string[] = []): string[] {
  const base = kind === 'unknown' ? [baseParam(month)] : [baseParam(month), `kind:${kind}@${band(month)}`];
  return [...base, ...features, ...monthly];
}

// How far each kind of parameter may move from its prior: baselines freely, small groups little.
export function priorSigma(name: string): number {
  if (name === 'mtail' || /^m\d+$/.test(name)) return 3;
  if (name.startsWith('kind:streaming')) return 2; // the broadcast prior says little about streaming's rhythm
  if (name.startsWith('kind:')) return 1;
  if (name.startsWith('season:') || name.startsWith('era:') || name.startsWith('top10:')) return 0.75;
  return 0.5;
}
const SMOOTH_SIGMA = 0.35; // month-to-month change of the baseline, relative to the prior

/**
 * Person-months, grouped: one row per distinct (month, features), and for each spell the row of each
 * month it counts. It depends only on the spells' features, so EM rounds that change only weights share it.
 */
export interface Design {
  names: string[];
  /** Parameter indices active in each row. */
  rows: number[][];
  /** Per spell, the row of each month counted (a censored spell's last, partial month is not). */
  cells: Int32Array[];
  /** Per spell, the row of its event month, or -1. */
  eventRow: Int32Array;
  /** Per censored spell, the row of the partial month it was still waiting in (not counted), or -1. */
  partialRow: Int32Array;
}

/** The last month of a wait the fit counts (month 119: ten years). */
const MAX_MONTH = 119;

export function hazardDesign(spells: Spell[], prior: Params = {}): Design {
  const names: string[] = [];
  const index = new Map<string, number>();
  const register = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = names.length;
      names.push(name);
      index.set(name, i);
    }
    return i;
  };
  for (let m = 0; m < BASE_MONTHS; m++) register(baseParam(m));
  register('mtail');
  for (const name of Object.keys(prior)) if (!name.startsWith('ever:')) register(name);
  // Rows are keyed by numbers (feature set, month, month's own features), not strings: there are millions of person-months.
  const featureSets = new Map<string, number>();
  const monthSets = new Map<string, number>([['', 0]]);
  const rowOf = new Map<number, number>();
  const rows: number[][] = [];
  const eventRow = new Int32Array(spells.length).fill(-1);
  const partialRow = new Int32Array(spells.length).fill(-1);
  const rowFor = (spell: Spell, set: number, month: number) => {
    const own = spell.monthly?.[month]?.join('|') ?? '';
    let code = monthSets.get(own);
    if (code === undefined) {
      code = monthSets.size;
      monthSets.set(own, code);
    }
    const key = (set * (MAX_MONTH + 2) + month) * 1024 + code;
    let row = rowOf.get(key);
    if (row === undefined) {
      row = rows.length;
      rows.push(monthFeatures(month, spell.kind, spell.features, spell.monthly?.[month]).map(register));
      rowOf.set(key, row);
    }
    return row;
  };
  const cells = spells.map((spell, s) => {
    const setKey = `${spell.kind}|${spell.features.join('|')}`;
    let set = featureSets.get(setKey);
    if (set === undefined) {
      set = featureSets.size;
      featureSets.set(setKey, set);
    }
    const eventMonth = Math.floor(spell.days / MONTH_DAYS);
    const last = Math.min(spell.event ? eventMonth : eventMonth - 1, MAX_MONTH);
    const out = new Int32Array(Math.max(0, last + 1));
    for (let month = 0; month <= last; month++) out[month] = rowFor(spell, set, month);
    if (spell.event && eventMonth <= MAX_MONTH) eventRow[s] = out[eventMonth] as number;
    if (!spell.event && eventMonth <= MAX_MONTH) partialRow[s] = rowFor(spell, set, eventMonth);
    return out;
  });
  return { names, rows, cells, eventRow, partialRow };
}

/** Each row's monthly hazard under `params` (a missing baseline month counts as −3, any other name as 0). */
export function rowHazards(design: Design, params: Params): Float64Array {
  const theta = design.names.map((n) => params[n] ?? (n === 'mtail' || /^m\d+$/.test(n) ? -3 : 0));
  const out = new Float64Array(design.rows.length);
  design.rows.forEach((idx, k) => {
    let eta = 0;
    for (const i of idx) eta += theta[i] as number;
    out[k] = 1 / (1 + Math.exp(-eta));
  });
  return out;
}

export interface FitResult {
  params: Params;
  iterations: number;
  spells: number;
  events: number;
}

/** Maximum a posteriori fit by Newton's method. */
export function fitHazard({
  spells,
  prior = {},
  start = {},
  maxIterations = 60,
  design,
  weights,
}: {
  spells: Spell[];
  /** Each spell's weight, instead of its own `weight`. */
  weights?: ArrayLike<number>;
  prior?: Params;
  start?: Params;
  maxIterations?: number;
  /** From hazardDesign(spells, prior), when the same spells are fitted again with other weights. */
  design?: Design;
}): FitResult {
  const { names, rows, cells, eventRow } = design ?? hazardDesign(spells, prior);
  const trials = new Float64Array(rows.length);
  const events = new Float64Array(rows.length);
  spells.forEach((spell, i) => {
    const w = weights ? (weights[i] as number) : (spell.weight ?? 1);
    if (w <= 0) return;
    for (const row of cells[i] as Int32Array) trials[row] = (trials[row] as number) + w;
    const e = eventRow[i] as number;
    if (e >= 0) events[e] = (events[e] as number) + w;
  });
  const P = names.length;
  const mu = names.map((n) => prior[n] ?? (n.startsWith('m') && !n.includes(':') ? -3 : 0));
  const inv = names.map((n) => 1 / priorSigma(n) ** 2);
  const theta = names.map((n, i) => start[n] ?? (mu[i] as number)); // a warm start only saves iterations: the optimum is unique
  const smooth = 1 / SMOOTH_SIGMA ** 2;

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const grad = new Float64Array(P);
    const hess = new Float64Array(P * P);
    rows.forEach((idx, k) => {
      const n = trials[k] as number;
      if (n <= 0) return;
      let eta = 0;
      for (const i of idx) eta += theta[i] as number;
      const p = 1 / (1 + Math.exp(-eta));
      const r = (events[k] as number) - n * p;
      const w = n * p * (1 - p);
      for (const i of idx) {
        grad[i] = (grad[i] as number) + r;
        for (const j of idx) hess[i * P + j] = (hess[i * P + j] as number) + w;
      }
    });
    for (let i = 0; i < P; i++) {
      grad[i] = (grad[i] as number) - ((theta[i] as number) - (mu[i] as number)) * (inv[i] as number);
      hess[i * P + i] = (hess[i * P + i] as number) + (inv[i] as number);
    }
    // Random-walk smoothing of the monthly baseline (deviations from the prior move together).
    for (let m = 1; m <= BASE_MONTHS; m++) {
      const a = m - 1;
      const b = m; // index of m{m}, or mtail when m = BASE_MONTHS
      const d = (theta[b] as number) - (mu[b] as number) - ((theta[a] as number) - (mu[a] as number));
      grad[a] = (grad[a] as number) + d * smooth;
      grad[b] = (grad[b] as number) - d * smooth;
      hess[a * P + a] = (hess[a * P + a] as number) + smooth;
      hess[b * P + b] = (hess[b * P + b] as number) + smooth;
      hess[a * P + b] = (hess[a * P + b] as number) - smooth;
      hess[b * P + a] = (hess[b * P + a] as number) - smooth;
    }
    const step = solveSpd(hess, grad, P);
    let maxStep = 0;
    for (let i = 0; i < P; i++) maxStep = Math.max(maxStep, Math.abs(step[i] as number));
    const scale = maxStep > 1 ? 1 / maxStep : 1; // damped: far from the optimum a full Newton step overshoots
    for (let i = 0; i < P; i++) theta[i] = (theta[i] as number) + scale * (step[i] as number);
    if (maxStep < 1e-6) break;
  }
  const params: Params = {};
  names.forEach((n, i) => {
    params[n] = Math.round((theta[i] as number) * 1e6) / 1e6;
  });
  return { params, iterations, spells: spells.length, events: spells.filter((s) => s.event).length };
}

/** Solves A x = b for a symmetric positive-definite A (row-major, n×n) by Cholesky. */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / (l[j * n + j] as number);
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k++) sum -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * n + i] as number);
  }
  return x;
}

/** Monthly hazards for one show's wait, months 0 … months-1. Unknown features count as zero. */
export function monthlyHazards(
  params: Params,
  kind: string,
  features: string[],
  months: number,
  monthly: Record<number, string[]> = {},
): number[] {
  const out: number[] = [];
  for (let m = 0; m < months; m++) {
    let eta = 0;
    for (const name of monthFeatures(m, kind, features, monthly[m])) eta += params[name] ?? (name === baseParam(m) ? -3 : 0);
    out.push(1 / (1 + Math.exp(-eta)));
  }
  return out;
}

/** Probability of still waiting after `days`, from monthly hazards (constant within a month). */
export function survivalAt(hazards: number[], days: number): number {
  const t = Math.max(0, days) / MONTH_DAYS;
  const whole = Math.floor(t);
  let s = 1;
  for (let m = 0; m < whole && m < hazards.length; m++) s *= 1 - (hazards[m] as number);
  const h = hazards[Math.min(whole, hazards.length - 1)] as number;
  return s * (1 - h) ** (t - whole);
}
