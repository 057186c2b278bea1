import { type Params, solveSpd } from './hazard.model.ts';

// The chance a season is ever followed by another: logistic(ever:base + Σ ever:feature). Each case's
// label is a weight in [0, 1] — 1 once the next season came or was ordered, 0 once the show was cancelled,
// and for a show still waiting the chance it is among those that will return (the mixture's E-step).

export const EVER = 'ever:';
const BASE = `${EVER}base`;

export interface EverCase {
  features: string[];
  /** Share of the case that comes back, 0 … 1. */
  y: number;
  /** How much the case counts (recent seasons count more). */
  weight: number;
}

function sigma(name: string): number {
  if (name === BASE) return 2;
  if (name.startsWith(`${EVER}top10:`)) return 1.5;
  return 1;
}

export function everNames(features: string[]): string[] {
  return [BASE, ...features.map((f) => EVER + f)];
}

export function pEver(params: Params, features: string[]): number {
  let eta = 0;
  for (const name of everNames(features)) eta += params[name] ?? 0;
  return 1 / (1 + Math.exp(-eta));
}

/** Maximum a posteriori fit by Newton's method. */
export function fitEver({
  cases,
  prior = {},
  start = {},
  iterations = 25,
}: {
  cases: EverCase[];
  prior?: Params;
  start?: Params;
  iterations?: number;
}): Params {
  const index = new Map<string, number>();
  const names: string[] = [];
  const register = (n: string) => {
    let i = index.get(n);
    if (i === undefined) {
      i = names.length;
      names.push(n);
      index.set(n, i);
    }
    return i;
  };
  register(BASE);
  for (const n of Object.keys(prior)) if (n.startsWith(EVER)) register(n);
  // Cases with the same features are pooled: the fit needs only their total weight and weighted label.
  const pooled = new Map<string, { idx: number[]; w: number; wy: number }>();
  for (const c of cases) {
    if (c.weight <= 0) continue;
    const key = c.features.join('|');
    let row = pooled.get(key);
    if (!row) {
      row = { idx: everNames(c.features).map(register), w: 0, wy: 0 };
      pooled.set(key, row);
    }
    row.w += c.weight;
    row.wy += c.weight * c.y;
  }
  const P = names.length;
  const mu = names.map((n) => prior[n] ?? 0);
  const inv = names.map((n) => 1 / sigma(n) ** 2);
  const theta = names.map((n, i) => start[n] ?? (mu[i] as number));
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(P);
    const hess = new Float64Array(P * P);
    for (const row of pooled.values()) {
      let eta = 0;
      for (const i of row.idx) eta += theta[i] as number;
      const p = 1 / (1 + Math.exp(-eta));
      const r = row.wy - row.w * p;
      const h = row.w * p * (1 - p);
      for (const i of row.idx) {
        grad[i] = (grad[i] as number) + r;
        for (const j of row.idx) hess[i * P + j] = (hess[i * P + j] as number) + h;
      }
    }
    for (let i = 0; i < P; i++) {
      grad[i] = (grad[i] as number) - ((theta[i] as number) - (mu[i] as number)) * (inv[i] as number);
      hess[i * P + i] = (hess[i * P + i] as number) + (inv[i] as number);
    }
    const step = solveSpd(hess, grad, P);
    let max = 0;
    for (let i = 0; i < P; i++) max = Math.max(max, Math.abs(step[i] as number));
    const scale = max > 1 ? 1 / max : 1;
    for (let i = 0; i < P; i++) theta[i] = (theta[i] as number) + scale * (step[i] as number);
    if (max < 1e-6) break;
  }
  const out: Params = {};
  names.forEach((n, i) => {
    out[n] = Math.round((theta[i] as number) * 1e6) / 1e6;
  });
  return out;
}
