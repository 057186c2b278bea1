// Netflix's published figures (weekly Top 10, half-yearly engagement reports): reading their values, and
// the day each became public, so a forecast made as of a day never sees a figure from after it.

/**
 * Remembers the line each key was first seen on: a second row for the same season (and week) would make a
 * rerun flip between the two, so it is reported instead of written.
 */
export function firstLines() {
  const seen = new Map<string, number>();
  return (key: string, line: number): number | null => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    return first ?? null;
  };
}

/** Platform of every season Netflix itself releases. */
export const NETFLIX = { name: 'Netflix', kind: 'streaming', country: null } as const;

/** A whole count as Netflix writes it ("11510000"); '' is null; anything else undefined (a bad value). */
export function count(text: string | undefined): number | null | undefined {
  const t = (text ?? '').trim();
  if (t === '') return null;
  return /^\d{1,15}$/.test(t) ? Number(t) : undefined;
}

/**
 * A row's hours (required) and views (optional) as whole counts, each given as [field, text]; or the field
 * that is not one, with why.
 */
export function viewing(
  [hoursField, hoursText]: [string, string | undefined],
  [viewsField, viewsText]: [string, string | undefined],
): { hours: number; views: number | null } | { field: string; reason: string } {
  const hours = count(hoursText);
  if (hours == null) return { field: hoursField, reason: `"${hoursText}" is not a whole number of hours` };
  const views = count(viewsText);
  if (views === undefined) return { field: viewsField, reason: `"${viewsText}" is not a whole number of views` };
  return { hours, views };
}

/** An ISO day that exists ("2021-07-04"), or null. */
export function isoDay(text: string | undefined): string | null {
  const t = (text ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return null;
  const d = new Date(`${t}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t ? null : t;
}

/** The engagement reports, by period, and the day Netflix published each. */
export const ENGAGEMENT_REPORTS: Record<string, { label: string; endsOn: string; publishedOn: string }> = {
  '2023-H2': { label: 'July–December 2023', endsOn: '2023-12-31', publishedOn: '2024-05-23' },
  '2024-H1': { label: 'January–June 2024', endsOn: '2024-06-30', publishedOn: '2024-09-19' },
};

/** The period a report file covers, from its name ("2023Jul-Dec-TV.csv.gz" → "2023-H2"), or null. */
export function reportPeriod(file: string): string | null {
  const m = /(\d{4})(Jan-Jun|Jul-Dec)/.exec(file.split('/').at(-1) ?? '');
  return m ? `${m[1]}-${m[2] === 'Jan-Jun' ? 'H1' : 'H2'}` : null;
}
