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

/** URL-safe ASCII slug: "Álvaro Curiel" → "alvaro-curiel"; falls back to "x" when nothing is left. */
export function slugify(text: string): string {
  const slug = normalizeText(text)
    .replace(/[^a-z0-9 ]+/g, '')
    .trim()
    .replace(/ +/g, '-');
  return slug || 'x';
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
