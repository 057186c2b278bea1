import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../lang/dates.ts';
import { deriveStatus, type EventKind, type SeasonDates, type StatusEvent, type Tier } from './status.rules.ts';

let nextId = 1;
function ev(kind: EventKind, season: number | null, date: string, tier: Tier = 'official', extra: Partial<StatusEvent> = {}): StatusEvent {
  return { id: nextId++, kind, season, effective: parsePartialDate(date)!, announced: null, tier, retracted: false, ...extra };
}
function seasons(...dates: Array<string | null>): SeasonDates[] {
  return dates.map((d, i) => ({ number: i + 1, premiere: d ? parsePartialDate(d) : null }));
}

const TODAY = '2026-11-25';

describe('deriveStatus', () => {
  it.each<[string, SeasonDates[], StatusEvent[], { kind: string; latestSeason: number | null; nextSeason: number; nextIsFinal?: boolean }]>(
    [
      ['no events: undecided', seasons('2024-06-30'), [], { kind: 'undecided', latestSeason: 1, nextSeason: 2 }],
      [
        'renewed for the next season',
        seasons('2022-11-23'),
        [ev('renewed', 2, '2023-01-06')],
        { kind: 'renewed', latestSeason: 1, nextSeason: 2 },
      ],
      [
        'a renewal for a season already out does not count',
        seasons('2023-01-01', '2024-01-01'),
        [ev('renewed', 2, '2023-03-01')],
        { kind: 'undecided', latestSeason: 2, nextSeason: 3 },
      ],
      [
        'cancelled after a renewal: the later official word wins',
        seasons('2019-05-10'),
        [ev('renewed', 2, '2019-07-08'), ev('cancelled', 1, '2020-08-21')],
        { kind: 'cancelled', latestSeason: 1, nextSeason: 2 },
      ],
      [
        'limited, then renewed (revived)',
        seasons('2024-02-27'),
        [ev('limited', 1, '2023-10-01'), ev('renewed', 2, '2024-05-14')],
        { kind: 'renewed', latestSeason: 1, nextSeason: 2 },
      ],
      ['limited series', seasons('2020-10-23'), [ev('limited', 1, '2020-09-01')], { kind: 'limited', latestSeason: 1, nextSeason: 2 }],
      [
        'final season announced and out: ended',
        seasons('2017-12-01', '2019-06-21', '2020-06-27'),
        [ev('ended', 3, '2019-11-01')],
        { kind: 'ended', latestSeason: 3, nextSeason: 4 },
      ],
      [
        'final season announced, not out yet: renewed, and final',
        seasons('2019-12-20', '2021-12-17'),
        [ev('ended', 3, '2022-05-01')],
        { kind: 'renewed', latestSeason: 2, nextSeason: 3, nextIsFinal: true },
      ],
      [
        'renewed and also announced as final',
        seasons('2019-07-26'),
        [ev('renewed', 2, '2019-08-01'), ev('ended', 2, '2019-08-01')],
        { kind: 'renewed', latestSeason: 1, nextSeason: 2, nextIsFinal: true },
      ],
      [
        'a rumour never changes the status',
        seasons('2024-06-30'),
        [ev('cancelled', 1, '2025-01-01', 'rumour')],
        { kind: 'undecided', latestSeason: 1, nextSeason: 2 },
      ],
      [
        'a retracted event is ignored',
        seasons('2024-06-30'),
        [ev('cancelled', 1, '2025-01-01', 'official', { retracted: true })],
        { kind: 'undecided', latestSeason: 1, nextSeason: 2 },
      ],
      [
        'official beats a later report',
        seasons('2022-01-01'),
        [ev('renewed', 2, '2022-02-01', 'official'), ev('cancelled', 1, '2023-01-01', 'report')],
        { kind: 'renewed', latestSeason: 1, nextSeason: 2 },
      ],
      [
        'an event dated after today is not yet known',
        seasons('2024-06-30'),
        [ev('cancelled', 1, '2027-01-01')],
        { kind: 'undecided', latestSeason: 1, nextSeason: 2 },
      ],
      [
        'a dated next season implies a renewal',
        seasons('2021-01-01', '2027-03-01'),
        [],
        { kind: 'renewed', latestSeason: 1, nextSeason: 2 },
      ],
      [
        'a month-precision premiere is out only after that month',
        seasons('2020-01-01', '2026-11'),
        [],
        { kind: 'renewed', latestSeason: 1, nextSeason: 2 },
      ],
      ['nothing out yet: upcoming', seasons('2027-05-01'), [], { kind: 'upcoming', latestSeason: null, nextSeason: 1 }],
    ],
  )('%s', (_name, seasonRows, events, expected) => {
    const status = deriveStatus({ seasons: seasonRows, events, today: TODAY });
    expect({
      kind: status.kind,
      latestSeason: status.latestSeason,
      nextSeason: status.nextSeason,
      nextIsFinal: status.nextIsFinal,
    }).toEqual({
      nextIsFinal: false,
      ...expected,
    });
  });

  it('keeps the official word but shows a later contrary report as a conflict', () => {
    const official = ev('renewed', 2, '2022-02-01', 'official');
    const report = ev('cancelled', 1, '2023-01-01', 'report');
    const status = deriveStatus({ seasons: seasons('2022-01-01'), events: [official, report], today: TODAY });
    expect(status.kind).toBe('renewed');
    expect(status.conflict?.id).toBe(report.id);
    expect(deriveStatus({ seasons: seasons('2022-01-01'), events: [official], today: TODAY }).conflict).toBeNull();
  });

  it('counts undated seasons as out once the show is known to be on air', () => {
    const undated = seasons(null, null, null);
    expect(deriveStatus({ seasons: undated, events: [], today: TODAY }).kind).toBe('upcoming');
    expect(deriveStatus({ seasons: undated, events: [], today: TODAY, onAirSince: '2019-03-20' })).toMatchObject({
      kind: 'undecided',
      latestSeason: 3,
      nextSeason: 4,
    });
  });

  it('takes the next premiere from a date announcement when the season has no row', () => {
    const announced = ev('date_announced', 2, '2026-06-01', 'official', { announced: parsePartialDate('2027-Q2') });
    const status = deriveStatus({ seasons: seasons('2024-01-01'), events: [ev('renewed', 2, '2025-01-01'), announced], today: TODAY });
    expect(status.nextPremiere).toEqual({ date: '2027-04-01', precision: 'quarter' });
    expect(status.decision?.kind).toBe('renewed');
  });
});

