import { describe, expect, it } from 'vitest';
import { deriveStatus, type StatusEvent } from '../status/status.rules.ts';
import { event, season, show } from '../testing/show.fixtures.ts';
import { nextSeasonAnswer, summary, whenAnswer } from './show.answers.ts';
import type { SeasonRow, ShowRow } from './shows.queries.ts';
import { similarShows } from './similar.rules.ts';

const TODAY = '2026-11-25';

function answer(s: ShowRow, seasons: SeasonRow[], events: StatusEvent[]) {
  const status = deriveStatus({ seasons: seasons.map((x) => ({ number: x.number, premiere: x.premiere })), events, today: TODAY });
  return {
    status,
    next: nextSeasonAnswer({ show: s, seasons, status, today: TODAY }),
    when: whenAnswer({ show: s, status, today: TODAY }),
  };
}

describe('show answers', () => {
  it('does not double the stop of a title ending in a period', () => {
    const s = show({ title: 'Somos.', country: 'MX', language: 'es', genres: ['Crime', 'Drama'] });
    const seasons = [season(1, '2024-06-30', 6)];
    const { status, next } = answer(s, seasons, []);
    expect(summary({ show: s, seasons, credits: [], status })).toBe(
      'Somos. is a Spanish-language crime drama from Mexico, released on Netflix on 30 June 2024. It has one season of six episodes.',
    );
    expect(next.sentence).toContain('neither renewed nor cancelled Somos. It has been');
  });

  it('says an announced date that has passed is not yet recorded as a release', () => {
    const { next, when } = answer(
      show(),
      [season(1, '2020-01-10'), season(2, '2022-01-10')],
      [event('renewed', 3, '2025-03-01'), event('date_announced', 3, '2026-04-28', '2026-08-05')],
    );
    expect(next).toMatchObject({ verdict: 'Yes', sentence: 'Netflix renewed Example for a third season on 1 March 2025.' });
    expect(when).toBe('Season 3 was scheduled for 5 August 2026 on Netflix; its release is not recorded here yet.');
  });

  it('gives a future date at its own precision', () => {
    const { when } = answer(
      show(),
      [season(1, '2020-01-10')],
      [event('renewed', 2, '2024-05-01'), event('date_announced', 2, '2026-01', '2027')],
    );
    expect(when).toBe('Season 2 comes out in 2027 on Netflix.');
  });

  it.each([
    [
      'cancelled',
      [event('cancelled', 1, '2023-01-02')],
      'No',
      'Netflix cancelled Example on 2 January 2023, after one season.',
      'There will be no season 2.',
    ],
    [
      'limited',
      [event('limited', 1, '2020-01-10')],
      'No',
      'Example was made as a limited series: its story is complete in one season.',
      'There will be no season 2.',
    ],
    [
      'final season coming',
      [event('ended', 2, '2024-04')],
      'Yes',
      'Season 2 is coming, and it will be the last: Netflix announced in April 2024 that it is the final season.',
      'Not announced: Netflix has renewed Example but has not given a date for season 2.',
    ],
  ])('%s', (_name, events, verdict, sentence, when) => {
    const result = answer(show(), [season(1, '2020-01-10')], events);
    expect(result.next).toMatchObject({ verdict, sentence });
    expect(result.when).toBe(when);
  });
});

describe('similar shows', () => {
  it('ranks shared genre, language and platform first and says why', () => {
    const somos = show({ id: 1, title: 'Somos.', country: 'MX', language: 'es', genres: ['Crime', 'Drama'], premiered: '2021-06-30' });
    const sara = show({
      id: 2,
      title: 'Who Killed Sara?',
      country: 'MX',
      language: 'es',
      genres: ['Crime', 'Drama', 'Mystery'],
      premiered: '2021-03-24',
    });
    const crown = show({ id: 3, title: 'The Crown', country: 'GB', genres: ['Drama', 'History'], premiered: '2016-11-04' });
    const bake = show({
      id: 4,
      title: 'Bake Off',
      country: 'GB',
      type: 'reality',
      genres: ['Food'],
      platform: { slug: 'bbc-one', name: 'BBC One' },
      premiered: '2010-08-17',
    });
    const ranked = similarShows({ show: somos, candidates: [bake, crown, sara, somos] });
    expect(ranked.map((r) => r.show.title)).toEqual(['Who Killed Sara?', 'The Crown']);
    expect(ranked[0]?.reason).toBe('also a Spanish-language crime drama on Netflix');
    expect(ranked[1]?.reason).toBe('also a drama on Netflix');
  });
});

describe('a show whose platform is not known', () => {
  const seasons = [season(1, '2024-03-01')];
  const unknown = show({ platform: null });
  it.each([
    ['no decision', [] as StatusEvent[], 'No renewal or cancellation of Example is on record.'],
    ['renewed', [event('renewed', 2, '2024-09-01')], 'Example was renewed for a second season on 1 September 2024.'],
    ['cancelled', [event('cancelled', 1, '2024-09-01')], 'Example was cancelled on 1 September 2024, after one season.'],
  ])('%s: says so plainly, and never "its network"', (_, events, sentence) => {
    const status = deriveStatus({ seasons: seasons.map(toRow), events, today: TODAY });
    const next = nextSeasonAnswer({ show: unknown, seasons, status, today: TODAY });
    const texts = [
      summary({ show: unknown, seasons, credits: [], status }),
      next.sentence,
      whenAnswer({ show: unknown, status, today: TODAY }),
    ];
    expect(next.sentence).toContain(sentence);
    for (const text of texts) expect(text).not.toMatch(/its network/);
    expect(texts[0]).toContain('released on 1 March 2024. The catalogue does not record which network or service makes it.');
  });

  it('calls a show quiet for over four years most likely over, with no network named', () => {
    const old = [season(1, '2016-03-01')];
    const status = deriveStatus({ seasons: old.map(toRow), events: [], today: TODAY });
    expect(status.kind).toBe('dormant');
    expect(nextSeasonAnswer({ show: unknown, seasons: old, status, today: TODAY })).toMatchObject({
      verdict: 'Most likely not',
      sentence: 'No new season since 2016 and no decision on record: Example is most likely over.',
    });
    expect(nextSeasonAnswer({ show: show(), seasons: old, status, today: TODAY }).sentence).toBe(
      'No new season since 2016 and no word from Netflix: Example is most likely over.',
    );
    expect(whenAnswer({ show: unknown, status, today: TODAY })).toBe(
      'No season 2 is expected: no new season has come out in over four years, and none is announced.',
    );
  });

  it.each<[string, { meanAirDate: string | null; outBy: string | null }, string]>([
    ['its episodes mean air date', { meanAirDate: '2018-06-15', outBy: null }, '2018'],
    ['a day it was out by', { meanAirDate: null, outBy: '2021-09-25' }, '2021'],
  ])('dates a quiet show by %s when its premiere is unknown', (_, known, year) => {
    const seasons = [{ ...season(4, '2015'), premiere: null, ...known }];
    const status = deriveStatus({
      seasons: [{ number: 4, premiere: null, outBy: known.outBy }],
      events: [],
      today: TODAY,
      onAirSince: '2015-01-01',
    });
    expect(nextSeasonAnswer({ show: unknown, seasons, status: { ...status, kind: 'dormant' }, today: TODAY }).sentence).toBe(
      `No new season since ${year} and no decision on record: Example is most likely over.`,
    );
  });
});

function toRow(s: SeasonRow) {
  return { number: s.number, premiere: s.premiere, finale: s.finale, meanAirDate: null };
}
