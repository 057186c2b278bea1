import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './messages/en.ts';
import { es } from './messages/es.ts';

// Every sentence a reader sees, in each language, as ICU MessageFormat (plurals and selects), never glued
// together from pieces of English.

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof en;
export type Values = Record<string, string | number>;

export const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, es };

/** The locale Intl formats dates and numbers in: British English writes "30 June 2021", as the site always has. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', es: 'es' };

/** What a page's <html lang> and hreflang say. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', es: 'es' };

const compiled = new Map<string, IntlMessageFormat>();

function message(lang: Lang, key: MessageKey): IntlMessageFormat {
  const id = `${lang}:${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGS[lang][key], LOCALES[lang]);
    compiled.set(id, format);
  }
  return format;
}

export function t(lang: Lang, key: MessageKey, values?: Values): string {
  return String(message(lang, key).format(values));
}

/** A message with tags (`<link>…</link>`) filled by functions: the parts, for a page to place links in a sentence. */
export function richParts<T>(lang: Lang, key: MessageKey, values: Record<string, string | number | ((chunks: Array<string | T>) => T)>) {
  const parts = message(lang, key).format<T>(values);
  return (Array.isArray(parts) ? parts : [parts]) as Array<string | T>;
}

/** Spanish pages live under /es with the same paths; English at the root. */
export function langOfPath(path: string): Lang {
  return path === '/es' || path.startsWith('/es/') ? 'es' : 'en';
}

/** The path of a page in a language: localPath('es', '/shows/somos') is '/es/shows/somos'; '/' is '/es'. */
export function localPath(lang: Lang, path: string): string {
  if (lang === 'en') return path;
  return path === '/' ? '/es' : `/es${path}`;
}

/** The language-free path of a page: '/es/shows/somos' → '/shows/somos', '/es' → '/'. */
export function basePath(path: string): string {
  if (path === '/es') return '/';
  return path.startsWith('/es/') ? path.slice(3) : path;
}

/** Whole numbers and decimals the way the language writes them: 1,234.5 or 1234,5 ("11,5 millones"). */
export function formatNumber(lang: Lang, n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[lang], options).format(n);
}

/** A chance as the language writes a percentage, never a bare 0% or 100% for what is only nearly so. */
export function formatChance(lang: Lang, p: number): string {
  const pct = (x: number) => formatNumber(lang, x, { style: 'percent', maximumFractionDigits: 0 });
  if (p > 0 && p < 0.005) return `<${pct(0.01)}`;
  if (p < 1 && p >= 0.995) return `>${pct(0.99)}`;
  return pct(p);
}
