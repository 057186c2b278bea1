import { parseSeasonTitle } from '../lang/season.title.rules.ts';
import { normalizeText } from '../lang/text.rules.ts';
import type { ImportItem } from './import.run.ts';
import { WrongInputError } from './import.run.ts';
import { csvRows, missingColumns } from './input.files.ts';
import { ENGAGEMENT_REPORTS, firstLines, isoDay, NETFLIX, reportPeriod, viewing } from './netflix.figures.rules.ts';
import { oneRecordPerShow } from './show.group.ts';

// `nextseason import netflix-engagement FILE.csv[.gz]`: one of Netflix's half-yearly engagement reports (the TV
// sheet), its period named in the file name ("2023Jul-Dec-TV.csv.gz"). A release date marks Netflix's own
// title: the season's premiere, on Netflix.

const COLUMNS = ['Title', 'Available Globally?', 'Release Date', 'Hours Viewed', 'Runtime', 'Views'];

export async function checkEngagementFile(file: string): Promise<void> {
  const missing = await missingColumns(file, COLUMNS);
  if (missing.length > 0)
    throw new WrongInputError(
      `${file} is not a Netflix engagement report CSV: its header lacks ${missing.join(', ')} (expected ${COLUMNS.join(',')})`,
    );
  const period = reportPeriod(file);
  if (!period || !ENGAGEMENT_REPORTS[period])
    throw new WrongInputError(
      `${file}: the file name must name a known report period (${Object.keys(ENGAGEMENT_REPORTS)
        .map((p) => `${p.slice(0, 4)}${p.endsWith('H1') ? 'Jan-Jun' : 'Jul-Dec'}`)
        .join(', ')}), so each figure is dated by its publication`,
    );
}

export function engagementItems(file: string): AsyncIterable<ImportItem> {
  return oneRecordPerShow(rows(file));
}

async function* rows(file: string): AsyncIterable<ImportItem> {
  const period = reportPeriod(file) as string;
  const report = ENGAGEMENT_REPORTS[period] as { endsOn: string; publishedOn: string };
  const firstLine = firstLines();
  for await (const { row: r, line } of csvRows(file)) {
    const location = `${file}:${line}`;
    const problem = (field: string, reason: string): ImportItem => ({ problem: { location, field, reason } });
    const title = (r.Title ?? '').trim();
    if (!title) {
      yield problem('Title', 'is empty');
      continue;
    }
    const released = (r['Release Date'] ?? '').trim();
    const premiere = released ? isoDay(released) : null;
    if (released && !premiere) {
      yield problem('Release Date', `"${released}" is not a date (expected YYYY-MM-DD)`);
      continue;
    }
    const globally = (r['Available Globally?'] ?? '').trim();
    if (globally !== 'Yes' && globally !== 'No') {
      yield problem('Available Globally?', `"${globally}" is not Yes or No`);
      continue;
    }
    const viewed = viewing(['Hours Viewed', r['Hours Viewed']], ['Views', r.Views]);
    if ('field' in viewed) {
      yield problem(viewed.field, viewed.reason);
      continue;
    }
    const { hours, views } = viewed;
    const season = parseSeasonTitle(title);
    const first = firstLine(`${normalizeText(season.show)}|${season.season}`, line);
    if (first !== null) {
      yield problem('Title', `"${title}" is the same season as line ${first}; that line is kept`);
      continue;
    }
    const figure = { season: season.season, period, hours, views, availableGlobally: globally === 'Yes', publicOn: report.publishedOn };
    yield {
      record: {
        location,
        ids: {},
        title: season.show,
        originalTitle: season.original,
        // Only Netflix's own titles carry a release date: those are Netflix's, and the date is the premiere.
        ...(premiere ? { platform: NETFLIX } : {}),
        seasons: [
          { number: season.season, outBy: report.endsOn, ...(premiere ? { premiere: { date: premiere, precision: 'day' as const } } : {}) },
        ],
        engagement: [figure],
        ...(season.limited && premiere
          ? { events: [{ kind: 'limited', season: season.season, date: { date: premiere, precision: 'day' as const } }] }
          : {}),
      },
    };
  }
}
