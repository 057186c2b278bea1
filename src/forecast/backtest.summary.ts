import { POINT_METHODS, POINTS, type PointCase } from './backtest.points.ts';
import { type Case, reliability, score } from './backtest.ts';

// The fixed-point backtest's figures as data: FORECASTS.md and /about/forecasts are both written from it.

export interface Skill {
  skill: number | null;
  low: number | null;
  high: number | null;
}

export interface SkillRow {
  method: string;
  brier365: number | null;
  n365: number;
  skill365: Skill;
  brier730: number | null;
  n730: number;
  skill730: Skill;
  logScore: number | null;
  nLog: number;
  coverage50: number | null;
  coverage80: number | null;
  nIntervals: number;
}

export interface Slice {
  title: string;
  cases: number;
  shows: number;
  rows: SkillRow[];
}

export interface Bin {
  predicted: number;
  observed: number;
  n: number;
}

export interface QualitySummary {
  /** What was scored, e.g. "Netflix seasons from Netflix's own files". */
  label: string;
  /** The command that produced it. */
  command: string;
  dataEnd: string;
  shows: number;
  cases: number;
  slices: Slice[];
  ever: Array<{ method: string; auc: number | null; right: number | null; n: number }>;
  coverageByGap: Array<{ label: string; n: number; coverage50: number | null; coverage80: number | null }>;
  reliability: Array<{ point: string; bins: Bin[] }>;
}

/** NaN (nothing to score) becomes null, so the summary survives JSON. */
const num = (x: number) => (Number.isNaN(x) ? null : x);

/** A seeded generator, so a report is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Brier skill of `method` over climatology at a horizon, on the cases the data settles, with a 90%
 * interval from resampling shows (a show's cases stay together: they are not independent).
 */
export function brierSkill(
  cases: Case[],
  method: string,
  horizon: 365 | 730,
  reps = 400,
): { skill: number; low: number; high: number; n: number } {
  const byShow = new Map<string, [number, number]>();
  let n = 0;
  for (const c of cases) {
    const p = c.predictions[method];
    const base = c.predictions.climatology;
    if (!p || !base) continue;
    const hit = c.actual !== null && c.actual <= horizon;
    if (!hit && c.observed < horizon) continue;
    const y = hit ? 1 : 0;
    const key = horizon === 365 ? 'p365' : 'p730';
    const sums = byShow.get(c.show) ?? [0, 0];
    sums[0] += (p[key] - y) ** 2;
    sums[1] += (base[key] - y) ** 2;
    byShow.set(c.show, sums);
    n += 1;
  }
  const shows = [...byShow.values()];
  const skillOf = (sample: Array<[number, number]>) => {
    const [m, b] = sample.reduce((acc, s) => [acc[0] + s[0], acc[1] + s[1]], [0, 0]);
    return b > 0 ? 1 - m / b : Number.NaN;
  };
  const random = mulberry32(1);
  const draws = Array.from({ length: shows.length ? reps : 0 }, () =>
    skillOf(Array.from({ length: shows.length }, () => shows[Math.floor(random() * shows.length)] as [number, number])),
  )
    .filter((x) => !Number.isNaN(x))
    .sort((a, b) => a - b);
  const q = (p: number) => (draws.length ? (draws[Math.floor(p * (draws.length - 1))] as number) : Number.NaN);
  return { skill: skillOf(shows), low: q(0.05), high: q(0.95), n };
}

function skillRow(cases: Case[], method: string): SkillRow {
  const r = score(cases, method);
  const skill = (horizon: 365 | 730): Skill => {
    const s = brierSkill(cases, method, horizon);
    return { skill: num(s.skill), low: num(s.low), high: num(s.high) };
  };
  return {
    method,
    brier365: num(r.brier365),
    n365: r.n365,
    skill365: skill(365),
    brier730: num(r.brier730),
    n730: r.n730,
    skill730: skill(730),
    logScore: num(r.logScore),
    nLog: r.nLog,
    coverage50: num(r.coverage50),
    coverage80: num(r.coverage80),
    nIntervals: r.nIntervals,
  };
}

/** Cases whose "ever" the data settles: the next season came, or none in two years of data. */
function everSettled(cases: PointCase[]): Array<{ c: PointCase; y: number }> {
  return cases.flatMap((c) => (c.actual !== null ? [{ c, y: 1 }] : c.observed >= 730 ? [{ c, y: 0 }] : []));
}

const everScore = (c: PointCase, method: string) => {
  const p = c.predictions[method];
  return p ? (p.pEver ?? p.p730) : Number.NaN;
};

