import { describe, expect, it } from 'vitest';
import { classify, showsNamed, type TitleEntry } from './news.rules.ts';

const titles: TitleEntry[] = [
  { showId: 1, title: 'Somos.', normalized: 'somos' },
  { showId: 2, title: 'Dark', normalized: 'dark' },
  { showId: 3, title: 'The Last of Us', normalized: 'the last of us' },
  { showId: 4, title: '¿Quién mató a Sara?', normalized: 'quien mato a sara' },
];

describe('news rules', () => {
  it.each([
    ["Netflix renews 'Somos.' for a second season", { kind: 'renewed', season: 2, announced: null }],
    ['The Last of Us renewed for season 3 at HBO', { kind: 'renewed', season: 3, announced: null }],
    ['Dark cancelled after one season', { kind: 'cancelled', season: null, announced: null }],
    ['Squid Game season 3 will be the final season', { kind: 'ended', season: 3, announced: null }],
    [
      'Wednesday season 2 premiere date set: August 6, 2025',
      { kind: 'date_announced', season: 2, announced: { date: '2025-08-06', precision: 'day' } },
    ],
    ['Severance returns in January 2025', { kind: 'date_announced', season: null, announced: { date: '2025-01-01', precision: 'month' } }],
    ['Interview: the cast of Somos. on their roles', null],
  ])('%s', (headline, expected) => {
    expect(classify(headline)).toEqual(expected);
  });

  it('finds shows named in a headline, whole words only, one-word titles by their capitals', () => {
    expect(showsNamed("Netflix renews 'Somos.' for a second season", titles)).toEqual([1]);
    expect(showsNamed('Dark renewed', titles)).toEqual([2]);
    expect(showsNamed('A dark day: comedy cancelled', titles)).toEqual([]);
    expect(showsNamed('Quien mato a Sara gets a third season', titles)).toEqual([4]);
    expect(showsNamed('The Last of Usher renewed', titles)).toEqual([]);
  });
});