describe('dormant: no decision, and no new season for longer than nearly any wait between seasons', () => {
  it.each<[string, SeasonDates[], StatusEvent[], string]>([
    ['latest season in 2016, nothing since', seasons('2014-03-01', '2016-03-01'), [], 'dormant'],
    ['latest season three years ago: still waiting', seasons('2023-11-25'), [], 'undecided'],
    ['exactly four years (1,461 days) ago: still waiting', seasons('2022-11-25'), [], 'undecided'],
    ['a day more: dormant', seasons('2022-11-24'), [], 'dormant'],
    ['a year-only date counts from its first day', seasons('2019'), [], 'dormant'],
    ['a renewal on record keeps it renewed however long ago', seasons('2016-03-01'), [ev('renewed', 2, '2016-06-01')], 'renewed'],
    ['an ending on record says ended, not dormant', seasons('2016-03-01'), [ev('ended', 1, '2016-06-01')], 'ended'],
  ])('%s', (_, s, events, kind) => {
    expect(deriveStatus({ seasons: s, events, today: TODAY }).kind).toBe(kind);
  });

  it.each<[string, SeasonDates[], string]>([
    ['out by a week in a chart, premiere unknown: out, and waiting', [{ number: 1, premiere: null, outBy: '2024-07-07' }], 'undecided'],
    ['out by a day long ago: its premiere is older still, so dormant', [{ number: 1, premiere: null, outBy: '2021-07-04' }], 'dormant'],
    ['out by a day still to come proves nothing yet', [{ number: 1, premiere: null, outBy: '2027-01-01' }], 'upcoming'],
    [
      'a known premiere wins over an out-by day',
      [{ number: 1, premiere: { date: '2024-06-01', precision: 'day' }, outBy: '2020-01-05' }],
      'undecided',
    ],
  ])('%s', (_, s, kind) => {
    expect(deriveStatus({ seasons: s, events: [], today: TODAY }).kind).toBe(kind);
  });

  it('takes a show that is out with no season on record as out with its first season', () => {
    const status = deriveStatus({ seasons: [], events: [], today: TODAY, onAirSince: '2023-11-29' });
    expect([status.kind, status.latestSeason]).toEqual(['undecided', 1]);
    expect(deriveStatus({ seasons: [], events: [], today: TODAY, onAirSince: '2027-01-01' }).kind).toBe('upcoming');
    // A first season dated ahead is not out, whatever the show's own premiere says.
    const ahead = [{ number: 1, premiere: { date: '2027-03-01', precision: 'day' as const } }];
    expect(deriveStatus({ seasons: ahead, events: [], today: TODAY, onAirSince: '2020-01-01' }).kind).toBe('upcoming');
  });

  it('never calls a season with no known date quiet, however long the show has been out', () => {
    expect(deriveStatus({ seasons: seasons(null), events: [], today: TODAY, onAirSince: '2010-01-01' }).kind).toBe('undecided');
  });
});
