import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/server.ts';
import { dayNumber, isoFromDay } from './history.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-contract-'));
function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const SEASONS = [
  'show_id,title,platform,season,premiered',
  'a,Alpha,Netflix,1,2019-03-01',
  'a,Alpha,Netflix,2,2020-06-12',
  'b,Beta,HBO,1,2018-01-14',
  'b,Beta,HBO,2,2019-01-20',
  'b,Beta,HBO,3,2020-01-19',
  'c,Gamma,Lifetime,1,2020-08-01',
  'd,"Delta, The Series",Netflix,1,2021-06-30',
];
const EVENTS = [
  'show_id,date,kind,season,value',
  'a,2020-08-01,renewed,3,',
  'b,2020-03-01,ended,3,',
  'c,2020-10-01,date_announced,2,2021-09-15',
];
const QUERIES = ['show_id,as_of', 'a,2020-09-01', 'b,2020-09-01', 'c,2020-11-01', 'd,2021-07-01', 'a,2019-04-01'];

const SIGNALS = [
  'week,category,weekly_rank,show_title,season_title,weekly_hours_viewed,runtime,weekly_views,cumulative_weeks_in_top_10',
  '2019-03-10,TV (English),2,ALPHA,Alpha: Season 1,12000000,,,1',
  '2020-06-14,TV (English),1,Alpha,Alpha: Season 2,30000000,,,1',
  '2021-07-04,TV (Non-English),4,"Delta, the Series!","Delta, the Series!: Limited Series",9000000,,,1',
  '2021-07-04,Films (English),1,Some Film,N/A,50000000,1.9,26000000,1',
];

async function forecast(seasons: string[], queries: string[], events?: string[], signals?: string[]) {
  const args = ['forecast', '--history', write('seasons.csv', seasons), '--queries', write('queries.csv', queries)];
  if (events) args.push('--events', write('events.csv', events));
  if (signals) args.push('--signals', write('top10.csv', signals));
  return runCli(args, {});
}

