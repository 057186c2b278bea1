import type { ImportItem } from './import.run.ts';
import { WrongInputError } from './import.run.ts';
import { csvRows, missingColumns } from './input.files.ts';
import { firstCountry, parseDateAdded, parseSeasonCount, readListedIn, splitList } from './netflix.rules.ts';

// `nextseason import netflix-titles FILE.csv[.gz]`: the Kaggle Netflix catalogue; only "TV Show" rows become series.

const COLUMNS = [
  'show_id',
  'type',
  'title',
  'director',
  'cast',
  'country',
  'date_added',
  'release_year',
  'rating',
  'duration',
  'listed_in',
  'description',
];

export async function checkNetflixFile(file: string): Promise<void> {
  const missing = await missingColumns(file, COLUMNS);
  if (missing.length > 0) {
    throw new WrongInputError(
      `${file} is not the Netflix titles CSV: its header lacks ${missing.join(', ')} (expected ${COLUMNS.join(',')})`,
    );
  }
}

/** The day the Kaggle catalogue was taken (its latest date_added): every season it counts was on Netflix by then. */
const CATALOGUE_TAKEN_ON = '2021-09-25';

export async function* netflixItems(file: string): AsyncIterable<ImportItem> {
  for await (const { row: record, line } of csvRows(file)) {
    const location = `${file}:${line}`;
    if (record.type !== 'TV Show') continue;
    const problem = (field: string, reason: string): ImportItem => ({ problem: { location, field, reason } });
    const title = (record.title ?? '').trim();
    if (!title) {
      yield problem('title', 'is empty');
      continue;
    }
    const added = parseDateAdded(record.date_added ?? '');
    if (added === undefined) {
      yield problem('date_added', `"${record.date_added}" is not a date (expected 30-Jun-21 or June 30, 2021)`);
      continue;
    }
    const seasons = parseSeasonCount(record.duration ?? '');
    if (seasons === null) {
      yield problem('duration', `"${record.duration}" is not a season count (expected "N Season(s)")`);
      continue;
    }
    const year = Number(record.release_year);
    if (!Number.isInteger(year) || year < 1900 || year > 2100) {
      yield problem('release_year', `"${record.release_year}" is not a year`);
      continue;
    }
    const labels = readListedIn(record.listed_in ?? '');
    yield {
      record: {
        location,
        ids: { netflix: (record.show_id ?? '').trim() || null },
        title,
        type: labels.type,
        country: firstCountry(record.country ?? '') ?? labels.countryHint,
        language: labels.language,
        genres: labels.genres,
        synopsis: (record.description ?? '').trim() || null,
        addedToNetflix: added,
        // release_year is the year of the latest season then on Netflix: the show aired up to it.
        years: [year - 2 * seasons, year],
        seasons: Array.from({ length: seasons }, (_, i) => ({ number: i + 1, outBy: CATALOGUE_TAKEN_ON })),
        credits: [
          ...splitList(record.director).map((name) => ({ role: 'director', name })),
          ...splitList(record.cast).map((name) => ({ role: 'cast', name })),
        ],
      },
    };
  }
}
