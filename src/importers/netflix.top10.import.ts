import { parseSeasonTitle } from '../lang/season.title.rules.ts';
import { normalizeText } from '../lang/text.rules.ts';
import { TOP10_COLUMNS, top10PublicOn } from '../lang/top10.format.ts';
import type { ImportItem } from './import.run.ts';
import { WrongInputError } from './import.run.ts';
import { csvRows, missingColumns } from './input.files.ts';
import { count, firstLines, isoDay, viewing } from './netflix.figures.rules.ts';
import { oneRecordPerShow } from './show.group.ts';
import type { Top10Week } from './show.record.ts';

// `nextseason import netflix-top10 FILE.csv[.gz]`: Netflix's weekly global Top 10 ("all-weeks-global");
// every TV row is one week of one season. Films are left out.

const COLUMNS = TOP10_COLUMNS;
const TV_LISTS = new Set(['TV (English)', 'TV (Non-English)']);

export async function checkTop10File(file: string): Promise<void> {
  const missing = await missingColumns(file, COLUMNS);
  if (missing.length > 0)
    throw new WrongInputError(
      `${file} is not Netflix's Top 10 CSV: its header lacks ${missing.join(', ')} (expected ${COLUMNS.join(',')})`,
    );
}

export function top10Items(file: string): AsyncIterable<ImportItem> {
  return oneRecordPerShow(rows(file));
}

async function* rows(file: string): AsyncIterable<ImportItem> {
  const firstLine = firstLines();
  for await (const { row: r, line } of csvRows(file)) {
    if (!(r.category ?? '').startsWith('TV')) continue;
    const location = `${file}:${line}`;
    const problem = (field: string, reason: string): ImportItem => ({ problem: { location, field, reason } });
    const list = (r.category ?? '').trim() as Top10Week['list'];
    if (!TV_LISTS.has(list)) {
      yield problem('category', `"${r.category}" is not a TV list (expected ${[...TV_LISTS].join(' or ')})`);
      continue;
    }
    const week = isoDay(r.week);
    if (!week) {
      yield problem('week', `"${r.week}" is not a date (expected YYYY-MM-DD, the Sunday ending the week)`);
      continue;
    }
    const rank = count(r.weekly_rank);
    if (!rank || rank > 10) {
      yield problem('weekly_rank', `"${r.weekly_rank}" is not a rank from 1 to 10`);
      continue;
    }
    const viewed = viewing(['weekly_hours_viewed', r.weekly_hours_viewed], ['weekly_views', r.weekly_views?.replace(/\.0+$/, '')]);
    if ('field' in viewed) {
      yield problem(viewed.field, viewed.reason);
      continue;
    }
    const { hours, views } = viewed;
    const weeks = count(r.cumulative_weeks_in_top_10);
    if (!weeks) {
      yield problem('cumulative_weeks_in_top_10', `"${r.cumulative_weeks_in_top_10}" is not a number of weeks`);
      continue;
    }
    const show = (r.show_title ?? '').trim();
    // Some TV rows have no season title ("N/A"): the show's only season.
    const seasonTitle = (r.season_title ?? '').trim();
    const season = parseSeasonTitle(seasonTitle === '' || seasonTitle === 'N/A' ? show : seasonTitle, show);
    const first = firstLine(`${normalizeText(season.show)}|${season.season}|${week}|${list}`, line);
    if (first !== null) {
      yield problem('season_title', `"${seasonTitle}" is the same season in the same week as line ${first}; that line is kept`);
      continue;
    }
    yield {
      record: {
        location,
        ids: {},
        title: season.show,
        originalTitle: season.original,
        seasons: [{ number: season.season, outBy: week }],
        top10: [{ season: season.season, week, list, rank, hours, views, weeksInTop10: weeks, publicOn: top10PublicOn(week) }],
      },
    };
  }
}
