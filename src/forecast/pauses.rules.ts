import { dayNumber, MONTH_DAYS } from './history.ts';

// Industry-wide production stoppages (the 2020 shutdown, the 2023 strikes) slow every show's return. Each is
// known only from its own dates: on a day inside one, its end is not known yet, so how much longer it lasts
// is itself a forecast.

export interface PauseEvent {
  /** 'YYYY-MM-DD' */
  date: string;
  kind: 'started' | 'ended';
  /** Names the stoppage, e.g. 'wga-strike-2023'. */
  name: string;
}

/** The stoppages built into the project, each usable only from the dates below. */
export const INDUSTRY_PAUSES: PauseEvent[] = [
  // US film and TV production halted in mid-March 2020; most scripted series were shooting again by September.
  { date: '2020-03-13', kind: 'started', name: 'covid-19-shutdown-2020' },
  { date: '2020-09-01', kind: 'ended', name: 'covid-19-shutdown-2020' },
  { date: '2023-05-02', kind: 'started', name: 'wga-strike-2023' },
  { date: '2023-09-27', kind: 'ended', name: 'wga-strike-2023' },
  { date: '2023-07-14', kind: 'started', name: 'sag-aftra-strike-2023' },
  { date: '2023-11-09', kind: 'ended', name: 'sag-aftra-strike-2023' },
];

/** Assumed length of a stoppage when no earlier one has ended yet. */
const FIRST_PAUSE_DAYS = 120;
/** However long a stoppage has run, at least this much more is expected while it lasts. */
const MIN_REMAINING_DAYS = 30;

/** A stoppage as known on `asOf`: [start, end) in day numbers, with the end a forecast while it runs. */
export interface Span {
  name: string;
  start: number;
  end: number;
  ongoing: boolean;
}

/** The stoppages started by `asOf`; one still running ends at its expected end (earlier ones' mean length). */
export function pausesAsOf(events: PauseEvent[], asOf: string): Span[] {
  const today = dayNumber(asOf);
  const known = events.filter((e) => e.date <= asOf);
  const spans: Span[] = [];
  for (const start of known.filter((e) => e.kind === 'started')) {
    const end = known.find((e) => e.kind === 'ended' && e.name === start.name && e.date >= start.date);
    spans.push({ name: start.name, start: dayNumber(start.date), end: end ? dayNumber(end.date) : Number.NaN, ongoing: !end });
  }
  const lengths = spans.filter((s) => !s.ongoing).map((s) => s.end - s.start);
  const usual = lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : FIRST_PAUSE_DAYS;
  for (const s of spans) if (s.ongoing) s.end = Math.max(s.start + usual, today + MIN_REMAINING_DAYS);
  return spans.sort((a, b) => a.start - b.start);
}

/** After a stoppage ends, the year in which the seasons it held up are still being made. */
const AFTERMATH_DAYS = 365;

/**
 * The months of a wait that ran into a stoppage ('stoppage:during') or its aftermath ('stoppage:after'), by
 * each month's middle day; the model learns from the waits it has seen how much either slows a return.
 */
export function stoppageMonths(spans: Span[], start: number, months: number): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  if (spans.length === 0) return out;
  for (let m = 0; m < months; m++) {
    const day = start + (m + 0.5) * MONTH_DAYS;
    for (const s of spans) {
      if (day >= s.start && day < s.end) out[m] = ['stoppage:during'];
      else if (day >= s.end && day < s.end + AFTERMATH_DAYS && !out[m]) out[m] = ['stoppage:after'];
    }
  }
  return out;
}
