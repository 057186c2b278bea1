import { describe, expect, it } from 'vitest';
import { nextSeasonStatus } from './decisions.rules.ts';
import { type Forecast, forecastNextSeason } from './forecast.rules.ts';
import { fitHazard, monthlyHazards, survivalAt } from './hazard.model.ts';
import { dayNumber, isoFromDay, type ShowHistory } from './history.ts';
import { trainModel } from './train.ts';

// A small synthetic world: yearly shows on a broadcast network, most renewed, some not.
function world(): ShowHistory[] {
  const shows: ShowHistory[] = [];
  for (let i = 0; i < 40; i++) {
    const seasons = [];
    const count = 1 + (i % 5);
    for (let n = 1; n <= count; n++) seasons.push({ number: n, premiered: `${2005 + n + (i % 3)}-0${1 + (i % 9)}-15` });
    shows.push({ id: `show-${i}`, title: `Show ${i}`, platform: 'NBC', genres: ['Drama'], country: 'US', seasons, decisions: [] });
  }
  return shows;
}

describe('hazard model', () => {
  it('learns a yearly rhythm from yearly shows', () => {
    const fit = fitHazard({
      spells: world().flatMap((s) => s.seasons.slice(0, -1).map(() => ({ features: [], kind: 'unknown', days: 365, event: true }))),
    });
    const h = monthlyHazards(fit.params, 'unknown', [], 24);
    const peak = h.indexOf(Math.max(...h));
    expect(peak).toBe(11); // 365 days falls in month 11 (0-based, 30.4-day months)
    expect(survivalAt(h, 300)).toBeGreaterThan(0.8);
    expect(survivalAt(h, 400)).toBeLessThan(0.2);
  });

  it('treats a censored wait as information, not as a failure or a success', () => {
    const returned = { features: [], kind: 'unknown', days: 365, event: true };
    const withCensored = fitHazard({
      spells: [...Array(20).fill(returned), ...Array(20).fill({ features: [], kind: 'unknown', days: 3000, event: false })],
    });
    const withoutCensored = fitHazard({ spells: Array(20).fill(returned) });
    const p = (params: Record<string, number>) => 1 - survivalAt(monthlyHazards(params, 'unknown', [], 120), 6 * 365);
    expect(p(withCensored.params)).toBeLessThan(0.7);
    expect(p(withoutCensored.params)).toBeGreaterThan(0.9);
  });
});

