import { describe, expect, it } from 'vitest';
import { parseSeasonTitle } from './season.title.rules.ts';

describe('Netflix season titles', () => {
  it.each([
    ['Somos.: Season 1', 'Somos.', { show: 'Somos.', season: 1, limited: false, original: null }],
    ['Bridgerton: Season 3', undefined, { show: 'Bridgerton', season: 3, limited: false, original: null }],
    ['Fool Me Once: Limited Series', undefined, { show: 'Fool Me Once', season: 1, limited: true, original: null }],
    ['Lupin: Part 3', undefined, { show: 'Lupin', season: 3, limited: false, original: null }],
    ['Money Heist: Part 5', 'Money Heist', { show: 'Money Heist', season: 5, limited: false, original: null }],
    ['Love, Death & Robots: Volume 3', undefined, { show: 'Love, Death & Robots', season: 3, limited: false, original: null }],
    ['Avatar: The Last Airbender: Book 2', undefined, { show: 'Avatar: The Last Airbender', season: 2, limited: false, original: null }],
    [
      'Dear Child: Limited Series // Liebes Kind: Miniserie',
      undefined,
      { show: 'Dear Child', season: 1, limited: true, original: 'Liebes Kind' },
    ],
    [
      'The Empress: Season 1 // Die Kaiserin: Staffel 1',
      undefined,
      { show: 'The Empress', season: 1, limited: false, original: 'Die Kaiserin' },
    ],
    [
      'Ricardo Quevedo: Los amargados somos más',
      undefined,
      { show: 'Ricardo Quevedo: Los amargados somos más', season: 1, limited: false, original: null },
    ],
    ['Stranger Things: Season 4 Part 2', undefined, { show: 'Stranger Things', season: 4, limited: false, original: null }],
    ['Lupin: Season 1 (Part 2)', undefined, { show: 'Lupin', season: 1, limited: false, original: null }],
    ['Cobra Kai: Season 6 - Volume 1', undefined, { show: 'Cobra Kai', season: 6, limited: false, original: null }],
    ['The Witcher: Blood Origin: Part II', undefined, { show: 'The Witcher: Blood Origin', season: 2, limited: false, original: null }],
    ['Dark: Staffel 3', undefined, { show: 'Dark', season: 3, limited: false, original: null }],
    ['Élite: 7ª temporada', undefined, { show: 'Élite', season: 7, limited: false, original: null }],
    ['Squid Game: 시즌 2', undefined, { show: 'Squid Game', season: 2, limited: false, original: null }],
    ['Stranger Things 4', 'Stranger Things', { show: 'Stranger Things', season: 4, limited: false, original: null }],
    ['Barbarians: II', 'Barbarians', { show: 'Barbarians', season: 2, limited: false, original: null }],
    ['Weak Hero: Class 2', 'Weak Hero', { show: 'Weak Hero', season: 2, limited: false, original: null }],
    ['Wednesday', 'Wednesday', { show: 'Wednesday', season: 1, limited: false, original: null }],
    // The show's own title has a colon: given apart, it is kept whole.
    ['Star Wars: Andor: Season 2', 'Star Wars: Andor', { show: 'Star Wars: Andor', season: 2, limited: false, original: null }],
  ])('%s', (title, show, expected) => {
    expect(parseSeasonTitle(title, show)).toEqual(expected);
  });
});
