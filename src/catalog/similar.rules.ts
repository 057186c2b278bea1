import { type Lang, t } from '../lang/i18n.ts';
import { countryName, indefiniteArticle, kindWords, languageName } from '../lang/words.rules.ts';
import type { ShowRow } from './shows.queries.ts';

export interface SimilarShow {
  show: ShowRow;
  score: number;
  reason: string;
}

// Weights: sharing genres matters most; a non-English language is a stronger tie than English.
const WEIGHTS = { genre: 3, platform: 1.5, country: 1, language: 1, rareLanguage: 2, era: 1 };
const ERA_YEARS = 4;

function year(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

/** Ranks candidates by shared genres, platform, country, language and era; each gets a short reason. */
export function similarShows({
  show,
  candidates,
  limit = 6,
  lang = 'en',
}: {
  show: ShowRow;
  candidates: ShowRow[];
  limit?: number;
  lang?: Lang;
}): SimilarShow[] {
  const genres = new Set(show.genres);
  const scored = candidates
    .filter((c) => c.id !== show.id)
    .map((c) => {
      const shared = c.genres.filter((g) => genres.has(g));
      const union = new Set([...show.genres, ...c.genres]).size || 1;
      const samePlatform = !!show.platform && c.platform?.slug === show.platform.slug;
      const sameCountry = !!show.country && c.country === show.country;
      const sameLanguage = !!show.language && c.language === show.language;
      const y1 = year(show.premiered);
      const y2 = year(c.premiered);
      const sameEra = y1 !== null && y2 !== null && Math.abs(y1 - y2) <= ERA_YEARS;
      const score =
        WEIGHTS.genre * (shared.length / union) +
        (samePlatform ? WEIGHTS.platform : 0) +
        (sameCountry ? WEIGHTS.country : 0) +
        (sameLanguage ? (show.language === 'en' ? WEIGHTS.language : WEIGHTS.rareLanguage) : 0) +
        (sameEra ? WEIGHTS.era : 0);
      return { show: c, score, reason: reason({ show, shared, samePlatform, sameCountry, sameLanguage, sameEra, type: c.type }, lang) };
    })
    .filter((s) => s.score > 0);
  scored.sort((a, b) => b.score - a.score || a.show.title.localeCompare(b.show.title));
  return scored.slice(0, limit);
}

/** "also a Spanish-language crime drama on Netflix", "also from Mexico, from the same years"; "también un drama de crimen en español en Netflix". */
function reason(
  r: {
    show: ShowRow;
    shared: string[];
    samePlatform: boolean;
    sameCountry: boolean;
    sameLanguage: boolean;
    sameEra: boolean;
    type: string;
  },
  lang: Lang,
): string {
  const language = r.sameLanguage && r.show.language !== 'en' ? languageName(r.show.language, lang) : null;
  const kind = r.shared.length > 0 ? kindWords(lang, r.type, r.shared) : language ? kindWords(lang, 'series', []) : null;
  const where: string[] = [];
  if (r.sameCountry && !language) where.push(t(lang, 'similar.from', { country: countryName(r.show.country, true, lang) ?? '' }));
  if (r.samePlatform) where.push(t(lang, 'similar.on', { platform: r.show.platform?.name ?? '' }));
  if (!kind && where.length === 0 && r.sameEra) where.push(t(lang, 'similar.era'));
  return t(lang, 'similar.reason', {
    kind: kind?.phrase ?? 'none',
    article: kind ? indefiniteArticle(lang, kind, language ? `${language}-language` : kind.phrase) : '',
    language: language ?? 'none',
    where: kind ? where.join(' ') || 'none' : where.join(', '),
  });
}
