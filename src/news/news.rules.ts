import type { PartialDate } from '../lang/dates.ts';
import { normalizeText } from '../lang/text.rules.ts';

// Reading a headline: which kind of status news it is, for which season, and which date it names.
// A proposal only: nothing from a feed changes a status until an editor accepts it.

export type NewsKind = 'renewed' | 'cancelled' | 'ended' | 'date_announced';

export interface Classified {
  kind: NewsKind;
  season: number | null;
  announced: PartialDate | null;
}

const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// Most specific first: "final season" news is also renewal news; a date is more than a renewal.
const RULES: Array<[NewsKind, RegExp]> = [
  ['cancelled', /\b(cancel+ed|cancels|axed|axes|will not return|won'?t return|not coming back|scrapped|pulls the plug)\b/i],
  ['ended', /\b(final season|last season|will end with|to end with|ending with|comes? to an end)\b/i],
  [
    'date_announced',
    /\b(premiere date|release date|premieres? (on|in)|returns? (on|in)|arrives? (on|in)|sets? .*(date|premiere)|dated for|debuts? (on|in))\b/i,
  ],
  [
    'renewed',
    /\b(renew(s|ed|al)?|picked up for|orders? (a )?(second|third|fourth|fifth|sixth|new) season|greenlit|green-lit|gets? (a )?(second|third|fourth|fifth|sixth) season)\b/i,
  ],
];

export function classify(text: string): Classified | null {
  const rule = RULES.find(([, pattern]) => pattern.test(text));
  if (!rule) return null;
  const kind = rule[0];
  return { kind, season: seasonOf(text), announced: kind === 'date_announced' ? dateOf(text) : null };
}

export function seasonOf(text: string): number | null {
  const numbered = /\bseason (\d{1,2})\b/i.exec(text) ?? /\bs(\d{1,2})\b/i.exec(text);
  if (numbered) return Number(numbered[1]);
  const word = /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (and final )?season\b/i.exec(text);
  return word ? (ORDINALS[(word[1] as string).toLowerCase()] ?? null) : null;
}

/** "March 12, 2027", "12 March 2027", "March 2027", "2027". */
export function dateOf(text: string): PartialDate | null {
  const t = text.toLowerCase();
  const month = '(january|february|march|april|may|june|july|august|september|october|november|december)';
  let m = new RegExp(`${month} (\\d{1,2}),? (\\d{4})`).exec(t) ?? null;
  if (m) return day(Number(m[3]), MONTHS.indexOf(m[1] as string) + 1, Number(m[2]));
  m = new RegExp(`(\\d{1,2}) ${month},? (\\d{4})`).exec(t);
  if (m) return day(Number(m[3]), MONTHS.indexOf(m[2] as string) + 1, Number(m[1]));
  m = new RegExp(`${month} (\\d{4})`).exec(t);
  if (m) return { date: `${m[2]}-${String(MONTHS.indexOf(m[1] as string) + 1).padStart(2, '0')}-01`, precision: 'month' };
  m = /\b(20\d{2})\b/.exec(t);
  return m ? { date: `${m[1]}-01-01`, precision: 'year' } : null;
}

function day(y: number, mo: number, d: number): PartialDate | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCDate() === d ? { date: date.toISOString().slice(0, 10), precision: 'day' } : null;
}

export interface TitleEntry {
  showId: number;
  /** A title as written, and normalised. */
  title: string;
  normalized: string;
}

/**
 * Shows named in a headline: any known title, as whole words. A one-word title must also appear with
 * its own capitals ("Dark", not "dark"), so that everyday words do not match.
 */
export function showsNamed(text: string, titles: TitleEntry[]): number[] {
  const words = ` ${normalizeText(text)} `;
  const found = new Set<number>();
  for (const t of titles) {
    if (!t.normalized || !words.includes(` ${t.normalized} `)) continue;
    if (
      !t.normalized.includes(' ') &&
      !new RegExp(`(^|[^\\p{L}])${escapeRegExp(t.title.replace(/[.!?]+$/, ''))}($|[^\\p{L}])`, 'u').test(text)
    )
      continue;
    found.add(t.showId);
  }
  return [...found];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
