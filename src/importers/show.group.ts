import { normalizeText } from '../lang/text.rules.ts';
import type { ImportItem } from './import.run.ts';
import type { ImportedShow } from './show.record.ts';

// Files with one row per season or per week (Netflix's Top 10, its engagement reports) name a show on many
// rows. Written row by row, two rows that disagree on a field (an original title, a spelling) would each
// overwrite the other on every run; gathered first, each show is one record and a rerun changes nothing.

/** The records of `items` joined per show title, in the order each show first appears; problems pass at once. */
export async function* oneRecordPerShow(items: AsyncIterable<ImportItem>): AsyncIterable<ImportItem> {
  const shows = new Map<string, ImportedShow>();
  for await (const item of items) {
    if (!('record' in item)) {
      yield item;
      continue;
    }
    const rec = item.record;
    const key = normalizeText(rec.title);
    const known = shows.get(key);
    if (!known) shows.set(key, { ...rec, seasons: [...(rec.seasons ?? [])] });
    else join(known, rec);
  }
  for (const record of shows.values()) yield { record };
}

function join(into: ImportedShow, rec: ImportedShow) {
  into.originalTitle ??= rec.originalTitle;
  into.platform ??= rec.platform;
  for (const season of rec.seasons ?? []) {
    const same = into.seasons?.find((s) => s.number === season.number);
    if (!same) into.seasons?.push(season);
    else {
      same.premiere ??= season.premiere;
      if (season.outBy && (!same.outBy || season.outBy < same.outBy)) same.outBy = season.outBy;
    }
  }
  into.top10 = [...(into.top10 ?? []), ...(rec.top10 ?? [])];
  into.engagement = [...(into.engagement ?? []), ...(rec.engagement ?? [])];
  into.events = [...(into.events ?? []), ...(rec.events ?? [])];
}
