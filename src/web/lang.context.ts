import { type Child, createContext, useContext } from 'hono/jsx';
import { formatPartialDate, type PartialDate } from '../lang/dates.ts';
import { formatNumber, type Lang, langOfPath, localPath, type MessageKey, richParts, t, type Values } from '../lang/i18n.ts';

// The page's language, for every component under the layout: render() provides it from the request's path.

export const LangContext = createContext<Lang>('en');

export interface Speaker {
  lang: Lang;
  /** A message in the page's language. */
  t: (key: MessageKey, values?: Values) => string;
  /** A message whose tags become elements: rich('layout.footer', { tvmaze: (text) => <a href=…>{text}</a> }). */
  rich: (key: MessageKey, values: Record<string, string | number | ((chunks: Child[]) => Child)>) => Child[];
  /** A site path in the page's language: '/shows/somos' → '/es/shows/somos' on a Spanish page. */
  href: (path: string) => string;
  date: (pd: PartialDate | null) => string;
  day: (iso: string) => string;
  number: (n: number, options?: Intl.NumberFormatOptions) => string;
}

export function speaker(lang: Lang): Speaker {
  return {
    lang,
    t: (key, values) => t(lang, key, values),
    rich: (key, values) => richParts<Child>(lang, key, values),
    href: (path) => localPath(lang, path),
    date: (pd) => formatPartialDate(pd, lang),
    day: (iso) => formatPartialDate({ date: iso.slice(0, 10), precision: 'day' }, lang),
    number: (n, options) => formatNumber(lang, n, options),
  };
}

const SPEAKERS = { en: speaker('en'), es: speaker('es') };

/** The page's language and its helpers, inside a component. */
export function useLang(): Speaker {
  return SPEAKERS[useContext(LangContext)];
}

/** The helpers for a handler, from the request's path. */
export function speakerFor(c: { req: { path: string } }): Speaker {
  return SPEAKERS[langOfPath(c.req.path)];
}
