import type { Precision } from '../db/schema.ts';
import { type Lang, LOCALES, t } from './i18n.ts';

/** A date known to a precision: `date` is the first day of the period ('2025-08-01' for August 2025). */
export interface PartialDate {
  date: string;
  precision: Precision;
}

/** Parses '2021-06-30', '2021-06', '2021-Q3' or '2021'; null when it is none of these or not a real day. */
export function parsePartialDate(text: string): PartialDate | null {
  const value = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const [, y, mo, d] = m.map(Number) as [number, number, number, number];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
    return { date: value, precision: 'day' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { date: `${m[1]}-${m[2]}-01`, precision: 'month' };
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(value);
  if (m) return { date: `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`, precision: 'quarter' };
  m = /^(\d{4})$/.exec(value);
  if (m) return { date: `${m[1]}-01-01`, precision: 'year' };
  return null;
}

/** The compact form used in data files and the API: '2021-06-30', '2021-06', '2021-Q3', '2021'. */
export function partialDateToString(pd: PartialDate): string | null {
  const [y, mo] = pd.date.split('-');
  switch (pd.precision) {
    case 'day':
      return pd.date;
    case 'month':
      return `${y}-${mo}`;
    case 'quarter':
      return `${y}-Q${Math.floor((Number(mo) - 1) / 3) + 1}`;
    case 'year':
      return `${y}`;
    default:
      return null;
  }
}

const dateFormats = (lang: Lang) => ({
  day: new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  monthName: new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' }),
});
const FORMATS = { en: dateFormats('en'), es: dateFormats('es') };

/** Words at the date's own precision: '30 June 2021', 'June 2021', 'Q3 2021 (July–September)', '2021'; '30 de junio de 2021'. */
export function formatPartialDate(pd: PartialDate | null, lang: Lang = 'en'): string {
  if (!pd || pd.precision === 'unknown') return t(lang, 'date.unknown');
  const [y, mo] = pd.date.split('-').map(Number) as [number, number];
  const at = (month: number) => new Date(Date.UTC(y, month - 1, 1));
  switch (pd.precision) {
    case 'day':
      return FORMATS[lang].day.format(new Date(`${pd.date}T00:00:00Z`));
    case 'month':
      return FORMATS[lang].month.format(at(mo));
    case 'quarter': {
      const q = Math.floor((mo - 1) / 3);
      const months = { first: FORMATS[lang].monthName.format(at(q * 3 + 1)), last: FORMATS[lang].monthName.format(at(q * 3 + 3)) };
      return t(lang, 'date.quarter', { quarter: q + 1, year: String(y), ...months });
    }
    default:
      return String(y);
  }
}

/** The date as a sentence says it: "on 30 June 2021", "in June 2021", "in 2026"; "el 30 de junio de 2021". */
export function onDate(pd: PartialDate | null, lang: Lang = 'en'): string {
  const precision = pd?.precision ?? 'unknown';
  return t(lang, 'date.on', { precision, date: precision === 'unknown' ? '' : formatPartialDate(pd, lang) });
}

/** The last day the period covers, as 'YYYY-MM-DD'. */
export function partialDateEnd(pd: PartialDate): string {
  const [y, mo] = pd.date.split('-').map(Number) as [number, number];
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  switch (pd.precision) {
    case 'day':
      return pd.date;
    case 'month':
      return lastDay(y, mo);
    case 'quarter':
      return lastDay(y, mo + 2);
    default:
      return `${y}-12-31`;
  }
}

/** True once the whole period has begun and its first day is on or before `today`. */
export function hasHappened(pd: PartialDate | null, today: string): boolean {
  if (!pd || pd.precision === 'unknown') return false;
  return pd.precision === 'day' ? pd.date <= today : partialDateEnd(pd) < today;
}

export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from a to b (both 'YYYY-MM-DD'). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** '4 years and 5 months', '3 months', '12 days'; '4 años y 5 meses': calendar months between two days, from ≤ to. */
export function durationInWords(from: string, to: string, lang: Lang = 'en'): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  if (months < 1) return t(lang, 'duration.days', { days: Math.max(0, daysBetween(from, to)) });
  return t(lang, 'duration.months', { years: Math.floor(months / 12), months: months % 12 });
}

/** 'YYYY-MM' moved by whole months: shiftMonth('2024-12', 1) is '2025-01'. */
export function shiftMonth(month: string, by: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
}
