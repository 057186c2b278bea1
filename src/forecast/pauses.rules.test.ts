import { describe, expect, it } from 'vitest';
import { dayNumber, MONTH_DAYS } from './history.ts';
import { INDUSTRY_PAUSES, pausesAsOf, stoppageMonths } from './pauses.rules.ts';

describe('industry pauses', () => {
  it('knows nothing of a stoppage before its first day', () => {
    expect(pausesAsOf(INDUSTRY_PAUSES, '2020-03-12')).toEqual([]);
  });

  it('forecasts the end of a running stoppage from none before it: 120 days, at least 30 more from today', () => {
    const [early] = pausesAsOf(INDUSTRY_PAUSES, '2020-04-01');
    expect(early?.ongoing).toBe(true);
    expect((early?.end ?? 0) - dayNumber('2020-03-13')).toBe(120);
    const [late] = pausesAsOf(INDUSTRY_PAUSES, '2020-08-01');
    expect((late?.end ?? 0) - dayNumber('2020-08-01')).toBe(30);
  });

  it('forecasts a later stoppage from the mean length of those that ended, and uses real ends once known', () => {
    const spans = pausesAsOf(INDUSTRY_PAUSES, '2023-06-01');
    expect(spans.map((s) => [s.name, s.ongoing])).toEqual([
      ['covid-19-shutdown-2020', false],
      ['wga-strike-2023', true],
    ]);
    const covid = dayNumber('2020-09-01') - dayNumber('2020-03-13');
    expect((spans[1]?.end ?? 0) - dayNumber('2023-05-02')).toBe(covid);
    const after = pausesAsOf(INDUSTRY_PAUSES, '2024-01-01');
    expect(after.every((s) => !s.ongoing)).toBe(true);
    expect(after[2]?.end).toBe(dayNumber('2023-11-09'));
  });

  it('marks the months of a wait inside a stoppage and in the year after it', () => {
    const spans = pausesAsOf(INDUSTRY_PAUSES, '2022-01-01');
    const start = dayNumber('2019-12-01');
    const months = stoppageMonths(spans, start, 30);
    const at = (iso: string) => months[Math.floor((dayNumber(iso) - start) / MONTH_DAYS)];
    expect(at('2020-01-15')).toBeUndefined();
    expect(at('2020-05-15')).toEqual(['stoppage:during']);
    expect(at('2021-03-15')).toEqual(['stoppage:after']);
    expect(at('2021-12-15')).toBeUndefined();
    expect(stoppageMonths([], start, 30)).toEqual({});
  });
});
