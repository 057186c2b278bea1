// Writes The Economist's IMDb season data as a seasons.csv for `nextseason backtest --history` or
// `nextseason forecast --history`: show_id,title,platform,season,premiered (platform unknown, left empty).
// Usage: tsx scripts/economist-seasons.ts ../shared/data/imdb-economist-tv-ratings/IMDb_Economist_tv_ratings.csv > seasons.csv
import { readEconomistHistories } from '../src/forecast/prior.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx scripts/economist-seasons.ts IMDb_Economist_tv_ratings.csv > seasons.csv');
  process.exit(2);
}
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const lines = ['show_id,title,platform,season,premiered'];
for (const show of readEconomistHistories(file)) {
  const seen = new Set<number>();
  for (const s of show.seasons) {
    if (seen.has(s.number)) continue;
    seen.add(s.number);
    lines.push([show.id, quote(show.title), '', s.number, s.premiered].join(','));
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
