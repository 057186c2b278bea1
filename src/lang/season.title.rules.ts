// Netflix's season titles ("Bridgerton: Season 3", "Fool Me Once: Limited Series", "Lupin: Part 3",
// "Dear Child: Limited Series // Liebes Kind: Miniserie"), as pure functions.

export interface SeasonTitle {
  /** The show's title, without the season part. */
  show: string;
  season: number;
  limited: boolean;
  /** The original-language title of the show, after " // " (its own season words dropped). */
  original: string | null;
}

// "Season 2", "Series 2", "Part 2", "Part II", "Volume 2", "Vol. 2", "Book 2", "Chapter 2", "Collection 2", "Temporada 2",
// "Staffel 2", "시즌 2", "Class 2", "2ª temporada"; a part of a season ("Season 2 Part 1", "Season 2 (Part 1)", "Season 2 - Volume 1") is that season.
const WORDS = 'season|series|part|volume|vol\\.|book|chapter|collection|class|temporada|staffel|saison|stagione|시즌';
const NUMBERED = new RegExp(
  `^(?:${WORDS})\\s*(\\d{1,3}|[IVX]{1,4})(?:\\s*(?:[:(\\-–]|part|volume|vol\\.).*)?$|^(\\d{1,3})ª temporada$`,
  'i',
);
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

/** "2" → 2, "II" → 2, "IV" → 4. */
function seasonNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const values = [...text.toUpperCase()].map((c) => ROMAN[c] ?? 0);
  return values.reduce((sum, v, i) => sum + (v < (values[i + 1] ?? 0) ? -v : v), 0);
}
const LIMITED = /^(?:limited series|miniseries|mini-series)$/i;

/** The season a Netflix season title names; `show` is the show's title when the source gives it apart. */
export function parseSeasonTitle(title: string, show?: string): SeasonTitle {
  const [main = '', original = null] = title.split(' // ').map((part) => part.trim());
  const own = show?.trim();
  // "Stranger Things 4": the show's title and a bare number.
  const bare = own ? new RegExp(`^${escapeRegExp(own)}\\s+(\\d{1,3})$`).exec(main) : null;
  if (own && bare) return { show: own, season: Number(bare[1]), limited: false, original: originalShow(original) };
  const withShow = own && main.startsWith(`${own}: `) ? [own, main.slice(own.length + 2)] : splitLast(main);
  const [name, rest] = withShow;
  const numbered = rest === null ? null : (NUMBERED.exec(rest) ?? /^()([IVX]{1,4})$/.exec(rest)); // "Barbarians: II"
  const limited = rest !== null && LIMITED.test(rest);
  // No season word ("Ricardo Quevedo: Los amargados somos más"): the whole title is one show's only season.
  if (!numbered && !limited) return { show: own || main, season: 1, limited: false, original: originalShow(original) };
  const number = numbered?.[1] || numbered?.[2];
  return { show: name, season: number ? seasonNumber(number) : 1, limited, original: originalShow(original) };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function splitLast(text: string): [string, string | null] {
  const at = text.lastIndexOf(': ');
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 2)];
}

/** "Liebes Kind: Miniserie" → "Liebes Kind"; the season word is in the show's language, so any last part goes. */
function originalShow(original: string | null): string | null {
  if (!original) return null;
  const [name, rest] = splitLast(original);
  return (
    (rest === null || /\d|serie|temporada|staffel|saison|stagione|sezon|seizoen|säsong|sæson|sesong/i.test(rest) ? name : original) || null
  );
}
