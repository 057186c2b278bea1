import { describe, expect, it } from 'vitest';
import { normalizeText, searchTerms, showSearchText, slugify } from './text.rules.ts';

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
    expect(slugify('킹덤')).toBe('x');
  });

  it('indexes every title once and caps query terms', () => {
    expect(showSearchText(['Somos.', 'Somos', null])).toBe('somos');
    expect(searchTerms('"; DROP TABLE shows; --')).toEqual(['drop', 'table', 'shows']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});
