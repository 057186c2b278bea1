import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parseSeasonTitle } from '../lang/season.title.rules.ts';
import { normalizeText } from '../lang/text.rules.ts';
import { TOP10_COLUMNS, top10PublicOn } from '../lang/top10.format.ts';
import { type Forecast, forecastNextSeason } from './forecast.rules.ts';
import type { Params } from './hazard.model.ts';
import { type Decision, type DecisionKind, historyAsOf, type ShowHistory } from './history.ts';
import { INDUSTRY_PAUSES, type PauseEvent } from './pauses.rules.ts';
import { PRIOR_DATA_END } from './prior.ts';
import { type Model, top10Through, trainModel } from './train.ts';

// `nextseason forecast --history seasons.csv --queries queries.csv [--events events.csv] [--signals top10.csv]`:
// forecasts from plain files, reading no database. A query as of T sees only rows dated on or before T.

/** Bad input, with the file, line and field it is about. */
export class InputError extends Error {
  readonly code = 'input_invalid';
}

type Row = { line: number; fields: Record<string, string> };

function readCsv(file: string, columns: string[]): Row[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${(error as Error).message}`);
  }
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    });
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message}`);
  }
  const header =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0]
      ?.split(',')
      .map((h) => h.trim()) ?? [];
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new InputError(
      `${file}:1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header must include ${columns.join(',')})`,
    );
  return records.map((r) => ({ line: r.info.lines, fields: r.record }));
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function isoDate(file: string, row: Row, field: string): string {
  const value = row.fields[field] ?? '';
  const d = new Date(`${value}T00:00:00Z`);
  if (!ISO.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new InputError(`${file}:${row.line}: ${field}: "${value}" is not a date (YYYY-MM-DD)`);
  }
  return value;
}
function seasonNumber(file: string, row: Row, field: string): number {
  const value = row.fields[field] ?? '';
  if (!/^\d{1,4}$/.test(value)) throw new InputError(`${file}:${row.line}: ${field}: "${value}" is not a season number`);
  return Number(value);
}
function required(file: string, row: Row, field: string): string {
  const value = row.fields[field] ?? '';
  if (value === '') throw new InputError(`${file}:${row.line}: ${field}: is empty`);
  return value;
}

export interface FileHistory {
  shows: Map<string, ShowHistory>;
  /** Industry-wide stoppages from the events file (show_id `*`), besides the built-in ones. */
  pauses: PauseEvent[];
}

const DECISIONS: DecisionKind[] = ['renewed', 'cancelled', 'ended', 'date_announced'];
const PAUSE_KINDS: Record<string, PauseEvent['kind']> = { industry_pause_started: 'started', industry_pause_ended: 'ended' };

export function readHistory(seasonsFile: string, eventsFile?: string, signalsFile?: string): FileHistory {
  const shows = new Map<string, ShowHistory>();
  for (const row of readCsv(seasonsFile, ['show_id', 'title', 'platform', 'season', 'premiered'])) {
    const id = required(seasonsFile, row, 'show_id');
    if (id === '*') throw new InputError(`${seasonsFile}:${row.line}: show_id: "*" is kept for events about every show`);
    const season = { number: seasonNumber(seasonsFile, row, 'season'), premiered: isoDate(seasonsFile, row, 'premiered') };
    let show = shows.get(id);
    if (!show) {
      show = {
        id,
        title: row.fields.title ?? id,
        platform: row.fields.platform || null,
        genres: [],
        country: null,
        seasons: [],
        decisions: [],
      };
      shows.set(id, show);
    }
    if (show.seasons.some((s) => s.number === season.number))
      throw new InputError(`${seasonsFile}:${row.line}: season: show ${id} has season ${season.number} twice`);
    show.seasons.push(season);
  }
  const pauses: Array<PauseEvent & { line: number }> = [];
  if (eventsFile) {
    for (const row of readCsv(eventsFile, ['show_id', 'date', 'kind', 'season', 'value'])) {
      const id = required(eventsFile, row, 'show_id');
      const date = isoDate(eventsFile, row, 'date');
      if (id === '*') {
        const kind = PAUSE_KINDS[row.fields.kind ?? ''];
        if (!kind)
          throw new InputError(
            `${eventsFile}:${row.line}: kind: "${row.fields.kind}" is not one of ${Object.keys(PAUSE_KINDS).join(', ')} (show_id * is every show)`,
          );
        pauses.push({ date, kind, name: required(eventsFile, row, 'value'), line: row.line });
        continue;
      }
      const show = shows.get(id);
      if (!show) throw new InputError(`${eventsFile}:${row.line}: show_id: "${id}" has no seasons in ${seasonsFile}`);
      const kind = row.fields.kind as DecisionKind;
      if (!DECISIONS.includes(kind))
        throw new InputError(`${eventsFile}:${row.line}: kind: "${row.fields.kind}" is not one of ${DECISIONS.join(', ')}`);
      const decision: Decision = { date, kind, season: seasonNumber(eventsFile, row, 'season') };
      if (kind === 'date_announced') {
        decision.value = isoDate(eventsFile, row, 'value');
        decision.precision = 'day';
      }
      show.decisions.push(decision);
    }
    for (const p of pauses.filter((e) => e.kind === 'ended')) {
      if (!pauses.some((e) => e.kind === 'started' && e.name === p.name && e.date <= p.date))
        throw new InputError(`${eventsFile}:${p.line}: value: industry pause "${p.name}" ends on ${p.date} but has not started by then`);
    }
  }
  if (signalsFile) readSignals(signalsFile, shows);
  for (const show of shows.values()) show.seasons.sort((a, b) => a.number - b.number);
  return { shows, pauses: pauses.map(({ date, kind, name }) => ({ date, kind, name })) };
}

