import type { Bin, QualitySummary, Skill, Slice } from './backtest.summary.ts';
import { type Case, METHODS, score } from './backtest.ts';
import { reliabilitySvg } from './chart.svg.ts';

// The backtest as Markdown (FORECASTS.md) and a reliability diagram (SVG).

const fmt = (x: number | null, digits = 3) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));
const pct = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(0)}%`);

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

const signed = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`);

function skillTable(slice: Slice): string {
  const lines = [
    `${slice.cases} cases, ${slice.shows} shows.`,
    '',
    '| method | Brier 365 d | skill over climatology, 365 d [90% interval] | Brier 730 d | skill, 730 d [90% interval] | log score (monthly bins) | 50% / 80% interval coverage |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of slice.rows) {
    const skill = (s: Skill) =>
      r.method === 'climatology' ? '0 (the reference)' : `${signed(s.skill)} [${signed(s.low)}, ${signed(s.high)}]`;
    lines.push(
      `| ${r.method} | ${fmt(r.brier365)} (n=${r.n365}) | ${skill(r.skill365)} | ${fmt(r.brier730)} (n=${r.n730}) | ${skill(r.skill730)} | ${fmt(r.logScore, 2)} (n=${r.nLog}) | ${pct(r.coverage50)} / ${pct(r.coverage80)} (n=${r.nIntervals}) |`,
    );
  }
  return lines.join('\n');
}

function everTable(summary: QualitySummary): string {
  const lines = ['| method | AUC of "ever gets a next season" | calls right (≥ 50% said yes) |', '|---|---|---|'];
  for (const r of summary.ever) lines.push(`| ${r.method} | ${fmt(r.auc, 2)} | ${pct(r.right)} (n=${r.n}) |`);
  return lines.join('\n');
}

function coverageTable(summary: QualitySummary): string {
  const lines = ['| wait from premiere to premiere | cases | 50% interval coverage | 80% interval coverage |', '|---|---|---|---|'];
  for (const r of summary.coverageByGap) lines.push(`| ${r.label} | ${r.n} | ${pct(r.coverage50)} | ${pct(r.coverage80)} |`);
  return lines.join('\n');
}

function reliabilityTable(bins: Bin[]): string {
  const lines = ['| predicted (mean) | observed | cases |', '|---|---|---|'];
  for (const b of bins) lines.push(`| ${pct(b.predicted)} | ${pct(b.observed)} | ${b.n} |`);
  return lines.join('\n');
}

const POINT_COLORS = ['#0b5cad', '#b42318', '#8a5a00', '#1a7f37'];
/** A bin of fewer cases is noise, not a finding: the chart leaves it out (the tables keep it). */
const MIN_BIN = 10;

/** Reliability of the model's P(next season within 365 days) at each point, as one SVG. */
export function pointReliabilityChart(summary: QualitySummary, title: string): string {
  return reliabilitySvg(
    summary.reliability
      .map((r, i) => ({
        name: r.point,
        color: POINT_COLORS[i % POINT_COLORS.length] as string,
        points: r.bins.filter((b) => b.n >= MIN_BIN),
      }))
      .filter((series) => series.points.length > 0),
    title,
  );
}

/** The fixed-point backtest as Markdown: the slices, the reader's question first, then "ever", coverage and reliability. */
export function pointReport(summary: QualitySummary): string {
  return [
    ...summary.slices.flatMap((slice) => [`### ${slice.title}`, '', skillTable(slice), '']),
    '### "Ever gets a next season", no decision known, 45 days after a premiere',
    '',
    everTable(summary),
    '',
    '### Interval coverage by the length of the wait, no decision known, 45 days after a premiere',
    '',
    coverageTable(summary),
    '',
    ...summary.reliability.flatMap((r) => [`### Reliability of the model at ${r.point}`, '', reliabilityTable(r.bins), '']),
  ].join('\n');
}
