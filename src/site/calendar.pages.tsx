import { type CalendarFilter, type CalendarItem, DAILY_KINDS } from '../catalog/calendar.queries.ts';
import { SHOW_KINDS } from '../catalog/shows.params.ts';
import { shiftMonth } from '../lang/dates.ts';
import { type Lang, LOCALES } from '../lang/i18n.ts';
import { listWords } from '../lang/words.rules.ts';
import { useLang } from '../web/lang.context.ts';
import { pathWithQuery } from '../web/urls.ts';

// The premiere calendar: filters, a month grid and the month day by day, every date at its own precision.

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

/** Monday to Sunday, short, in the language ("Mon", "lun"): 1 January 2024 was a Monday. */
const weekdays = (lang: Lang) => {
  const format = new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
};
const WEEKDAYS = { en: weekdays('en'), es: weekdays('es') };

/** A label that stands alone starts with a capital: Spanish writes months in lower case ("enero de 2024"). */
const standalone = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function CalendarPage(v: CalendarView) {
  const { month, filter } = v;
  const { lang, t, rich, href, date, day } = useLang();
  const monthLabel = (m: string) => date({ date: `${m}-01`, precision: 'month' });
  /** A calendar URL with the same filters. */
  const calendarUrl = (f: CalendarFilter, at: { month?: string; day?: string }) => href(pathWithQuery('/calendar', { ...at, ...f }));
  const kindLabel = (k: string) => t('calendar.kindOption', { kind: k });
  const daily = listWords(DAILY_KINDS.map(kindLabel), lang);
  const showLink = (i: CalendarItem) => () => <a href={href(`/shows/${i.slug}`)}>{i.title}</a>;
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
      <h1>{t('calendar.heading')}</h1>
      <p>{rich('calendar.intro', { ics: (text) => <a href={href('/calendar.ics')}>{text}</a> })}</p>
      {v.error ? <p role="alert">{v.error}</p> : null}
      <form method="get" action={href('/calendar')} class="filters">
        <input type="hidden" name="month" value={month} />
        <label for="c-platform">{t('calendar.platform')}</label>{' '}
        <select id="c-platform" name="platform">
          <option value="">{t('calendar.any')}</option>
          {v.platforms.map((p) => (
            <option value={p.slug} selected={filter.platform === p.slug}>
              {p.name}
            </option>
          ))}
        </select>{' '}
        <label for="c-country">{t('calendar.country')}</label>{' '}
        <input id="c-country" name="country" size={3} maxlength={2} value={filter.country ?? ''} />{' '}
        <label for="c-kind">{t('calendar.kind')}</label>{' '}
        <select id="c-kind" name="kind">
          <option value="">{t('calendar.allBut', { kinds: daily })}</option>
          {[...SHOW_KINDS, 'all'].map((k) => (
            <option value={k} selected={filter.kind === k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('calendar.submit')}</button>
      </form>
      <p class="meta">
        {filter.kind ? t('calendar.kindShown', { kind: kindLabel(filter.kind) }) : t('calendar.dailyLeftOut', { kinds: daily })}
      </p>
      <nav aria-label={t('calendar.months')}>
        <a href={calendarUrl(filter, { month: shiftMonth(month, -1) })}>← {standalone(monthLabel(shiftMonth(month, -1)))}</a> ·{' '}
        <strong>{standalone(monthLabel(month))}</strong> ·{' '}
        <a href={calendarUrl(filter, { month: shiftMonth(month, 1) })}>{standalone(monthLabel(shiftMonth(month, 1)))} →</a>
      </nav>
      <section class="table-wrap" tabindex={0} aria-label={t('calendar.grid')}>
        <table class="month">
          <caption>{standalone(monthLabel(month))}</caption>
          <thead>
            <tr>
              {WEEKDAYS[lang].map((d) => (
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
                          <a href={href(`/shows/${i.slug}`)}>{i.title}</a> {t('calendar.cellSeason', { season: String(i.season) })}
                        </div>
                      ))}
                      {more > 0 ? (
                        <div>
                          <a href={v.day ? calendarUrl(filter, { day: dayOf(d) }) : `#d-${dayOf(d)}`}>{t('calendar.cellMore', { more })}</a>
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
          {t('calendar.undated', { month: monthLabel(month) })}{' '}
          {undated.map((i, n) => (
            <>
              {n ? ', ' : ''}
              {rich('calendar.undatedItem', { season: String(i.season), show: showLink(i) })}
            </>
          ))}
        </p>
      ) : null}
      <h2>{v.day ? day(v.day) : t('calendar.dayByDay', { month: standalone(monthLabel(month)) })}</h2>
      {v.day ? (
        <p>
          <a href={calendarUrl(filter, { month })}>{t('calendar.backToMonth', { month: monthLabel(month) })}</a>
        </p>
      ) : null}
      {listed.every(([, list]) => list.length === 0) ? <p>{t('calendar.none')}</p> : null}
      {listed.map(([on, list]) =>
        list.length === 0 && v.day ? null : (
          <section id={`d-${on}`} aria-label={day(on)}>
            {v.day ? null : <h3>{day(on)}</h3>}
            <ul class="plain">
              {(v.day ? list : list.slice(0, IN_DAY)).map((i) => (
                <li>
                  {rich('calendar.showSeason', { season: String(i.season), show: showLink(i) })}
                  {i.platform ? <span class="meta"> · {i.platform}</span> : null}
                </li>
              ))}
            </ul>
            {!v.day && total(on) > Math.min(list.length, IN_DAY) ? (
              <p>
                {rich('calendar.dayMore', {
                  listed: list.length ? 'yes' : 'no',
                  more: total(on) - Math.min(list.length, IN_DAY),
                  total: total(on),
                  all: (text) => <a href={calendarUrl(filter, { day: on })}>{text}</a>,
                })}
              </p>
            ) : null}
          </section>
        ),
      )}
      {v.truncated ? <p>{t('calendar.truncated')}</p> : null}
      {v.later.length ? (
        <section aria-label={t('calendar.later')}>
          <h2>{t('calendar.laterHeading')}</h2>
          <ul class="plain">
            {v.later.map((i) => (
              <li>
                {date(i.premiere)} — {rich('calendar.showSeason', { season: String(i.season), show: showLink(i) })}
                {i.platform ? <span class="meta"> · {i.platform}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
