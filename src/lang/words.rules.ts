import { type Lang, LOCALES } from './i18n.ts';

// The words answer sentences are built from, in each language: numbers and ordinals spelt out, lists,
// language and country names, what kind of show a show is.

const NUMBER_WORDS: Record<Lang, string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'],
};
const ORDINALS: Record<Lang, string[]> = {
  en: ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'],
  // Feminine, as "temporada" is: "la segunda temporada".
  es: ['', 'primera', 'segunda', 'tercera', 'cuarta', 'quinta', 'sexta', 'séptima', 'octava', 'novena', 'décima'],
};

export function numberWord(n: number, lang: Lang = 'en'): string {
  return NUMBER_WORDS[lang][n] ?? String(n);
}

export function ordinal(n: number, lang: Lang = 'en'): string {
  const word = ORDINALS[lang][n];
  if (word) return word;
  if (lang === 'es') return `${n}.ª`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "A", "A and B", "A, B and C"; "A, B y C". */
export function listWords(items: string[], lang: Lang = 'en'): string {
  return new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
}

const displayNames = (lang: Lang, type: 'language' | 'region') => new Intl.DisplayNames([LOCALES[lang]], { type });
const NAMES = {
  en: { language: displayNames('en', 'language'), region: displayNames('en', 'region') },
  es: { language: displayNames('es', 'language'), region: displayNames('es', 'region') },
};

export function languageName(code: string | null, lang: Lang = 'en'): string | null {
  if (!code) return null;
  try {
    return NAMES[lang].language.of(code) ?? null;
  } catch {
    return null;
  }
}

/** "Mexico", "the United States"; "México", "Estados Unidos". */
export function countryName(code: string | null, withArticle = false, lang: Lang = 'en'): string | null {
  if (!code) return null;
  let name: string | undefined;
  try {
    name = NAMES[lang].region.of(code);
  } catch {
    return null;
  }
  if (!name) return null;
  const needsThe = lang === 'en' && /^(United |Netherlands|Philippines|Czech Republic|Dominican Republic)/.test(name);
  return withArticle && needsThe ? `the ${name}` : name;
}

/** A kind of show in words, with the grammatical gender its article and adjectives agree with. */
export interface KindWords {
  phrase: string;
  feminine: boolean;
}

/** "crime drama", "animated fantasy series", "comedy": what kind of show this is, in English. */
export function kindOfShow(type: string, genres: string[], max = 2): string {
  const lower = genres.map((g) => g.toLowerCase());
  if (type === 'documentary') return 'documentary series';
  if (type === 'reality') return 'reality series';
  const noun = lower.includes('drama') ? 'drama' : lower.includes('comedy') ? 'comedy' : 'series';
  const adjectives = lower.filter((g) => g !== noun).slice(0, max);
  const base = [...adjectives, noun].join(' ');
  return type === 'animation' ? `animated ${base}` : base;
}

// TVmaze's genres as Spanish nouns: "un drama de crimen y misterio".
const GENRES_ES: Record<string, string> = {
  action: 'acción',
  adult: 'adultos',
  adventure: 'aventuras',
  anime: 'anime',
  children: 'público infantil',
  comedy: 'comedia',
  crime: 'crimen',
  diy: 'bricolaje',
  drama: 'drama',
  espionage: 'espionaje',
  family: 'familia',
  fantasy: 'fantasía',
  food: 'cocina',
  history: 'historia',
  horror: 'terror',
  legal: 'abogados',
  medical: 'médicos',
  music: 'música',
  mystery: 'misterio',
  nature: 'naturaleza',
  romance: 'romance',
  'science-fiction': 'ciencia ficción',
  sports: 'deportes',
  supernatural: 'lo sobrenatural',
  thriller: 'suspense',
  travel: 'viajes',
  war: 'guerra',
  western: 'wéstern',
};

/** "drama de crimen", "serie animada de fantasía", "comedia": the Spanish, with its gender. */
export function kindOfShowEs(type: string, genres: string[], max = 2): KindWords {
  const lower = genres.map((g) => g.toLowerCase());
  if (type === 'documentary') return { phrase: 'serie documental', feminine: true };
  if (type === 'reality') return { phrase: 'serie de telerrealidad', feminine: true };
  const noun = lower.includes('drama') ? 'drama' : lower.includes('comedy') ? 'comedia' : 'serie';
  const feminine = noun !== 'drama';
  const topics = lower
    .filter((g) => g !== 'drama' && (noun !== 'comedia' || g !== 'comedy'))
    .slice(0, max)
    .map((g) => GENRES_ES[g] ?? g);
  const animated = type === 'animation' ? (feminine ? ' animada' : ' animado') : '';
  return { phrase: `${noun}${animated}${topics.length ? ` de ${listWords(topics, 'es')}` : ''}`, feminine };
}

/** The kind of show in a language. */
export function kindWords(lang: Lang, type: string, genres: string[], max = 2): KindWords {
  if (lang === 'es') return kindOfShowEs(type, genres, max);
  return { phrase: kindOfShow(type, genres, max), feminine: false };
}

/** "a"/"an" before an English phrase; "un"/"una" by gender in Spanish. */
export function indefiniteArticle(lang: Lang, kind: KindWords, before = kind.phrase): string {
  if (lang === 'es') return kind.feminine ? 'una' : 'un';
  return /^[aeiou]/i.test(before) ? 'an' : 'a';
}

/** Text of at most `max` characters, cut at a word and ended with an ellipsis when cut (meta descriptions). */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')}…`;
}
