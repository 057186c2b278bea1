// Plain-English pieces the answer sentences are built from.

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

export function ordinal(n: number): string {
  if (ORDINALS[n]) return ORDINALS[n];
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function count(n: number, word: string, plural = `${word}s`): string {
  return `${numberWord(n)} ${n === 1 ? word : plural}`;
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const languages = new Intl.DisplayNames(['en'], { type: 'language' });
const regions = new Intl.DisplayNames(['en'], { type: 'region' });

export function languageName(code: string | null): string | null {
  if (!code) return null;
  try {
    return languages.of(code) ?? null;
  } catch {
    return null;
  }
}

/** "Mexico", "the United States". */
export function countryName(code: string | null, withArticle = false): string | null {
  if (!code) return null;
  let name: string | undefined;
  try {
    name = regions.of(code);
  } catch {
    return null;
  }
  if (!name) return null;
  const needsThe = /^(United |Netherlands|Philippines|Czech Republic|Dominican Republic)/.test(name);
  return withArticle && needsThe ? `the ${name}` : name;
}

/** "crime drama", "animated fantasy series", "comedy": what kind of show this is, in words. */
export function kindOfShow(type: string, genres: string[], max = 2): string {
  const lower = genres.map((g) => g.toLowerCase());
  if (type === 'documentary') return 'documentary series';
  if (type === 'reality') return 'reality series';
  const noun = lower.includes('drama') ? 'drama' : lower.includes('comedy') ? 'comedy' : 'series';
  const adjectives = lower.filter((g) => g !== noun).slice(0, max);
  const base = [...adjectives, noun].join(' ');
  return type === 'animation' ? `animated ${base}` : base;
}
