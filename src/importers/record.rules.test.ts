import { describe, expect, it } from 'vitest';
import { oneLine, plainText, tidyRecord } from './record.rules.ts';

describe('imported text', () => {
  it.each([
    ['Somos.', 'Somos.'],
    ['Harbour\r\nLights', 'Harbour Lights'],
    ['Null\u0000Byte', 'Null Byte'],
    ['  Tab\tand\u000bvertical  ', 'Tab and vertical'],
    ['Escape \u001b[31mred', 'Escape [31mred'],
    ['C1\u0085next\u009bline', 'C1 next line'],
    ['Bidi \u202egnp.exe', 'Bidi gnp.exe'],
    ['Zero\u200bwidth\ufeff', 'Zerowidth'],
    ['Family 👨\u200d👩\u200d👧', 'Family 👨\u200d👩\u200d👧'],
    ['\u0000\r\n', ''],
  ])('one line: %j → %j', (input, output) => {
    expect(oneLine(input)).toBe(output);
  });

  it('keeps the line breaks of a longer text, and nothing else invisible', () => {
    expect(plainText('One.\r\nTwo\u0000 three.\rFour\u202e.')).toBe('One.\nTwo three.\nFour.');
  });

  it('tidies every text field of a record and drops links that fail the link rule', () => {
    const rec = tidyRecord({
      location: 'x:1',
      ids: { tvmaze: 1, imdb: 'tt1234567\r\n' },
      title: 'A\nB',
      originalTitle: '\u0000',
      officialSite: 'JavaScript:alert(1)',
      platform: { name: 'Net\rflix', kind: 'streaming', country: null },
      genres: ['Drama\u0000', '\u0000'],
      credits: [
        { role: 'cast', name: 'Ana\nPérez', character: 'Ro\u0000sa' },
        { role: 'cast', name: '\u0007' },
      ],
      episodes: [{ season: 1, number: 1, title: 'Pilot\r\n', airdate: null, airstamp: null, runtime: null, tvmazeId: null }],
    });
    expect(rec).toMatchObject({
      ids: { tvmaze: 1, imdb: null },
      title: 'A B',
      originalTitle: null,
      officialSite: null,
      platform: { name: 'Net flix' },
      genres: ['Drama'],
      credits: [{ role: 'cast', name: 'Ana Pérez', character: 'Ro sa' }],
      episodes: [{ title: 'Pilot' }],
    });
    expect(tidyRecord({ location: 'x', ids: {}, title: 't', officialSite: 'https://example.com/' }).officialSite).toBe(
      'https://example.com/',
    );
  });
});
