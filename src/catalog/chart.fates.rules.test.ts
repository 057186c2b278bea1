import { describe, expect, it } from 'vitest';
import { chartFates, seasonFate } from './chart.fates.rules.ts';

describe('how charted seasons fared', () => {
  it.each([
    [1, { seasons: [1, 2], renewedFor: [], lastSeasons: [] }, 'another'],
    [1, { seasons: [1], renewedFor: [2], lastSeasons: [] }, 'another'],
    [2, { seasons: [1, 2], renewedFor: [2], lastSeasons: [2] }, 'over'],
    [1, { seasons: [1], renewedFor: [], lastSeasons: [1] }, 'over'],
    [1, { seasons: [1], renewedFor: [], lastSeasons: [] }, 'waiting'],
    // A season that charted after the show was said to end (a re-run) still counts as over.
    [3, { seasons: [1, 2, 3], renewedFor: [], lastSeasons: [3] }, 'over'],
  ] as const)('season %i with %j: %s', (season, later, fate) => {
    expect(
      seasonFate(season, { seasons: [...later.seasons], renewedFor: [...later.renewedFor], lastSeasons: [...later.lastSeasons] }),
    ).toBe(fate);
  });

  it('splits long and short chart runs, and keeps undecided seasons out of the share', () => {
    const buckets = chartFates([
      { weeks: 8, fate: 'another' },
      { weeks: 5, fate: 'another' },
      { weeks: 6, fate: 'over' },
      { weeks: 9, fate: 'waiting' },
      { weeks: 1, fate: 'over' },
      { weeks: 2, fate: 'waiting' },
    ]);
    expect(buckets).toEqual([
      { weeks: { from: 5, to: null }, seasons: 4, another: 2, over: 1, waiting: 1, share: 2 / 3 },
      { weeks: { from: 1, to: 4 }, seasons: 2, another: 0, over: 1, waiting: 1, share: 0 },
    ]);
    expect(chartFates([])).toEqual([]);
  });
});
