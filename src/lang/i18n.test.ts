import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { basePath, CATALOGS, LANGS, LOCALES, langOfPath, localPath, t } from './i18n.ts';

// The element types of intl-messageformat's syntax tree (getAst()), as its parser numbers them.
const TYPE = { argument: 1, number: 2, date: 3, select: 5, plural: 6, tag: 8 } as const;
interface MessageFormatElement {
  type: number;
  value: string;
  children: MessageFormatElement[];
  options: Record<string, { value: MessageFormatElement[] }>;
}

/** The arguments and tags a message uses, with whether an argument is counted (plural) or chosen (select). */
function argumentsOf(elements: MessageFormatElement[], out = new Map<string, string>()): Map<string, string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date) out.set(e.value, out.get(e.value) ?? 'text');
    if (e.type === TYPE.plural) out.set(e.value, 'count');
    if (e.type === TYPE.select) out.set(e.value, out.get(e.value) ?? 'choice');
    if (e.type === TYPE.tag) {
      out.set(`<${e.value}>`, 'tag');
      argumentsOf(e.children, out);
    }
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) argumentsOf(option.value, out);
  }
  return out;
}

const parsed = (lang: (typeof LANGS)[number], key: string) =>
  argumentsOf(
    new IntlMessageFormat(CATALOGS[lang][key as keyof (typeof CATALOGS)['en']], LOCALES[lang]).getAst() as MessageFormatElement[],
  );

describe('the message catalogues', () => {
  const keys = Object.keys(CATALOGS.en);

  it('hold the same keys in every language, none empty', () => {
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGS[lang]).sort()).toEqual([...keys].sort());
      for (const key of keys) expect(CATALOGS[lang][key as keyof (typeof CATALOGS)['en']].trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('parse as ICU MessageFormat, with the same tags in every language', () => {
    for (const key of keys) {
      const tags = (lang: (typeof LANGS)[number]) =>
        [...parsed(lang, key)]
          .filter(([, k]) => k === 'tag')
          .map(([name]) => name)
          .sort();
      expect(tags('es'), key).toEqual(tags('en'));
    }
  });

  it('format in every language from the values the English takes, with nothing left in braces', () => {
    for (const key of keys) {
      const wanted = new Map([...parsed('en', key), ...parsed('es', key)]);
      const values: Record<string, string | number | ((chunks: unknown[]) => string)> = {};
      for (const [name, kind] of wanted) {
        if (kind === 'tag') values[name.slice(1, -1)] = (chunks) => chunks.join('');
        else values[name] = kind === 'count' ? 2 : 'x';
      }
      for (const lang of LANGS) {
        const out = new IntlMessageFormat(CATALOGS[lang][key as keyof (typeof CATALOGS)['en']], LOCALES[lang]).format(values);
        const text = Array.isArray(out) ? out.join('') : String(out);
        expect(text, `${lang} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('maps pages between the languages by path', () => {
    expect(localPath('es', '/shows/somos')).toBe('/es/shows/somos');
    expect(localPath('es', '/')).toBe('/es');
    expect(localPath('en', '/shows/somos')).toBe('/shows/somos');
    expect(langOfPath('/es/shows/somos')).toBe('es');
    expect(langOfPath('/es')).toBe('es');
    expect(langOfPath('/estonia')).toBe('en');
    expect(basePath('/es/calendar')).toBe('/calendar');
    expect(basePath('/es')).toBe('/');
  });

  it('writes plurals the way each language counts', () => {
    expect(t('en', 'duration.months', { years: 5, months: 5 })).toBe('5 years and 5 months');
    expect(t('es', 'duration.months', { years: 5, months: 5 })).toBe('5 años y 5 meses');
    expect(t('es', 'duration.months', { years: 1, months: 0 })).toBe('1 año');
    expect(t('es', 'duration.months', { years: 0, months: 1 })).toBe('1 mes');
    expect(t('es', 'duration.days', { days: 12 })).toBe('12 días');
  });
});