describe('forecastNextSeason', () => {
  const shows = world();
  const model = trainModel({ histories: shows, asOf: '2015-06-01' });
  const base: ShowHistory = {
    id: 'x',
    title: 'X',
    platform: 'NBC',
    genres: ['Drama'],
    country: 'US',
    seasons: [{ number: 1, premiered: '2014-09-15' }],
    decisions: [],
  };

  it('gives probabilities that only grow with the horizon, and ordered quantiles', () => {
    const f = forecastNextSeason({ show: base, model, asOf: '2015-01-01' });
    expect(f.basis).toBe('waiting');
    expect(f.pWithin365).toBeLessThanOrEqual(f.pWithin730);
    expect(f.pWithin730).toBeLessThanOrEqual(f.pNext);
    const q = f.quantiles!;
    expect([q.p10, q.p25, q.p50, q.p75, q.p90]).toEqual([q.p10, q.p25, q.p50, q.p75, q.p90].sort());
    for (let i = 1; i < f.curve.length; i++) expect(f.curve[i]!.p).toBeGreaterThanOrEqual(f.curve[i - 1]!.p);
  });

  it('lowers the odds the longer a show waits with no word', () => {
    const soon = forecastNextSeason({ show: base, model, asOf: '2015-03-01' });
    const late = forecastNextSeason({ show: base, model, asOf: '2019-03-01' });
    expect(late.pNext).toBeLessThan(soon.pNext);
  });

  it.each([
    ['cancelled', { date: '2015-02-01', kind: 'cancelled' as const, season: 1 }, 'ended'],
    ['renewed', { date: '2015-02-01', kind: 'renewed' as const, season: 2 }, 'renewed'],
    ['final season announced', { date: '2015-02-01', kind: 'ended' as const, season: 2 }, 'renewed'],
  ])('conditions on a decision: %s', (_name, decision, basis) => {
    const f = forecastNextSeason({ show: { ...base, decisions: [decision] }, model, asOf: '2015-03-01' });
    expect(f.basis).toBe(basis);
    if (basis === 'ended') {
      expect(f.pNext).toBeLessThan(0.05);
      expect(f.quantiles).toBeNull();
    } else expect(f.pNext).toBeGreaterThan(0.9);
  });

  it('puts an announced day in the middle of the distribution', () => {
    const show = {
      ...base,
      decisions: [{ date: '2015-02-01', kind: 'date_announced' as const, season: 2, value: '2015-09-20', precision: 'day' as const }],
    };
    const f = forecastNextSeason({ show, model, asOf: '2015-03-01' });
    expect(f.basis).toBe('dated');
    expect(f.quantiles?.p50).toBe('2015-09-20');
    expect(f.pWithin365).toBeGreaterThan(0.95);
  });

  it('ignores the latest word only when it is later than the as-of date', () => {
    const decisions = [{ date: '2015-05-01', kind: 'cancelled' as const, season: 1 }];
    expect(nextSeasonStatus({ ...base, decisions }, 1, '2015-03-01').basis).toBe('waiting');
    expect(nextSeasonStatus({ ...base, decisions }, 1, '2015-06-01').basis).toBe('ended');
  });
});

describe('the mixture: a hit and a flop', () => {
  // Netflix seasons from 2021 to 2023: the half that charted four weeks came back 14 months later, the rest never did.
  const later = (iso: string, days: number) => isoFromDay(dayNumber(iso) + days);
  const weeks = (premiered: string) =>
    [0, 1, 2, 3].map((k) => ({
      season: 1,
      week: later(premiered, 6 + 7 * k),
      rank: 2 + k,
      public: later(premiered, 8 + 7 * k),
      english: true,
    }));
  const netflixShow = (id: string, premiered: string, hit: boolean, returned: boolean): ShowHistory => ({
    id,
    title: id,
    platform: 'Netflix',
    genres: [],
    country: 'US',
    seasons: returned
      ? [
          { number: 1, premiered },
          { number: 2, premiered: later(premiered, 425) },
        ]
      : [{ number: 1, premiered }],
    decisions: [],
    top10: hit ? weeks(premiered) : [],
  });
  const shows = Array.from({ length: 60 }, (_, i) => {
    const premiered = later('2021-07-01', i * 17);
    return netflixShow(`s${i}`, premiered, i % 2 === 0, i % 2 === 0);
  });
  const premiered = '2025-03-07';
  const asked = [netflixShow('hit', premiered, true, false), netflixShow('flop', premiered, false, false)];
  const asOf = '2025-06-01';
  const model = trainModel({ histories: [...shows, ...asked], asOf });

  it('gives a season that charted for a month far better odds than one that never charted', () => {
    const [hit, flop] = asked.map((show) => forecastNextSeason({ show, model, asOf })) as [Forecast, Forecast];
    expect(hit.pNext).toBeGreaterThan(0.7);
    expect(flop.pNext).toBeLessThan(0.25);
    expect(hit.pWithin730).toBeGreaterThan(flop.pWithin730 + 0.4);
  });

  it('does not use a Top 10 week before the day it was published', () => {
    const early = '2025-03-14'; // the first week has ended but its list is not out
    const earlyModel = trainModel({ histories: [...shows, ...asked], asOf: early });
    const [hit, flop] = asked.map((show) => forecastNextSeason({ show, model: earlyModel, asOf: early })) as [Forecast, Forecast];
    expect(hit.pNext).toBe(flop.pNext);
  });
});
