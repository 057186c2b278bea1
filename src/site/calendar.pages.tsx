import { type CalendarFilter, type CalendarItem, DAILY_KINDS } from '../catalog/calendar.queries.ts';
import { SHOW_KINDS } from '../catalog/shows.params.ts';
import { formatPartialDate, shiftMonth } from '../lang/dates.ts';
import { pathWithQuery } from '../web/urls.ts';

// The premiere calendar: filters, a month grid and the month day by day, every date at its own precision.

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Titles a grid cell lists before "and N more". */
const IN_CELL = 3;
/** Titles a day lists before a link to the whole day. */
const IN_DAY = 6;

export interface CalendarView {
  month: string;
  /** One day asked for: the list holds that day whole. */
  day?: string | undefined;
  filter: CalendarFilter;
  platforms: Array<{ slug: string; name: string }>;
  /** Premieres in the month known to the day or the month (up to a limit). */
  items: CalendarItem[];
  /** Seasons known to the day on each day of the month, counted whatever the limit cut. */
  perDay: Map<string, number>;
  /** The one day asked for, whole. */
  dayItems: CalendarItem[] | null;
  /** The list stopped at its limit: the month holds more. */
  truncated: boolean;
  /** Premieres from the month on known only to the quarter or year. */
  later: CalendarItem[];
  error?: string | undefined;
}

function monthLabel(month: string): string {
  return formatPartialDate({ date: `${month}-01`, precision: 'month' });
}

/** A calendar URL with the same filters. */
const calendarUrl = (filter: CalendarFilter, at: { month?: string; day?: string }) => pathWithQuery('/calendar', { ...at, ...filter });

const kindLabel = (k: string) => (k === 'all' ? 'every kind' : k);

export function CalendarPage(v: CalendarView) {
  const { month, filter } = v;
  const first = new Date(`${month}-01T00:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const cells: Array<number | null> = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const byDay = new Map<string, CalendarItem[]>();
  for (const i of v.items) if (i.premiere.precision === 'day') byDay.set(i.premiere.date, [...(byDay.get(i.premiere.date) ?? []), i]);
  const dayOf = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
  // On a day: its seasons as counted, and the dates announced for seasons not in the catalogue yet.
  const total = (date: string) => (v.perDay.get(date) ?? 0) + (byDay.get(date) ?? []).filter((i) => i.announced).length;
  const undated = v.items.filter((i) => i.premiere.precision === 'month');
  const monthDays = Array.from({ length: days }, (_, i) => dayOf(i + 1)).filter((d) => total(d) > 0);
  const listed = v.day ? [[v.day, v.dayItems ?? []] as const] : monthDays.map((d) => [d, byDay.get(d) ?? []] as const);
  return (
    <>
      <h1>Premiere calendar</h1>
      <p>
        Dates are shown as precisely as they are known: a day, a month, a quarter or a year.{' '}
        <a href="/calendar.ics">Subscribe (iCalendar)</a> for the premieres known to the day.
      </p>
      {v.error ? <p role="alert">{v.error}</p> : null}
      <form method="get" action="/calendar" class="filters">
        <input type="hidden" name="month" value={month} />
        <label for="c-platform">Platform</label>{' '}
        <select id="c-platform" name="platform">
          <option value="">any</option>
          {v.platforms.map((p) => (
            <option value={p.slug} selected={filter.platform === p.slug}>
              {p.name}
            </option>
          ))}
        </select>{' '}
        <label for="c-country">Country</label> <input id="c-country" name="country" size={3} maxlength={2} value={filter.country ?? ''} />{' '}
        <label for="c-kind">Kind</label>{' '}
        <select id="c-kind" name="kind">
          <option value="">all but {DAILY_KINDS.join(' and ')}</option>
          {[...SHOW_KINDS, 'all'].map((k) => (
            <option value={k} selected={filter.kind === k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">Show</button>
      </form>
      <p class="meta">
        {filter.kind
          ? `Kind: ${kindLabel(filter.kind)}.`
          : `Daily ${DAILY_KINDS.join(' and ')} shows are left out; choose a kind to see them.`}
      </p>
      <nav aria-label="Months">
        <a href={calendarUrl(filter, { month: shiftMonth(month, -1) })}>← {monthLabel(shiftMonth(month, -1))}</a> ·{' '}
        <strong>{monthLabel(month)}</strong> ·{' '}
        <a href={calendarUrl(filter, { month: shiftMonth(month, 1) })}>{monthLabel(shiftMonth(month, 1))} →</a>
      </nav>
      <section class="table-wrap" tabindex={0} aria-label="Month grid">
        <table class="month">
          <caption>{monthLabel(month)}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th scope="col">{d}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr>
                {week.map((d) => {
                  if (d === null) return <td />;
                  const on = byDay.get(dayOf(d)) ?? [];
                  const more = total(dayOf(d)) - Math.min(on.length, IN_CELL);
                  return (
                    <td>
                      <span class="meta">{d}</span>
                      {on.slice(0, IN_CELL).map((i) => (
                        <div>
                          <a href={`/shows/${i.slug}`}>{i.title}</a> S{i.season}
                        </div>
                      ))}
                      {more > 0 ? (
                        <div>
                          <a href={v.day ? calendarUrl(filter, { day: dayOf(d) }) : `#d-${dayOf(d)}`}>and {more} more</a>
                        </div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {undated.length ? (
        <p>
          Also in {monthLabel(month)}, day not announced:{' '}
          {undated.map((i, n) => (
            <>
              {n ? ', ' : ''}
              <a href={`/shows/${i.slug}`}>{i.title}</a> season {i.season}
            </>
          ))}
        </p>
      ) : null}
      <h2>{v.day ? formatPartialDate({ date: v.day, precision: 'day' }) : `${monthLabel(month)}, day by day`}</h2>
      {v.day ? (
        <p>
          <a href={calendarUrl(filter, { month })}>← all of {monthLabel(month)}</a>
        </p>
      ) : null}
      {listed.every(([, list]) => list.length === 0) ? <p>No premieres known to the day.</p> : null}
      {listed.map(([date, list]) =>
        list.length === 0 && v.day ? null : (
          <section id={`d-${date}`} aria-label={formatPartialDate({ date, precision: 'day' })}>
            {v.day ? null : <h3>{formatPartialDate({ date, precision: 'day' })}</h3>}
            <ul class="plain">
              {(v.day ? list : list.slice(0, IN_DAY)).map((i) => (
                <li>
                  <a href={`/shows/${i.slug}`}>{i.title}</a>, season {i.season}
                  {i.platform ? <span class="meta"> · {i.platform}</span> : null}
                </li>
              ))}
            </ul>
            {!v.day && total(date) > Math.min(list.length, IN_DAY) ? (
              <p>
                {list.length ? `and ${total(date) - Math.min(list.length, IN_DAY)} more: ` : ''}
                <a href={calendarUrl(filter, { day: date })}>all {total(date)} on this day</a>
              </p>
            ) : null}
          </section>
        ),
      )}
      {v.truncated ? <p>The month holds more premieres than one page lists; choose a platform, a country or a kind.</p> : null}
      {v.later.length ? (
        <section aria-label="Later">
          <h2>Later (quarter or year announced)</h2>
          <ul class="plain">
            {v.later.map((i) => (
              <li>
                {formatPartialDate(i.premiere)} — <a href={`/shows/${i.slug}`}>{i.title}</a>, season {i.season}
                {i.platform ? <span class="meta"> · {i.platform}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