/** Area under the ROC curve of a method's "ever" score (ties count half): 0.5 is chance, 1 perfect. */
export function everAuc(cases: PointCase[], method: string): number {
  const scored = everSettled(cases)
    .map(({ c, y }) => ({ s: everScore(c, method), y }))
    .filter((x) => !Number.isNaN(x.s))
    .sort((a, b) => a.s - b.s);
  const pos = scored.filter((x) => x.y === 1).length;
  const neg = scored.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  let rankSum = 0;
  for (let i = 0; i < scored.length; ) {
    let j = i;
    while (j < scored.length && (scored[j] as { s: number }).s === (scored[i] as { s: number }).s) j++;
    const rank = (i + 1 + j) / 2; // mean rank of the tied block
    for (let k = i; k < j; k++) if ((scored[k] as { y: number }).y === 1) rankSum += rank;
    i = j;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Share of settled cases where "ever" ≥ 50% and a next season came, or < 50% and none did. */
export function everRight(cases: PointCase[], method: string): { right: number; n: number } {
  const settled = everSettled(cases).filter(({ c }) => !Number.isNaN(everScore(c, method)));
  const right = settled.filter(({ c, y }) => (everScore(c, method) >= 0.5 ? 1 : 0) === y).length;
  return { right: settled.length ? right / settled.length : Number.NaN, n: settled.length };
}

const GAP_BANDS: Array<[string, number, number]> = [
  ['under 12 months', 0, 365],
  ['12–24 months', 365, 730],
  ['24 months or more', 730, Number.POSITIVE_INFINITY],
];

/** The reader's question: a season out for 45 days, nothing decided. */
export const readersQuestion = (c: PointCase) => c.point === '45 days' && !c.decided;

const pointName = (p: string) => (p === 'after a decision' ? '10 days after a decision' : `${p} after a premiere`);

/** The slices a reader asks about, the undecided one first. */
function slices(cases: PointCase[]): Array<[string, (c: PointCase) => boolean]> {
  const netflix = (c: PointCase) => c.platform === 'netflix' && readersQuestion(c);
  return [
    ['No decision known, 45 days after a premiere (the reader’s question)', readersQuestion],
    ['On Netflix, no decision known, 45 days after a premiere', netflix],
    ['On Netflix, no decision known, 45 days after a premiere, Top 10 weeks measured', (c) => netflix(c) && c.top10 !== null],
    ...POINTS.map((p): [string, (c: PointCase) => boolean] => [`Every case ${pointName(p)}`, (c) => c.point === p]),
    ...(['streaming', 'cable', 'broadcast', 'unknown'] as const).map((k): [string, (c: PointCase) => boolean] => [
      `Platform kind: ${k}`,
      (c) => c.platformKind === k,
    ]),
    ['Seasons that premiered before 2019', (c) => c.premiereYear < 2019],
    ['Seasons that premiered 2019–2022', (c) => c.premiereYear >= 2019 && c.premiereYear <= 2022],
    ['Seasons that premiered in 2023 or later', (c) => c.premiereYear >= 2023],
    ['Language: English', (c) => c.language === 'en'],
    ['Language: not English', (c) => c.language === 'other'],
    ...[...new Set(cases.map((c) => c.showKind).filter((k): k is string => k !== null))]
      .sort()
      .map((k): [string, (c: PointCase) => boolean] => [`Show kind: ${k}`, (c) => c.showKind === k]),
  ];
}

export function summarise(cases: PointCase[], about: { label: string; command: string; dataEnd: string; shows: number }): QualitySummary {
  const asked = cases.filter(readersQuestion);
  return {
    ...about,
    cases: cases.length,
    slices: slices(cases)
      .map(([title, keep]) => [title, cases.filter(keep)] as const)
      .filter(([, xs]) => xs.length > 0)
      .map(([title, xs]) => ({
        title,
        cases: xs.length,
        shows: new Set(xs.map((c) => c.show)).size,
        rows: POINT_METHODS.map((m) => skillRow(xs, m)),
      })),
    ever: POINT_METHODS.map((method) => {
      const r = everRight(asked, method);
      return { method, auc: num(everAuc(asked, method)), right: num(r.right), n: r.n };
    }),
    coverageByGap: GAP_BANDS.map(([label, lo, hi]) => {
      const r = score(
        asked.filter((c) => c.actual !== null && c.waited + c.actual >= lo && c.waited + c.actual < hi),
        'model',
      );
      return { label, n: r.nIntervals, coverage50: num(r.coverage50), coverage80: num(r.coverage80) };
    }),
    reliability: POINTS.map((point) => ({
      point: pointName(point),
      bins: reliability(
        cases.filter((c) => c.point === point),
        'model',
      ),
    })),
  };
}
