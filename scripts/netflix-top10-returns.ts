// How often a Netflix season returned within one and two years, by its weeks in the global Top 10 in its
// first month (the forecaster's popularity feature), for seasons released from July 2021 to June 2022 —
// the first year of the Top 10 whose two-year outcome Netflix's own files settle.
// Usage: tsx scripts/netflix-top10-returns.ts netflix-seasons.csv top10.csv
// (netflix-seasons.csv from scripts/netflix-seasons.ts; top10.csv: Netflix's all-weeks-global file, unzipped)
import { readHistory } from '../src/forecast/contract.ts';
import { dayNumber } from '../src/forecast/history.ts';
import { everFeatures, top10Through } from '../src/forecast/train.ts';

const [seasonsFile, top10File] = process.argv.slice(2);
if (!seasonsFile || !top10File) {
  console.error('usage: tsx scripts/netflix-top10-returns.ts netflix-seasons.csv top10.csv');
  process.exit(2);
}
const DATA_END = '2024-06-30';
const histories = [...readHistory(seasonsFile, undefined, top10File).shows.values()];
const through = top10Through(histories, DATA_END);
const table = new Map<string, { n: number; year: number; twoYears: number }>();
for (const show of histories) {
  for (const season of show.seasons) {
    if (season.premiered < '2021-06-28' || season.premiered > '2022-06-30') continue;
    const bucket = everFeatures(show, season.number, season.premiered, DATA_END, through).find((f) => /^top10:\d/.test(f));
    const next = show.seasons.find((s) => s.number === season.number + 1);
    const gap = next ? dayNumber(next.premiered) - dayNumber(season.premiered) : Number.POSITIVE_INFINITY;
    const key = `${season.number === 1 ? 'first seasons' : 'later seasons'} | ${bucket?.slice(6) ?? 'not measured'}`;
    const row = table.get(key) ?? { n: 0, year: 0, twoYears: 0 };
    row.n += 1;
    row.year += gap <= 365 ? 1 : 0;
    row.twoYears += gap <= 730 ? 1 : 0;
    table.set(key, row);
  }
}
console.log('| seasons | weeks in the Top 10, first month | seasons | next within 1 year | within 2 years |\n|---|---|---|---|---|');
for (const [key, r] of [...table].sort(([a], [b]) => a.localeCompare(b))) {
  const [kind, weeks] = key.split(' | ');
  console.log(`| ${kind} | ${weeks} | ${r.n} | ${Math.round((100 * r.year) / r.n)}% | ${Math.round((100 * r.twoYears) / r.n)}% |`);
}
