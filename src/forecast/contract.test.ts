import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/server.ts';

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

async function forecast(seasons: string[], queries: string[], events?: string[]) {
  const args = ['forecast', '--history', write('seasons.csv', seasons), '--queries', write('queries.csv', queries)];
  if (events) args.push('--events', write('events.csv', events));
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
  ])('refuses %s with file, line and field, exit 2, and prints nothing', async (_name, seasons, queries, events, message) => {
    const { code, stdout, stderr } = await forecast(seasons, queries, events);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
