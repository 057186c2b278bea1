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
