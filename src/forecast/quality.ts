import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import type { QualitySummary } from './backtest.summary.ts';

// The backtest figures published on /about/forecasts: written by `nextseason backtest --summary`, read once.

export const QUALITY_DIR = path.join(PROJECT_ROOT, 'src/forecast/quality');
/** The data sets in the order the page shows them: the reader's streaming question first. */
const ORDER = ['netflix', 'catalogue', 'starter', 'economist'];

let loaded: QualitySummary[] | null = null;

export function forecastQuality(): QualitySummary[] {
  if (loaded) return loaded;
  const files = fs.existsSync(QUALITY_DIR) ? fs.readdirSync(QUALITY_DIR).filter((f) => f.endsWith('.json')) : [];
  const rank = (f: string) => {
    const i = ORDER.indexOf(path.basename(f, '.json'));
    return i < 0 ? ORDER.length : i;
  };
  loaded = files
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((f) => JSON.parse(fs.readFileSync(path.join(QUALITY_DIR, f), 'utf8')) as QualitySummary);
  return loaded;
}
