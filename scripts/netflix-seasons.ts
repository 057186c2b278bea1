// Writes the Netflix seasons of Netflix's own files as a seasons.csv for `nextseason backtest --history` or
// `nextseason forecast --history` (show_id,title,platform,season,premiered), to be used with the Top 10 file
// itself as `--signals`. Release dates come from the engagement reports: Netflix's own titles, released
// 2010 – June 2024, so the data is complete to 2024-06-30 (about half of the later seasons never reach the
// Top 10, which therefore cannot date them). Only a show's seasons numbered without a gap are kept.
// Usage: tsx scripts/netflix-seasons.ts ../shared/data > netflix-seasons.csv
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { parseSeasonTitle } from '../src/lang/season.title.rules.ts';
import { normalizeText, slugify } from '../src/lang/text.rules.ts';

// Data: Netflix, "What We Watched: A Netflix Engagement Report" (2023 H2, 2024 H1).
const data = process.argv[2];
if (!data) {
  console.error('usage: tsx scripts/netflix-seasons.ts SHARED_DATA_DIR > netflix-seasons.csv');
  process.exit(2);
}
const read = (file: string) =>
  parse(zlib.gunzipSync(fs.readFileSync(path.join(data, file))), { columns: true, skip_empty_lines: true, bom: true }) as Array<
    Record<string, string>
  >;

interface Show {
  title: string;
  dated: Map<number, string>;
}
const shows = new Map<string, Show>();
const showFor = (title: string) => {
  const key = normalizeText(title);
  let show = shows.get(key);
  if (!show) {
    show = { title, dated: new Map() };
    shows.set(key, show);
  }
  return show;
};

for (const file of ['netflix-engagement/2023Jul-Dec-TV.csv.gz', 'netflix-engagement/2024Jan-Jun-TV.csv.gz']) {
  for (const row of read(file)) {
    const released = row['Release Date'] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(released)) continue;
    const season = parseSeasonTitle(row.Title ?? '');
    const show = showFor(season.show);
    const known = show.dated.get(season.season);
    if (!known || released < known) show.dated.set(season.season, released);
  }
}
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const lines = ['show_id,title,platform,season,premiered'];
const ids = new Set<string>();
for (const show of shows.values()) {
  if (show.dated.size === 0) continue;
  let id = slugify(show.title);
  for (let n = 2; ids.has(id); n++) id = `${slugify(show.title)}-${n}`;
  ids.add(id);
  for (let season = 1; ; season++) {
    const premiered = show.dated.get(season);
    if (!premiered) break;
    lines.push([id, quote(show.title), 'Netflix', season, premiered].join(','));
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
