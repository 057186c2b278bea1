import { formatNumber, type Lang, t } from '../lang/i18n.ts';
import type { Forecast } from './forecast.rules.ts';

// Small, dependency-free SVG charts. Text is escaped; sizes are in user units so they scale.

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Two shapes of the same chart: wide for a desktop column, narrow with larger type and fewer ticks for a phone. */
const SHAPES = {
  wide: { W: 640, H: 260, font: 11, everyMonths: 6, shares: [0, 0.25, 0.5, 0.75, 1] },
  narrow: { W: 360, H: 240, font: 12, everyMonths: 12, shares: [0, 0.5, 1] },
};
export type ChartShape = keyof typeof SHAPES;

/** Cumulative probability that the next season has premiered, by date, with the 80% interval shaded. */
export function forecastChartSvg(f: Forecast, title: string, lang: Lang = 'en', shape: ChartShape = 'wide'): string {
  const { W, H, font, everyMonths, shares } = SHAPES[shape];
  const PAD = { left: 46, right: shape === 'wide' ? 34 : 22, top: 16, bottom: 40 };
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const points = f.curve.slice(0, 37);
  if (points.length < 2) return '';
  const t0 = Date.parse(points[0]?.date as string);
  const t1 = Date.parse(points.at(-1)?.date as string);
  const x = (iso: string) => PAD.left + ((Date.parse(iso) - t0) / (t1 - t0)) * plotW;
  // The scale fits the curve, so a small chance is still visible.
  const top = Math.max(...points.map((pt) => pt.p));
  const yMax = [0.05, 0.1, 0.25, 0.5, 1].find((v) => v >= top * 1.1) ?? 1;
  const y = (p: number) => PAD.top + (1 - p / yMax) * plotH;
  const line = points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${x(pt.date).toFixed(1)},${y(pt.p).toFixed(1)}`).join(' ');
  const parts: string[] = [];
  const q = f.quantiles;
  if (q && Date.parse(q.p10) <= t1) {
    const left = x(q.p10);
    const right = Math.min(x(q.p90), PAD.left + plotW);
    parts.push(
      `<rect class="band" x="${left.toFixed(1)}" y="${PAD.top}" width="${Math.max(1, right - left).toFixed(1)}" height="${plotH}" fill="#dbe8f6"/>`,
    );
    if (Date.parse(q.p50) <= t1)
      parts.push(
        `<line class="median" x1="${x(q.p50).toFixed(1)}" x2="${x(q.p50).toFixed(1)}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#0b5cad" stroke-dasharray="4 3"/>`,
      );
  }
  const pct = (p: number, digits = 0) => formatNumber(lang, p, { style: 'percent', maximumFractionDigits: digits });
  for (const share of shares) {
    const p = share * yMax;
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(p)}" y2="${y(p)}" stroke="#d9dce0"/>`);
    parts.push(
      `<text class="tick" x="${PAD.left - 6}" y="${y(p) + 4}" text-anchor="end" font-size="${font}" fill="#5a5f66">${pct(p, 1)}</text>`,
    );
  }
  for (let i = 0; i < points.length; i += everyMonths) {
    const pt = points[i] as { date: string };
    // A label at the right edge ends there rather than running past the chart.
    const anchor = x(pt.date) + font * 2.2 > W ? 'end' : 'middle';
    parts.push(
      `<text class="tick" x="${x(pt.date).toFixed(1)}" y="${H - 18}" text-anchor="${anchor}" font-size="${font}" fill="#5a5f66">${pt.date.slice(0, 7)}</text>`,
    );
  }
  parts.push(`<path class="curve" d="${line}" fill="none" stroke="#1d1f21" stroke-width="2"/>`);
  const desc = q
    ? t(lang, 'chart.rises', { p365: pct(f.pWithin365), p730: pct(f.pWithin730), p10: q.p10, p90: q.p90, p50: q.p50 })
    : t(lang, 'chart.flat', { p730: pct(f.pWithin730) });
  const id = `fc-${shape}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-desc" class="forecast-chart chart-${shape}"><title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}

/** Reliability diagram: predicted probability against observed frequency, one series per method. */
export function reliabilitySvg(
  series: Array<{ name: string; color: string; points: Array<{ predicted: number; observed: number; n: number }> }>,
  title: string,
): string {
  const size = 360;
  const pad = 44;
  const s = size - pad * 2;
  const px = (p: number) => pad + p * s;
  const py = (p: number) => size - pad - p * s;
  const parts = [
    `<rect x="${pad}" y="${pad}" width="${s}" height="${s}" fill="none" stroke="#d9dce0"/>`,
    `<line x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="#8a9099" stroke-dasharray="4 3"/>`,
    `<text x="${size / 2}" y="${size - 8}" text-anchor="middle" font-size="12">predicted P(premiere within 365 days)</text>`,
    `<text x="12" y="${size / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 12 ${size / 2})">observed frequency</text>`,
  ];
  for (const p of [0, 0.5, 1]) {
    parts.push(`<text x="${px(p)}" y="${size - pad + 14}" text-anchor="middle" font-size="10">${p}</text>`);
    parts.push(`<text x="${pad - 6}" y="${py(p) + 3}" text-anchor="end" font-size="10">${p}</text>`);
  }
  series.forEach((ser, i) => {
    const path = ser.points.map((pt, j) => `${j === 0 ? 'M' : 'L'}${px(pt.predicted).toFixed(1)},${py(pt.observed).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${ser.color}" stroke-width="2"/>`);
    for (const pt of ser.points) {
      const r = Math.min(8, 2 + Math.sqrt(pt.n) / 3);
      parts.push(
        `<circle cx="${px(pt.predicted).toFixed(1)}" cy="${py(pt.observed).toFixed(1)}" r="${r.toFixed(1)}" fill="${ser.color}" fill-opacity="0.6"/>`,
      );
    }
    parts.push(
      `<rect x="${pad + 8}" y="${pad + 8 + i * 16}" width="10" height="10" fill="${ser.color}"/><text x="${pad + 22}" y="${pad + 17 + i * 16}" font-size="11">${esc(ser.name)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" class="reliability-chart"><title>${esc(title)}</title><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>\n`;
}

export function chartTitle(title: string, season: number, lang: Lang = 'en'): string {
  return t(lang, 'chart.title', { season, title });
}
