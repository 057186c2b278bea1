import anyAscii from 'any-ascii';

/** Lower case, accents and punctuation removed, spaces collapsed: "Somos." → "somos", "Álvaro" → "alvaro". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A letter or digit of a script other than Latin, and what follows it up to the next Latin or shared character. */
const OTHER_SCRIPT = /[^\p{scx=Latin}\p{scx=Common}\p{scx=Inherited}][^\p{scx=Latin}\p{scx=Common}]*/gu;

/**
 * Every script but Latin spelt in Latin letters, word by word ("오징어 게임" → "OJingEo GeIm", "Твин Пикс" →
 * "Tvin Piks"); text in Latin letters, digits and punctuation comes back as it was.
 */
export function romanize(text: string): string {
  return text.normalize('NFC').replace(OTHER_SCRIPT, (run) => ` ${anyAscii(run)} `);
}

/**
 * URL-safe ASCII slug, readable in any script: "Álvaro Curiel" → "alvaro-curiel", "오징어 게임" → "ojingeo-geim".
 * Latin text gives what it always gave (a person's slug is how imports find them again), so letters with no
 * accent to strip still drop ("Søren" → "sren"); falls back to "x" when nothing is left.
 */
export function slugify(text: string): string {
  const slug = normalizeText(romanize(text))
    .replace(/[^a-z0-9 ]+/g, '')
    .trim()
    .replace(/ +/g, '-');
  return slug || 'x';
}

/** The longest slug a URL takes (catalog/shows.params.ts). */
export const SLUG_MAX_LENGTH = 120;

/** A slug of at most `max` characters: cut after its last whole word that fits, or mid-word when the first is too long. */
export function cutSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const end = slug.lastIndexOf('-', max);
  return end > 0 ? slug.slice(0, end) : slug.slice(0, max);
}

/** The words a search matches against: every title a show is known by. */
export function showSearchText(titles: Array<string | null | undefined>): string {
  const words = new Set<string>();
  for (const title of titles) if (title) for (const w of normalizeText(title).split(' ')) if (w) words.add(w);
  return [...words].join(' ');
}

/** The keys an import matches a show by: each of its titles normalised, once. */
export function titleKeys(titles: Array<string | null | undefined>): string[] {
  return [...new Set(titles.map((t) => (t ? normalizeText(t) : '')))].filter(Boolean);
}

/** Query words, normalised like the indexed text, at most `max` of them. */
export function searchTerms(query: string, max = 8): string[] {
  return normalizeText(query).split(' ').filter(Boolean).slice(0, max);
}
