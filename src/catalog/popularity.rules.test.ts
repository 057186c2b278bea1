import { describe, expect, it } from 'vitest';
import { bigNumber, popularitySentences } from './popularity.rules.ts';

describe("a show's Netflix figures in words", () => {
  it('says how long a season charted, its peak and its hours, as Netflix published them', () => {
    const sentences = popularitySentences({
      weeks: [
        { season: 1, week: '2021-07-04', list: 'TV (Non-English)', rank: 5, hours: 11_510_000 },
        { season: 1, week: '2021-07-11', list: 'TV (Non-English)', rank: 10, hours: 9_420_000 },
      ],
      reports: [
        { season: 1, period: '2023-H2', hours: 3_100_000, views: 600_000 },
        { season: 1, period: '2024-H1', hours: 2_500_000, views: 500_000 },
        { season: 2, period: '2024-H1', hours: 950_000, views: null },
      ],
    });
    expect(sentences.map((s) => s.sentence)).toEqual([
      "Season 1: 2 weeks in Netflix's global Top 10 (TV, non-English), peaking at #5 in the week to 4 July 2021; 3.1 million hours viewed in July–December 2023 and 2.5 million in January–June 2024.",
      'Season 2: 950,000 hours viewed in January–June 2024.',
    ]);
    expect(sentences[0]?.weeks.map((w) => w.rank)).toEqual([5, 10]);
  });

  it('takes the first week a peak was reached, and names each list a season was in', () => {
    const [s] = popularitySentences({
      weeks: [
        { season: 3, week: '2022-01-02', list: 'TV (English)', rank: 2, hours: 1 },
        { season: 3, week: '2022-01-09', list: 'TV (Non-English)', rank: 2, hours: 1 },
        { season: 3, week: '2022-01-16', list: 'TV (English)', rank: 1, hours: 1 },
        { season: 3, week: '2022-01-23', list: 'TV (English)', rank: 1, hours: 1 },
      ],
      reports: [],
    });
    expect(s?.sentence).toBe(
      "Season 3: 4 weeks in Netflix's global Top 10 (TV, English; TV, non-English), peaking at #1 in the week to 16 January 2022.",
    );
  });

  it.each([
    [950_000, '950,000'],
    [3_100_000, '3.1 million'],
    [541_900_000, '542 million'],
    [1_250_000_000, '1.25 billion'],
  ])('%d hours is %s', (n, words) => expect(bigNumber(n)).toBe(words));
});
