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

function everTable(cases: PointCase[]): string {
  const lines = ['| method | AUC of "ever gets a next season" | calls right (≥ 50% said yes) |', '|---|---|---|'];
  for (const m of POINT_METHODS) {
    const r = everRight(cases, m);
    lines.push(`| ${m} | ${fmt(everAuc(cases, m), 2)} | ${pct(r.right)} (n=${r.n}) |`);
  }
  return lines.join('\n');
}

/** Interval coverage of the model on cases whose next season came, by how long the whole wait was. */
function coverageByGap(cases: PointCase[]): string {
  const bands: Array<[string, number, number]> = [
    ['under 12 months', 0, 365],
    ['12–24 months', 365, 730],
    ['24 months or more', 730, Number.POSITIVE_INFINITY],
  ];
  const lines = ['| wait from premiere to premiere | cases | 50% interval coverage | 80% interval coverage |', '|---|---|---|---|'];
  for (const [label, lo, hi] of bands) {
    const xs = cases.filter((c) => c.actual !== null && c.waited + c.actual >= lo && c.waited + c.actual < hi);
    const r = score(xs, 'model');
    lines.push(`| ${label} | ${r.nIntervals} | ${pct(r.coverage50)} | ${pct(r.coverage80)} |`);
  }
  return lines.join('\n');
}

/** The model's reliability at one point: predicted against observed P(next season within 365 days). */
function reliabilityTable(cases: PointCase[]): string {
  const lines = ['| predicted (mean) | observed | cases |', '|---|---|---|'];
  for (const b of reliability(cases, 'model')) lines.push(`| ${pct(b.predicted)} | ${pct(b.observed)} | ${b.n} |`);
  return lines.join('\n');
}

const POINT_COLORS = ['#0b5cad', '#b42318', '#8a5a00', '#1a7f37'];

/** Reliability of the model's P(next season within 365 days) at each point, as one SVG. */
export function pointReliabilityChart(cases: PointCase[], title: string): string {
  return reliabilitySvg(
    POINTS.map((p, i) => ({
      name: p,
      color: POINT_COLORS[i] as string,
      points: reliability(
        cases.filter((c) => c.point === p),
        'model',
      ),
    })),
    title,
  );
}

/** The fixed-point backtest sliced by the questions readers ask, the undecided one first. */
export function pointReport(cases: PointCase[]): string {
  const question = (c: PointCase) => c.point === '45 days' && !c.decided;
  const head = [
    '### "Ever gets a next season", no decision known, 45 days after a premiere',
    '',
    everTable(cases.filter(question)),
    '',
    '### Interval coverage by the length of the wait, no decision known, 45 days after a premiere',
    '',
    coverageByGap(cases.filter(question)),
    '',
    ...POINTS.flatMap((p) => [
      `### Reliability of the model at ${p === 'after a decision' ? '10 days after a decision' : `${p} after a premiere`}`,
      '',
      reliabilityTable(cases.filter((c) => c.point === p)),
      '',
    ]),
  ].join('\n');
  const slices: Array<[string, (c: PointCase) => boolean]> = [
    ['No decision known, 45 days after a premiere (the reader’s question)', question],
    ['On Netflix, no decision known, 45 days after a premiere', (c) => c.platform === 'netflix' && question(c)],
    [
      'On Netflix, no decision known, 45 days after a premiere, Top 10 weeks measured',
      (c) => c.platform === 'netflix' && question(c) && c.top10 !== null,
    ],
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
    ['Language: English', (c) => c.language === 'en'],
    ['Language: not English', (c) => c.language === 'other'],
    ...[...new Set(cases.map((c) => c.showKind).filter((k): k is string => k !== null))]
      .sort()
      .map((k): [string, (c: PointCase) => boolean] => [`Show kind: ${k}`, (c) => c.showKind === k]),
  ];
  const body = slices
    .map(([title, keep]) => [title, cases.filter(keep)] as const)
    .filter(([, xs]) => xs.length > 0)
    .map(([title, xs]) => `### ${title}\n\n${skillTable(xs, POINT_METHODS)}`)
    .join('\n\n');
  return `${body}\n\n${head}`;
}
