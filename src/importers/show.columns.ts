import type { ImportedShow } from './show.record.ts';

// The one mapping from an imported show to the columns of `shows`, for the merge (show.writer.ts) and
// the set-based path for new shows (show.bulk.ts) alike.

/** The columns an import may set, with the type the bulk insert casts each to. */
export const SHOW_COLUMNS = [
  ['title', 'text'],
  ['original_title', 'text'],
  ['type', 'text'],
  ['origin_country', 'text'],
  ['original_language', 'text'],
  ['platform_id', 'int'],
  ['premiered', 'date'],
  ['ended', 'date'],
  ['synopsis', 'text'],
  ['official_site', 'text'],
  ['imdb_id', 'text'],
  ['tvmaze_id', 'int'],
  ['thetvdb_id', 'int'],
  ['netflix_id', 'text'],
  ['added_to_netflix', 'date'],
  ['popularity', 'int'],
] as const;

export type ShowColumn = (typeof SHOW_COLUMNS)[number][0];

/** What a new show gets where its source says nothing. */
export const NEW_SHOW_DEFAULTS: Partial<Record<ShowColumn, string>> = { type: 'scripted' };

/** The columns the record gives a value for, in SHOW_COLUMNS order; those it says nothing about are left out. */
export function showColumns(rec: ImportedShow, platformId: number | null): Array<[ShowColumn, string | number]> {
  const values: Record<ShowColumn, string | number | null | undefined> = {
    title: rec.title,
    original_title: rec.originalTitle,
    type: rec.type,
    origin_country: rec.country,
    original_language: rec.language,
    platform_id: platformId,
    premiered: rec.premiered,
    ended: rec.ended,
    synopsis: rec.synopsis,
    official_site: rec.officialSite,
    imdb_id: rec.ids.imdb,
    tvmaze_id: rec.ids.tvmaze,
    thetvdb_id: rec.ids.thetvdb,
    netflix_id: rec.ids.netflix,
    added_to_netflix: rec.addedToNetflix,
    popularity: rec.popularity,
  };
  return SHOW_COLUMNS.flatMap(([column]) => {
    const value = values[column];
    return value === undefined || value === null ? [] : [[column, value] as [ShowColumn, string | number]];
  });
}
