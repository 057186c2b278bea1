import type { CalendarItem } from '../catalog/calendar.queries.ts';
import { formatPartialDate } from '../lang/dates.ts';

// The premiere calendar: a month grid and a list, every date at its own precision.

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function monthLabel(month: string): string {
  return formatPartialDate({ date: `${month}-01`, precision: 'month' });
}

function shift(month: string, by: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
}

export function CalendarPage({ month, items }: { month: string; items: CalendarItem[] }) {
  const inMonth = items.filter((i) => i.premiere.date.startsWith(month));
  const first = new Date(`${month}-01T00:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const cells: Array<number | null> = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const onDay = (d: number) => inMonth.filter((i) => i.premiere.precision === 'day' && Number(i.premiere.date.slice(8)) === d);
  const undated = inMonth.filter((i) => i.premiere.precision === 'month');
  const byMonth = new Map<string, CalendarItem[]>();
  for (const i of items) {
    const key = i.premiere.precision === 'day' || i.premiere.precision === 'month' ? i.premiere.date.slice(0, 7) : 'later';
    byMonth.set(key, [...(byMonth.get(key) ?? []), i]);
  }
  return (
    <>
      <h1>Premiere calendar</h1>
      <p>
        Dates are shown as precisely as they are known: a day, a month, a quarter or a year.{' '}
        <a href="/calendar.ics">Subscribe (iCalendar)</a> for the premieres known to the day.
      </p>
      <nav aria-label="Months">
        <a href={`/calendar?month=${shift(month, -1)}`}>← {monthLabel(shift(month, -1))}</a> · <strong>{monthLabel(month)}</strong> ·{' '}
        <a href={`/calendar?month=${shift(month, 1)}`}>{monthLabel(shift(month, 1))} →</a>
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
                {week.map((d) => (
                  <td>
                    {d === null ? null : (
                      <>
                        <span class="meta">{d}</span>
                        {onDay(d).map((i) => (
                          <div>
                            <a href={`/shows/${i.slug}`}>{i.title}</a> S{i.season}
                          </div>
                        ))}
                      </>
                    )}
                  </td>
                ))}
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
      <h2>All upcoming premieres</h2>
      {items.length === 0 ? <p>No premieres announced ahead.</p> : null}
      {[...byMonth].map(([key, list]) => (
        <section aria-label={key === 'later' ? 'Later' : monthLabel(key)}>
          <h3>{key === 'later' ? 'Later (quarter or year announced)' : monthLabel(key)}</h3>
          <ul class="plain">
            {list.map((i) => (
              <li>
                {formatPartialDate(i.premiere)} — <a href={`/shows/${i.slug}`}>{i.title}</a>, season {i.season}
                {i.platform ? <span class="meta"> · {i.platform}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
