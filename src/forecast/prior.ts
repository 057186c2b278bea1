import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../config.ts';
import type { Params } from './hazard.model.ts';
import type { ShowHistory } from './history.ts';
import { trainModel } from './train.ts';

// The built-in prior: the hazard model fitted to The Economist's IMDb season data (TV dramas,
// 1990 – October 2018), so that every forecast starts from what was known before 2019.

export const PRIOR_FILE = path.join(PROJECT_ROOT, 'src/forecast/prior.json');
export const PRIOR_DATA_END = '2018-10-10';

export interface PriorFile {
  source: string;
  dataEnd: string;
  shows: number;
  spells: number;
  params: Params;
}

export function loadPrior(): Params {
  if (!fs.existsSync(PRIOR_FILE)) return {};
  return (JSON.parse(fs.readFileSync(PRIOR_FILE, 'utf8')) as PriorFile).params;
}

/** Season dates per show from the Economist CSV (titleId, seasonNumber, title, date, …, genres). */
export function readEconomistHistories(file: string): ShowHistory[] {
  const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const required = ['titleId', 'seasonNumber', 'title', 'date', 'genres'];
  const missing = required.filter((c) => !(c in (rows[0] ?? {})));
  if (missing.length > 0) throw new Error(`${file}: not the Economist IMDb ratings file (missing column ${missing.join(', ')})`);
  const shows = new Map<string, ShowHistory>();
  for (const row of rows) {
    const id = row.titleId as string;
    let show = shows.get(id);
    if (!show) {
      // Every show here is a drama: the genre says nothing, so it is left to the baseline.
      const genres = (row.genres ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g && g !== 'Drama');
      show = { id, title: row.title as string, platform: null, genres, country: null, seasons: [], decisions: [] };
      shows.set(id, show);
    }
    show.seasons.push({ number: Number(row.seasonNumber), premiered: row.date as string });
  }
  return [...shows.values()];
}

export function trainPrior(file: string): PriorFile {
  const histories = readEconomistHistories(file);
  const model = trainModel({ histories, asOf: PRIOR_DATA_END });
  // The data ends in 2018: the 2020s start from the latest era it knows.
  model.params['era:2020s'] = model.params['era:2015-19'] ?? 0;
  model.params['ever:era:2020s'] = model.params['ever:era:2015-19'] ?? 0;
  return {
    source: 'The Economist, "TV\'s golden age is real" (2018), IMDb-derived season dates, CC BY 4.0',
    dataEnd: PRIOR_DATA_END,
    shows: histories.length,
    spells: model.spells,
    params: model.params,
  };
}
