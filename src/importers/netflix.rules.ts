import { countryCode } from './codes.rules.ts';

// The Kaggle "Netflix Movies and TV Shows" file's quirks, as pure functions.

const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** '30-Jun-21' and ' June 30, 2021' → '2021-06-30'; '' → null; anything else → undefined (a bad value). */
export function parseDateAdded(text: string): string | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  let m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2})$/.exec(value);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    return month ? (isoDay(2000 + Number(m[3]), month, Number(m[1])) ?? undefined) : undefined;
  }
  m = /^([A-Za-z]+) (\d{1,2}), (\d{4})$/.exec(value);
  if (m) {
    const month = FULL_MONTHS.indexOf((m[1] as string).toLowerCase()) + 1 || undefined;
    return month ? (isoDay(Number(m[3]), month, Number(m[2])) ?? undefined) : undefined;
  }
  return undefined;
}

/** '3 Seasons' → 3; anything else → null. */
export function parseSeasonCount(text: string): number | null {
  const m = /^(\d{1,3}) Seasons?$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const GENRES: Record<string, string[]> = {
  'Crime TV Shows': ['Crime'],
  'TV Dramas': ['Drama'],
  'TV Comedies': ['Comedy'],
  'Romantic TV Shows': ['Romance'],
  'TV Action & Adventure': ['Action', 'Adventure'],
  'TV Sci-Fi & Fantasy': ['Science-Fiction', 'Fantasy'],
  'TV Horror': ['Horror'],
  'TV Mysteries': ['Mystery'],
  'TV Thrillers': ['Thriller'],
  "Kids' TV": ['Children'],
  'Teen TV Shows': ['Drama'],
  'Anime Series': ['Anime'],
  'Science & Nature TV': ['Nature'],
};

export interface NetflixLabels {
  genres: string[];
  type: string;
  language: string | null;
  countryHint: string | null;
}

/** What `listed_in` says: genres in the catalogue's vocabulary, the kind of show, a language or country hint. */
export function readListedIn(listedIn: string): NetflixLabels {
  const labels = splitList(listedIn);
  const genres = [...new Set(labels.flatMap((l) => GENRES[l] ?? []))];
  const type =
    labels.includes('Docuseries') || labels.includes('Science & Nature TV')
      ? 'documentary'
      : labels.includes('Reality TV')
        ? 'reality'
        : labels.includes('Stand-Up Comedy & Talk Shows')
          ? 'talk'
          : labels.includes('Anime Series')
            ? 'animation'
            : 'scripted';
  const language = labels.includes('Spanish-Language TV Shows') ? 'es' : labels.includes('Korean TV Shows') ? 'ko' : null;
  const countryHint = labels.includes('British TV Shows') ? 'GB' : null;
  return { genres, type, language, countryHint };
}

export function firstCountry(text: string): string | null {
  return countryCode(splitList(text)[0]);
}
