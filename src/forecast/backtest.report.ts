import { POINT_METHODS, POINTS, type PointCase } from './backtest.points.ts';
import { type Case, METHODS, reliability, score } from './backtest.ts';
import { reliabilitySvg } from './chart.svg.ts';

// The backtest as Markdown (FORECASTS.md) and a reliability diagram (SVG).

const fmt = (x: number, digits = 3) => (Number.isNaN(x) ? '—' : x.toFixed(digits));
const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(0)}%`);

export function scoreTable(cases: Case[]): string {
  const rows = METHODS.map((m) => score(cases, m));
  const lines = [
    '| method | Brier 365 d | Brier 730 d | log score (monthly bins) | 50% interval coverage | 80% interval coverage | median abs. error of p50 (days) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.method} | ${fmt(r.brier365)} (n=${r.n365}) | ${fmt(r.brier730)} (n=${r.n730}) | ${fmt(r.logScore, 2)} (n=${r.nLog}) | ${pct(r.coverage50)} | ${pct(r.coverage80)} (n=${r.nIntervals}) | ${fmt(r.medianAbsErrorDays, 0)} |`,
    ),
  ];
  const model = rows[0];
  const best = rows.slice(1).reduce((a, b) => (b.brier365 < a.brier365 ? b : a));
  if (model && !Number.isNaN(model.brier365)) {
    lines.push(
      '',
      `Brier (365 d) of the model against the best baseline (${best.method}): ${pct(1 - model.brier365 / best.brier365)} better.`,
    );
  }
  return lines.join('\n');
}

export function reliabilityChart(cases: Case[], title: string): string {
  const colors = ['#0b5cad', '#b42318', '#8a5a00', '#1a7f37'];
  return reliabilitySvg(
    METHODS.filter((m) => m !== 'one-year' && m !== 'platform-median').map((m, i) => ({
      name: m,
      color: colors[i] as string,
      points: reliability(cases, m),
    })),
    title,
  );
}

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

const signed = (x: number) => (Number.isNaN(x) ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`);

export function skillTable(cases: Case[], methods: readonly string[]): string {
  const shows = new Set(cases.map((c) => c.show)).size;
  const lines = [
    `${cases.length} cases, ${shows} shows.`,
    '',
    '| method | Brier 365 d | skill over climatology, 365 d [90% interval] | Brier 730 d | skill, 730 d [90% interval] | log score (monthly bins) | 50% / 80% interval coverage |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const m of methods) {
    const r = score(cases, m);
    const s1 = brierSkill(cases, m, 365);
    const s2 = brierSkill(cases, m, 730);
    const skill = (s: ReturnType<typeof brierSkill>) =>
      m === 'climatology' ? '0 (the reference)' : `${signed(s.skill)} [${signed(s.low)}, ${signed(s.high)}]`;
    lines.push(
      `| ${m} | ${fmt(r.brier365)} (n=${r.n365}) | ${skill(s1)} | ${fmt(r.brier730)} (n=${r.n730}) | ${skill(s2)} | ${fmt(r.logScore, 2)} (n=${r.nLog}) | ${pct(r.coverage50)} / ${pct(r.coverage80)} (n=${r.nIntervals}) |`,
    );
  }
  return lines.join('\n');
}

/** The fixed-point backtest sliced by the questions readers ask, the undecided one first. */
export function pointReport(cases: PointCase[]): string {
  const slices: Array<[string, (c: PointCase) => boolean]> = [
    ['No decision known, 45 days after a premiere (the reader’s question)', (c) => c.point === '45 days' && !c.decided],
    ['On Netflix, no decision known, 45 days after a premiere', (c) => c.platform === 'netflix' && c.point === '45 days' && !c.decided],
    ...POINTS.map((p): [string, (c: PointCase) => boolean] => [
      `Every case ${p === 'after a decision' ? '10 days after a decision' : `${p} after a premiere`}`,
      (c) => c.point === p,
    ]),
    ...(['streaming', 'cable', 'broadcast', 'unknown'] as const).map((k): [string, (c: PointCase) => boolean] => [
      `Platform kind: ${k}`,
      (c) => c.platformKind === k,
    ]),
    ['Seasons that premiered before 2019', (c) => c.premiereYear < 2019],
    ['Seasons that premiered 2019–2022', (c) => c.premiereYear >= 2019 && c.premiereYear <= 2022],
    ['Seasons that premiered in 2023 or later', (c) => c.premiereYear >= 2023],
  ];
  return slices
    .map(([title, keep]) => [title, cases.filter(keep)] as const)
    .filter(([, xs]) => xs.length > 0)
    .map(([title, xs]) => `### ${title}\n\n${skillTable(xs, POINT_METHODS)}`)
    .join('\n\n');
}
