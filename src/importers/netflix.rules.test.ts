import { describe, expect, it } from 'vitest';
import { countryCode, languageCode } from './codes.rules.ts';
import { parseDateAdded, parseSeasonCount, readListedIn } from './netflix.rules.ts';

describe('Netflix catalogue rules', () => {
  it.each([
    ['30-Jun-21', '2021-06-30'],
    [' June 30, 2021', '2021-06-30'],
    ['1-Jan-08', '2008-01-01'],
    ['September 25, 2021', '2021-09-25'],
    ['', null],
    ['  ', null],
    ['31-Feb-21', undefined],
    ['30/06/2021', undefined],
    ['Juny 30, 2021', undefined],
  ])('date_added %j → %j', (text, expected) => {
    expect(parseDateAdded(text)).toBe(expected);
  });

  it.each([
    ['1 Season', 1],
    ['3 Seasons', 3],
    ['90 min', null],
    ['', null],
  ])('duration %j → %j seasons', (text, expected) => {
    expect(parseSeasonCount(text)).toBe(expected);
  });

  it('reads genres, kind and language out of listed_in', () => {
    expect(readListedIn('Crime TV Shows, International TV Shows, Spanish-Language TV Shows')).toEqual({
      genres: ['Crime'],
      type: 'scripted',
      language: 'es',
      countryHint: null,
    });
    expect(readListedIn('Docuseries, Science & Nature TV')).toMatchObject({ type: 'documentary', genres: ['Nature'] });
    expect(readListedIn('British TV Shows, TV Comedies')).toMatchObject({ countryHint: 'GB', genres: ['Comedy'] });
  });

  it('turns names into codes', () => {
    expect([
      countryCode('Mexico'),
      countryCode('Germany'),
      countryCode('South Korea'),
      countryCode('United States'),
      countryCode('Atlantis'),
    ]).toEqual(['MX', 'DE', 'KR', 'US', null]);
    expect([languageCode('Spanish'), languageCode('Korean'), languageCode('Elvish')]).toEqual(['es', 'ko', null]);
  });
});
