import { describe, expect, it } from 'vitest';
import { durationInWords, formatPartialDate, hasHappened, parsePartialDate, partialDateEnd, partialDateToString } from './dates.ts';

describe('partial dates', () => {
  it.each([
    ['2021-06-30', { date: '2021-06-30', precision: 'day' }, '30 June 2021', '2021-06-30'],
    ['2025-08', { date: '2025-08-01', precision: 'month' }, 'August 2025', '2025-08-31'],
    ['2026-Q3', { date: '2026-07-01', precision: 'quarter' }, 'Q3 2026 (July–September)', '2026-09-30'],
    ['2024-02', { date: '2024-02-01', precision: 'month' }, 'February 2024', '2024-02-29'],
    ['2026', { date: '2026-01-01', precision: 'year' }, '2026', '2026-12-31'],
  ])('%s parses, formats at its precision and round-trips', (text, parsed, words, end) => {
    const pd = parsePartialDate(text);
    expect(pd).toEqual(parsed);
    expect(formatPartialDate(pd)).toBe(words);
    expect(partialDateEnd(pd!)).toBe(end);
    expect(partialDateToString(pd!)).toBe(text);
  });

  it.each(['2021-02-30', '2021-13', '2021-Q5', '21-06-30', 'June 2021', '', '2021-6-1'])('rejects %j', (text) => {
    expect(parsePartialDate(text)).toBeNull();
  });

  it('counts a month or year as happened only once it is over', () => {
    const august = parsePartialDate('2025-08');
    expect(hasHappened(august, '2025-08-15')).toBe(false);
    expect(hasHappened(august, '2025-09-01')).toBe(true);
    expect(hasHappened(parsePartialDate('2025-08-15'), '2025-08-15')).toBe(true);
    expect(hasHappened(null, '2030-01-01')).toBe(false);
  });

  it.each([
    ['2021-06-30', '2026-11-25', '5 years and 4 months'],
    ['2021-06-30', '2021-06-30', '0 days'],
    ['2021-06-30', '2021-07-12', '12 days'],
    ['2021-06-30', '2021-07-30', '1 month'],
    ['2020-01-31', '2022-01-31', '2 years'],
  ])('from %s to %s is %s', (from, to, words) => {
    expect(durationInWords(from, to)).toBe(words);
  });
});
