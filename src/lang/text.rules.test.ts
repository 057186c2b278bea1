import { describe, expect, it } from 'vitest';
import { slugBeforeScripts } from '../testing/slugs.before.ts';
import { cutSlug, normalizeText, romanize, searchTerms, showSearchText, slugify } from './text.rules.ts';

describe('text normalisation', () => {
  it.each([
    ['Somos.', 'somos'],
    ['Álvaro Curiel', 'alvaro curiel'],
    ['¿Quién mató a Sara?', 'quien mato a sara'],
    ["Schitt's Creek", 'schitt s creek'],
    ['Shōgun', 'shogun'],
    ['  Dark  ', 'dark'],
    ['킹덤', '킹덤'],
  ])('%j → %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('makes ASCII slugs and never an empty one', () => {
    expect(slugify('Álvaro Curiel')).toBe('alvaro-curiel');
    expect(slugify('')).toBe('x');
    expect(slugify('!!! ★ ?')).toBe('x');
  });

  it('indexes every title once and caps query terms', () => {
    expect(showSearchText(['Somos.', 'Somos', null])).toBe('somos');
    expect(searchTerms('"; DROP TABLE shows; --')).toEqual(['drop', 'table', 'shows']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('slugs in every script', () => {
  it.each([
    ['오징어 게임', 'ojingeo-geim'], // Korean
    ['킹덤', 'kingdeom'],
    ['千と千尋の神隠し', 'qiantoqianxunnoshenyinshi'], // Japanese, as any-ascii reads it
    ['ダンジョン飯', 'danjiyonfan'],
    ['ラーメン', 'ramen'], // the long-vowel mark belongs to the word
    ['进击的巨人', 'jinjidejuren'], // Chinese
    ['Твин Пикс', 'tvin-piks'], // Cyrillic
    ['Звёздный Балабол', 'zvezdnyy-balabol'],
    ['Ісландія', 'islandiya'], // Ukrainian
    ['ال مبروك', 'l-mbrwk'], // Arabic
    ['17 Κλωστές', '17-klostes'], // Greek
    ['Αθήνα', 'athina'],
    ['สวัสดี', 'swasdi'], // Thai
    ['VK Видео Originals', 'vk-video-originals'], // mixed: each word spelt out in its place
    ['Lee이정재', 'lee-ijeongjae'],
    ['Зве\u0308здный Балабол', 'zvezdnyy-balabol'], // a decomposed letter reads as the composed one
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  const latin = [
    'Somos.',
    'Álvaro Curiel',
    '¿Quién mató a Sara?',
    "Schitt's Creek",
    'Shōgun',
    'Hver gang vi møtes', // letters with no accent to strip drop, as they always did: a person's slug is their key
    'Kısmetse Olur: Aşkın Gücü',
    'Straße',
    'Ærø',
    'Łódź',
    'Þór',
    'Đorđe',
    'Œuvre',
    'ǅemal',
    'ＴＯＫＹＯ ２０２０', // full-width Latin and digits
    '71° nord - team',
    'Sousou no Frieren: ●● no Mahou',
    'SPY×FAMILY',
    '½ Prince',
    '① ② ③',
    'Mevlânâ Celâleddîn-i Rûmî',
    'A\u0301lvaro', // decomposed
    'Ça Va',
    'Ñandú',
    'Pokémon: Horizons',
    'The Office (US)',
    '9-1-1: Lone Star',
    '  Dark  ',
    '',
  ];

  it.each(latin)('keeps the Latin slug of %j as it was', (text) => {
    expect(romanize(text).normalize('NFKD')).toBe(text.normalize('NFKD'));
    expect(slugify(text)).toBe(slugBeforeScripts(text));
  });

  it('cuts a slug too long for a URL at a word', () => {
    expect(cutSlug('abc-def-ghi', 20)).toBe('abc-def-ghi');
    expect(cutSlug('abc-def-ghi', 9)).toBe('abc-def');
    expect(cutSlug('abc-def-ghi', 7)).toBe('abc-def');
    expect(cutSlug('abcdefghij', 4)).toBe('abcd');
  });
});