export const SIGNAL_COLUMNS = TOP10_COLUMNS;

/** Netflix Top 10 rows (its own weekly file's format), joined to the seasons file's shows by title. */
function readSignals(file: string, shows: Map<string, ShowHistory>): void {
  const byTitle = new Map<string, ShowHistory[]>();
  for (const show of shows.values()) {
    const key = normalizeText(show.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), show]);
  }
  for (const row of readCsv(file, SIGNAL_COLUMNS)) {
    const week = isoDate(file, row, 'week');
    const category = row.fields.category ?? '';
    if (category.startsWith('Films')) continue;
    if (category !== 'TV (English)' && category !== 'TV (Non-English)')
      throw new InputError(
        `${file}:${row.line}: category: "${category}" is not one of TV (English), TV (Non-English), Films (English), Films (Non-English)`,
      );
    const rank = row.fields.weekly_rank ?? '';
    if (!/^(?:[1-9]|10)$/.test(rank)) throw new InputError(`${file}:${row.line}: weekly_rank: "${rank}" is not a rank from 1 to 10`);
    const title = required(file, row, 'show_title');
    const seasonTitle = row.fields.season_title ?? '';
    const parsed = parseSeasonTitle(seasonTitle === 'N/A' || seasonTitle === '' ? title : seasonTitle, title);
    for (const show of byTitle.get(normalizeText(title)) ?? []) {
      show.top10 ??= [];
      show.top10.push({
        season: parsed.season,
        week,
        rank: Number(rank),
        public: top10PublicOn(week),
        english: category === 'TV (English)',
        limited: parsed.limited,
      });
    }
  }
}

export function readQueries(file: string, { shows }: FileHistory): Array<{ showId: string; asOf: string }> {
  return readCsv(file, ['show_id', 'as_of']).map((row) => {
    const showId = required(file, row, 'show_id');
    if (!shows.has(showId)) throw new InputError(`${file}:${row.line}: show_id: "${showId}" has no history in the seasons file`);
    return { showId, asOf: isoDate(file, row, 'as_of') };
  });
}

export interface ContractLine {
  show_id: string;
  as_of: string;
  next_season: number;
  p_next: number;
  p_within_365: number;
  p_within_730: number;
  quantiles: Forecast['quantiles'];
}

/** The model is refitted on the first of each month: a query uses the latest fit on or before its as-of day. */
export const fitDay = (asOf: string) => `${asOf.slice(0, 8)}01`;

export function answerQueries(
  { shows, pauses }: FileHistory,
  queries: Array<{ showId: string; asOf: string }>,
  prior: Params,
): ContractLine[] {
  const all = [...shows.values()];
  const industry = [...INDUSTRY_PAUSES, ...pauses];
  const models = new Map<string, Model>();
  let previous: Model | undefined;
  for (const day of [...new Set(queries.map((q) => fitDay(q.asOf)))].sort()) {
    // The built-in prior and stoppages are used only from their own dates on.
    previous = trainModel({
      histories: all.map((h) => historyAsOf(h, day)),
      asOf: day,
      prior: day >= PRIOR_DATA_END ? prior : {},
      start: previous?.params,
      pauses: industry,
    });
    models.set(day, previous);
  }
  // What a forecast reads beyond the fit itself is taken on its own as-of day: the Top 10 lists out and the stoppages begun.
  const onDay = new Map<string, Model>();
  const modelOn = (asOf: string) => {
    let model = onDay.get(asOf);
    if (!model) {
      model = {
        ...(models.get(fitDay(asOf)) as Model),
        top10Through: top10Through(all, asOf),
        pauses: industry.filter((p) => p.date <= asOf),
      };
      onDay.set(asOf, model);
    }
    return model;
  };
  return queries.map(({ showId, asOf }) => {
    const model = modelOn(asOf);
    const f = forecastNextSeason({ show: historyAsOf(shows.get(showId) as ShowHistory, asOf), model, asOf });
    return {
      show_id: showId,
      as_of: asOf,
      next_season: f.nextSeason,
      p_next: f.pNext,
      p_within_365: f.pWithin365,
      p_within_730: f.pWithin730,
      quantiles: f.quantiles,
    };
  });
}
