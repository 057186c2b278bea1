import { describe, expect, it } from 'vitest';
import { MIN_BASE, POINT_METHODS, questions, runPointBacktest } from './backtest.points.ts';
import { pointReliabilityChart, pointReport } from './backtest.report.ts';
import { brierSkill, type QualitySummary, readersQuestion, summarise } from './backtest.summary.ts';
import { dayNumber, historyAsOf, isoFromDay, type ShowHistory } from './history.ts';

// A synthetic world where every next season comes exactly 400 days after the last, and a show's end is
// announced 100 days after its last premiere: every third show is cancelled after season 1, the others end
// after season 3. Premieres spread over 2010–2019.
function world(): ShowHistory[] {
  return Array.from({ length: 60 }, (_, i): ShowHistory => {
    const first = dayNumber('2010-01-01') + i * 55;
    const cancelled = i % 3 === 0;
    const count = cancelled ? 1 : 3;
    const seasons = Array.from({ length: count }, (_, n) => ({ number: n + 1, premiered: isoFromDay(first + n * 400) }));
    const last = first + (count - 1) * 400;
    const decisions = [{ date: isoFromDay(last + 100), kind: cancelled ? ('cancelled' as const) : ('ended' as const), season: count }];
    return { id: `show-${i}`, title: `Show ${i}`, platform: 'Netflix', genres: [], country: 'US', seasons, decisions };
  });
}

describe('fixed-point backtest', () => {
  it('asks each season at 45 days, 6 and 12 months and 10 days after a decision, never once its next season is out', () => {
    const show = world()[0] as ShowHistory; // cancelled 100 days after its only premiere
    const asked = questions([show], '2030-01-01').map((q) => [q.point, dayNumber(q.asOf) - dayNumber(q.premiered)]);
    expect(asked).toEqual([
      ['45 days', 45],
      ['after a decision', 110],
      ['6 months', 182],
      ['12 months', 365],
    ]);
    const renewed = world()[1] as ShowHistory; // seasons 400 days apart: the 12-month point is before the next
    const points = questions([renewed], '2030-01-01');
    expect(points.filter((q) => q.season === 1).map((q) => q.point)).toEqual(['45 days', '6 months', '12 months']);
    expect(points.every((q) => q.next === null || q.next > q.asOf)).toBe(true);
    expect(questions([renewed], isoFromDay(dayNumber(renewed.seasons[0]?.premiered as string) + 100)).map((q) => q.point)).toEqual([
      '45 days',
    ]);
  });

  it('learns the base rate from earlier settled cases only, and the cancellation-aware rule says no when it knows', () => {
    const cases = runPointBacktest({ histories: world(), dataEnd: '2022-01-01', prior: {} });
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.some((c) => c.basis === 'ended')).toBe(true); // a known cancellation is scored, not dropped
    for (const c of cases) {
      const base = c.predictions.climatology;
      if (c.point === 'after a decision') continue; // in this world every decision is a cancellation: its base rate is 0
      // Every next season comes within 400 days of its premiere, so within 365 days of any point after it.
      expect(base?.p365).toBeGreaterThan(0.2);
      expect(base?.p365).toBeLessThan(0.8);
      expect(base?.p730).toBeGreaterThan(0.2);
      expect(base?.p730).toBeLessThan(0.8);
      if (c.basis === 'ended') expect(c.predictions['cancellation-aware']?.p730).toBe(0.01);
      else expect(c.predictions['cancellation-aware']?.p730).toBeGreaterThanOrEqual(base?.p730 as number); // its pool leaves out the cases known to be over
    }
    // Base rates need MIN_BASE settled cases at the same point: the first two years are never scored.
    const first = cases.map((c) => c.cutoff).sort()[0] as string;
    expect(dayNumber(first) - dayNumber('2010-01-01')).toBeGreaterThan(730 + (MIN_BASE * 55) / 2);
  });

  it('gives every case the same predictions when every fact after its as-of date is removed', () => {
    const cut = '2018-06-30';
    const full = runPointBacktest({ histories: world(), dataEnd: '2022-01-01', prior: {} });
    const cropped = runPointBacktest({ histories: world().map((h) => historyAsOf(h, cut)), dataEnd: cut, prior: {} });
    const key = (c: { show: string; season: number; point: string; cutoff: string }) => `${c.show}|${c.season}|${c.point}|${c.cutoff}`;
    const before = new Map(full.filter((c) => c.cutoff <= cut).map((c) => [key(c), c.predictions]));
    expect(cropped.length).toBeGreaterThan(10);
    expect(cropped.length).toBe(before.size);
    for (const c of cropped) expect(c.predictions).toEqual(before.get(key(c)));
  });

  it('scores skill over climatology on shows resampled whole, with an interval around it', () => {
    const cases = runPointBacktest({ histories: world(), dataEnd: '2022-01-01', prior: {} });
    const itself = brierSkill(cases, 'climatology', 730);
    expect(itself.skill).toBe(0);
    const aware = brierSkill(cases, 'cancellation-aware', 730);
    expect(aware.skill).toBeGreaterThan(0); // it knows the cancellations climatology ignores
    expect(aware.low).toBeLessThanOrEqual(aware.skill);
    expect(aware.high).toBeGreaterThanOrEqual(aware.skill);
  });

  it('summarises as JSON that survives a round trip, the reader’s question first, and renders it as Markdown', () => {
    const cases = runPointBacktest({ histories: world(), dataEnd: '2022-01-01', prior: {} });
    const summary = summarise(cases, { label: 'a world', command: 'nextseason backtest', dataEnd: '2022-01-01', shows: 60 });
    const back = JSON.parse(JSON.stringify(summary)) as QualitySummary;
    expect(back).toEqual(summary);
    expect(back.slices[0]?.title).toMatch(/reader’s question/);
    expect(back.slices[0]?.cases).toBe(cases.filter(readersQuestion).length);
    expect(back.ever.map((e) => e.method)).toEqual([...POINT_METHODS]);
    // Everything that returns is settled within 400 days, everything else is cancelled: "ever" is learnable.
    expect(back.ever.find((e) => e.method === 'model')?.auc).toBeGreaterThan(0.5);
    const markdown = pointReport(back);
    expect(markdown).not.toMatch(/NaN|undefined|null/);
    expect(markdown.indexOf('reader’s question')).toBeLessThan(markdown.indexOf('Every case'));
    expect(pointReliabilityChart(back, 'chart')).toMatch(/^<svg[^>]*role="img"/);
  });
});