describe('nextseason forecast (the CSV contract)', () => {
  it('prints one JSON object per query, in query order, with exactly the agreed fields', async () => {
    const { code, stdout, stderr } = await forecast(SEASONS, QUERIES, EVENTS);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.show_id, l.as_of])).toEqual(QUERIES.slice(1).map((q) => q.split(',')));
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['show_id', 'as_of', 'next_season', 'p_next', 'p_within_365', 'p_within_730', 'quantiles']);
      expect(l.p_within_365).toBeLessThanOrEqual(l.p_within_730);
      expect(l.p_within_730).toBeLessThanOrEqual(l.p_next);
      if (l.p_next < 0.05) expect(l.quantiles).toBeNull();
      else expect(Object.keys(l.quantiles)).toEqual(['p10', 'p25', 'p50', 'p75', 'p90']);
    }
    const [a, b, c, d, aEarly] = lines;
    expect(a).toMatchObject({ next_season: 3 });
    expect(a.p_next).toBeGreaterThan(0.9); // renewed
    expect(b).toMatchObject({ next_season: 4, quantiles: null });
    expect(b.p_next).toBeLessThan(0.05); // ended
    expect(c.quantiles.p50).toBe('2021-09-15'); // dated
    expect(d).toMatchObject({ next_season: 2 });
    expect(aEarly).toMatchObject({ next_season: 2 }); // season 2 was not out yet on 2019-04-01
  });

  it('gives the same answers when rows dated after every query are appended', async () => {
    const before = await forecast(SEASONS, QUERIES, EVENTS);
    const after = await forecast(
      [...SEASONS, 'a,Alpha,Netflix,3,2021-11-01', 'd,"Delta, The Series",Netflix,2,2022-12-01', 'e,Epsilon,ABC,1,2021-09-01'],
      QUERIES,
      [...EVENTS, 'd,2021-08-01,cancelled,1,', 'b,2021-09-01,renewed,4,'],
    );
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
  });

  it('gives the same answers when Top 10 weeks and industry pauses dated after every query are appended', async () => {
    const before = await forecast(SEASONS, QUERIES, [...EVENTS, '*,2020-05-01,industry_pause_started,,test-pause'], SIGNALS);
    expect(before.stderr).toBe('');
    const after = await forecast(
      SEASONS,
      QUERIES,
      [
        ...EVENTS,
        '*,2020-05-01,industry_pause_started,,test-pause',
        '*,2021-09-01,industry_pause_ended,,test-pause',
        '*,2022-01-01,industry_pause_started,,later',
      ],
      [...SIGNALS, '2021-07-11,TV (Non-English),1,Delta The Series,Delta The Series: Limited Series,20000000,,,2'],
    );
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
  });

  it('uses a Top 10 week from the Tuesday it was published, and lists signals and industry pauses in its help', async () => {
    // Netflix seasons of 2021–22: those that charted came back a year later. Epsilon's first week ends Sunday 2023-03-05.
    const seasons = [...SEASONS, 'e,Epsilon,Netflix,1,2023-03-01'];
    const signals = [...SIGNALS];
    for (let i = 0; i < 16; i++) {
      const premiered = isoFromDay(dayNumber('2021-07-07') + 21 * i);
      seasons.push(`n${i},Show ${i},Netflix,1,${premiered}`);
      if (i % 2) continue;
      seasons.push(`n${i},Show ${i},Netflix,2,${isoFromDay(dayNumber(premiered) + 365)}`);
      signals.push(`${isoFromDay(dayNumber(premiered) + 4)},TV (English),3,Show ${i},Show ${i}: Season 1,9000000,,,1`);
    }
    const queries = ['show_id,as_of', 'e,2023-03-06', 'e,2023-03-08'];
    const withWeek = await forecast(seasons, queries, EVENTS, [...signals, '2023-03-05,TV (English),1,Epsilon,Epsilon: Season 1,1,,,1']);
    const without = await forecast(seasons, queries, EVENTS, signals);
    expect(withWeek.code).toBe(0);
    const [monday, wednesday] = withWeek.stdout.trim().split('\n');
    const [mondayWithout, wednesdayWithout] = without.stdout.trim().split('\n');
    expect(monday).toBe(mondayWithout); // Monday: the list is not out yet
    expect(wednesday).not.toBe(wednesdayWithout); // Wednesday: it is, and a season that charted is likelier to return
    const p = (line?: string) => JSON.parse(line ?? '{}').p_next as number;
    expect(p(wednesday)).toBeGreaterThan(p(wednesdayWithout));
    const help = await runCli(['forecast', '--help'], {});
    expect(help.stdout).toMatch(/--signals/);
    expect(help.stdout).toMatch(/industry_pause_started/);
    expect(help.stdout).toMatch(/industry_pause_ended/);
  });

  it.each([
    [
      'a missing column',
      ['show_id,title,season,premiered', 'a,Alpha,1,2019-03-01'],
      QUERIES,
      undefined,
      /seasons\.csv:1: missing column platform/,
    ],
    ['a bad date', [...SEASONS, 'e,Epsilon,ABC,1,2021-02-30'], QUERIES, undefined, /seasons\.csv:9: premiered: "2021-02-30" is not a date/],
    [
      'an unknown kind',
      SEASONS,
      QUERIES,
      [...EVENTS, 'a,2020-01-01,rebooted,2,'],
      /events\.csv:5: kind: "rebooted" is not one of renewed, cancelled, ended, date_announced/,
    ],
    [
      'a query for a show with no history',
      SEASONS,
      [...QUERIES, 'zz,2020-01-01'],
      undefined,
      /queries\.csv:7: show_id: "zz" has no history/,
    ],
    ['a bad as_of', SEASONS, ['show_id,as_of', 'a,yesterday'], undefined, /queries\.csv:2: as_of: "yesterday" is not a date/],
    [
      'a decision for every show',
      SEASONS,
      QUERIES,
      [...EVENTS, '*,2020-01-01,renewed,2,'],
      /events\.csv:5: kind: "renewed" is not one of industry_pause_started, industry_pause_ended/,
    ],
    [
      'an industry pause with no name',
      SEASONS,
      QUERIES,
      [...EVENTS, '*,2020-01-01,industry_pause_started,,'],
      /events\.csv:5: value: is empty/,
    ],
    [
      'an industry pause that ends before it starts',
      SEASONS,
      QUERIES,
      [...EVENTS, '*,2020-01-01,industry_pause_ended,,strike', '*,2020-02-01,industry_pause_started,,strike'],
      /events\.csv:5: value: industry pause "strike" ends on 2020-01-01 but has not started by then/,
    ],
  ])('refuses %s with file, line and field, exit 2, and prints nothing', async (_name, seasons, queries, events, message) => {
    const { code, stdout, stderr } = await forecast(seasons, queries, events);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['a missing column', [SIGNALS[0]?.replace(',weekly_rank', '') as string], /top10\.csv:1: missing column weekly_rank/],
    ['a bad week', [...SIGNALS, '2021-02-30,TV (English),1,Alpha,Alpha: Season 2,1,,,1'], /top10\.csv:6: week: "2021-02-30" is not a date/],
    [
      'a bad rank',
      [...SIGNALS, '2021-03-07,TV (English),11,Alpha,Alpha: Season 2,1,,,1'],
      /top10\.csv:6: weekly_rank: "11" is not a rank from 1 to 10/,
    ],
    [
      'an unknown list',
      [...SIGNALS, '2021-03-07,Podcasts,1,Alpha,Alpha: Season 2,1,,,1'],
      /top10\.csv:6: category: "Podcasts" is not one of/,
    ],
  ])('refuses a signals file with %s: file, line and field, exit 2, and prints nothing', async (_name, signals, message) => {
    const { code, stdout, stderr } = await forecast(SEASONS, QUERIES, EVENTS, signals);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
