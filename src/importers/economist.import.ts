import { parse } from 'csv-parse';
import type { ImportItem } from './import.run.ts';
import { WrongInputError } from './import.run.ts';
import { missingColumns, openInput } from './input.files.ts';
import type { ImportedShow } from './show.record.ts';

// `nextseason import economist-imdb FILE.csv`: one row per season of a TV drama (The Economist, IMDb data).
// Its date is the mean air date of the season's episodes: kept as that, never as a premiere.

const COLUMNS = ['titleId', 'seasonNumber', 'title', 'date', 'av_rating', 'share', 'genres'];
const GENRES: Record<string, string> = { 'Sci-Fi': 'Science-Fiction', Biography: 'History', Sport: 'Sports', 'Reality-TV': 'Reality' };
// The data's snapshot: ratings are as of when it was collected.
const RATINGS_AS_OF = { date: '2018-01-01', precision: 'year' as const };

export async function checkEconomistFile(file: string): Promise<void> {
  const missing = await missingColumns(file, COLUMNS);
  if (missing.length > 0)
    throw new WrongInputError(`${file} is not The Economist's IMDb ratings CSV: its header lacks ${missing.join(', ')}`);
}

export async function* economistItems(file: string): AsyncIterable<ImportItem> {
  const parser = openInput(file).pipe(parse({ columns: true, info: true, skip_empty_lines: true, bom: true }));
  let current: ImportedShow | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    const location = `${file}:${info.lines}`;
    const problem = (field: string, reason: string): ImportItem => ({ problem: { location, field, reason } });
    const id = (record.titleId ?? '').trim();
    if (!/^tt\d{7,9}$/.test(id)) {
      yield problem('titleId', `"${record.titleId}" is not an IMDb title id`);
      continue;
    }
    const season = Number(record.seasonNumber);
    if (!Number.isInteger(season) || season < 1 || season > 200) {
      yield problem('seasonNumber', `"${record.seasonNumber}" is not a season number`);
      continue;
    }
    const date = (record.date ?? '').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
      yield problem('date', `"${record.date}" is not a date (YYYY-MM-DD)`);
      continue;
    }
    const rating = Number(record.av_rating);
    if (!(rating >= 1 && rating <= 10)) {
      yield problem('av_rating', `"${record.av_rating}" is not a rating from 1 to 10`);
      continue;
    }
    const share = record.share === '' ? null : Number(record.share);
    if (share !== null && !(share >= 0 && share <= 100)) {
      yield problem('share', `"${record.share}" is not a percentage`);
      continue;
    }
    if (current && current.ids.imdb !== id) {
      yield { record: current };
      current = null;
    }
    if (current?.seasons?.some((s) => s.number === season)) {
      yield problem('seasonNumber', `season ${season} of ${id} appears twice`);
      continue;
    }
    const year = Number(date.slice(0, 4));
    current ??= {
      location,
      ids: { imdb: id },
      title: (record.title ?? '').trim(),
      type: 'scripted',
      genres: (record.genres ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean)
        .map((g) => GENRES[g] ?? g),
      years: [year, year],
      seasons: [],
      ratings: [],
    };
    const years = current.years as [number, number];
    current.years = [Math.min(years[0], year), Math.max(years[1], year)];
    current.seasons?.push({ number: season, meanAirDate: date });
    current.ratings?.push({ source: 'imdb', value: rating, share, season, asOf: RATINGS_AS_OF });
  }
  if (current) yield { record: current };
}
