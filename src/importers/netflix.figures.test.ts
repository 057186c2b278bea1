import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';
import { runImport, WrongInputError } from './import.run.ts';
import { checkEngagementFile, engagementItems } from './netflix.engagement.import.ts';
import { checkTop10File, top10Items } from './netflix.top10.import.ts';
import { importStarterCatalogue } from './starter/starter.import.ts';
import { loadStarterCatalogue } from './starter/starter.load.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-netflix-'));
const TOP10 = path.join(dir, 'all-weeks-global.csv.gz');
fs.writeFileSync(
  TOP10,
  zlib.gzipSync(
    [
      'week,category,weekly_rank,show_title,season_title,weekly_hours_viewed,runtime,weekly_views,cumulative_weeks_in_top_10',
      '2026-08-16,Films (English),1,The Last House,N/A,62500000,1.8667,33500000,2',
      '2022-07-10,TV (English),1,Stranger Things,Stranger Things 4,301260000,,,7',
      '2022-07-10,TV (English),2,Stranger Things,Stranger Things 4,1000,,,7',
      '2022-07-10,TV (English),11,Bad Rank,Bad Rank: Season 1,1000,,,1',
      '2022-13-10,TV (English),3,Bad Week,Bad Week: Season 1,1000,,,1',
      '2021-07-11,TV (Non-English),10,Somos.,Somos.: Season 1,9420000,,,2',
      '2021-07-04,TV (Non-English),5,Somos.,Somos.: Season 1,11510000,,,1',
      '2024-07-14,TV (English),6,Chart Only,Chart Only: Season 2,5000000,,,2',
      '2024-07-07,TV (English),4,Chart Only,Chart Only: Season 2,6000000,,,1',
    ].join('\n'),
  ),
);
const ENGAGEMENT = path.join(dir, '2023Jul-Dec-TV.csv');
fs.writeFileSync(
  ENGAGEMENT,
  [
    'Title,Available Globally?,Release Date,Hours Viewed,Runtime,Views',
    'Dear Child: Limited Series // Liebes Kind: Miniserie,Yes,2023-09-07,252800000,4:49,52500000',
    'Somos.: Season 1,Yes,2021-06-30,3100000,5:11,600000',
    'Suits: Season 1,No,,184700000,,',
    'Broken Row: Season 1,Maybe,2023-01-01,100,1:00,100',
    'Bad Date: Season 1,Yes,2023-02-30,100,1:00,100',
    'Chart Only: Season 2,No,,100000,1:00,100',
  ].join('\n'),
);

describeEachEngine(
  "Netflix's Top 10 and engagement reports",
  (db) => {
    const k = () => db().kysely;
    const showId = async (slug: string) =>
      (await k().selectFrom('shows').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const chartOnly = () =>
      k()
        .selectFrom('seasons as se')
        .innerJoin('shows as s', 's.id', 'se.show_id')
        .select(['se.number', 'se.premiere_date', 'se.out_by', 's.derived_status'])
        .where('s.slug', '=', 'chart-only')
        .executeTakeFirst();

    it('refuses a file of the wrong kind, or a report whose period the file name does not give, before writing anything', async () => {
      await expect(checkTop10File(ENGAGEMENT)).rejects.toThrow(WrongInputError);
      await expect(checkEngagementFile(TOP10)).rejects.toThrow(/is not a Netflix engagement report CSV: its header lacks Title/);
      const unnamed = path.join(dir, 'report.csv');
      fs.copyFileSync(ENGAGEMENT, unnamed);
      await expect(checkEngagementFile(unnamed)).rejects.toThrow(/must name a known report period \(2023Jul-Dec, 2024Jan-Jun\)/);
      await checkTop10File(TOP10);
      await checkEngagementFile(ENGAGEMENT);
      expect(await k().selectFrom('import_runs').selectAll().execute()).toEqual([]);
    });

    it('imports the weekly Top 10 into the shows it names, dated by when each list came out, and reruns to nothing changed', async () => {
      const run = () => runImport({ db: db(), origin: 'netflix-top10', input: TOP10, items: top10Items(TOP10), now: TEST_NOW });
      const summary = await run();
      expect(summary.problems).toEqual([
        {
          location: `${TOP10}:4`,
          field: 'season_title',
          reason: '"Stranger Things 4" is the same season in the same week as line 3; that line is kept',
        },
        { location: `${TOP10}:5`, field: 'weekly_rank', reason: '"11" is not a rank from 1 to 10' },
        { location: `${TOP10}:6`, field: 'week', reason: '"2022-13-10" is not a date (expected YYYY-MM-DD, the Sunday ending the week)' },
      ]);
      // Somos. is the starter catalogue's show, not a new one.
      const weeks = await k()
        .selectFrom('season_top10_weeks')
        .select(['season_number', 'week', 'list', 'rank', 'hours', 'weeks_in_top10', 'public_on', 'origin'])
        .where('show_id', '=', await showId('somos'))
        .orderBy('week')
        .execute();
      expect(weeks).toEqual([
        {
          season_number: 1,
          week: '2021-07-04',
          list: 'TV (Non-English)',
          rank: 5,
          hours: 11_510_000,
          weeks_in_top10: 1,
          public_on: '2021-07-06',
          origin: 'netflix-top10',
        },
        {
          season_number: 1,
          week: '2021-07-11',
          list: 'TV (Non-English)',
          rank: 10,
          hours: 9_420_000,
          weeks_in_top10: 2,
          public_on: '2021-07-13',
          origin: 'netflix-top10',
        },
      ]);
      const stranger = await k()
        .selectFrom('season_top10_weeks')
        .select(['season_number', 'rank'])
        .where('hours', '=', 301_260_000)
        .execute();
      expect(stranger).toEqual([{ season_number: 4, rank: 1 }]);
      // A season known only from the chart is out by its first week there: the show is waiting, not upcoming.
      expect(await chartOnly()).toEqual({ number: 2, premiere_date: null, out_by: '2024-07-07', derived_status: 'undecided' });
      expect(await k().selectFrom('shows').select('title').where('title', '=', 'The Last House').execute()).toEqual([]); // a film
      const again = await run();
      expect(again.tally.total('inserted') + again.tally.total('updated')).toBe(0);
    });

    it('takes release dates as Netflix premieres, keeps figures apart from when they were published, and reruns to nothing changed', async () => {
      const run = () =>
        runImport({ db: db(), origin: 'netflix-engagement', input: ENGAGEMENT, items: engagementItems(ENGAGEMENT), now: TEST_NOW });
      const summary = await run();
      expect(summary.problems).toEqual([
        { location: `${ENGAGEMENT}:5`, field: 'Available Globally?', reason: '"Maybe" is not Yes or No' },
        { location: `${ENGAGEMENT}:6`, field: 'Release Date', reason: '"2023-02-30" is not a date (expected YYYY-MM-DD)' },
      ]);
      const dearChild = await k()
        .selectFrom('shows as s')
        .leftJoin('platforms as p', 'p.id', 's.platform_id')
        .select(['s.id', 's.title', 's.original_title', 'p.slug as platform', 's.derived_status'])
        .where('s.title', '=', 'Dear Child')
        .executeTakeFirstOrThrow();
      expect(dearChild).toMatchObject({ original_title: 'Liebes Kind', platform: 'netflix', derived_status: 'limited' });
      const season = await k()
        .selectFrom('seasons')
        .select(['number', 'premiere_date', 'premiere_precision'])
        .where('show_id', '=', dearChild.id)
        .execute();
      expect(season).toEqual([{ number: 1, premiere_date: '2023-09-07', premiere_precision: 'day' }]);
      const figures = await k()
        .selectFrom('season_engagement')
        .select(['season_number', 'period', 'hours', 'views', 'available_globally', 'public_on'])
        .where('show_id', '=', await showId('somos'))
        .execute();
      expect(figures).toEqual([
        { season_number: 1, period: '2023-H2', hours: 3_100_000, views: 600_000, available_globally: 1, public_on: '2024-05-23' },
      ]);
      // A licensed title (no release date) is on Netflix, but Netflix is not its network.
      const suits = await k().selectFrom('shows').select(['platform_id']).where('title', '=', 'Suits').executeTakeFirstOrThrow();
      expect(suits.platform_id).toBeNull();
      // The report's period ended before the chart week: the season was out sooner than the chart said.
      expect(await chartOnly()).toEqual({ number: 2, premiere_date: null, out_by: '2023-12-31', derived_status: 'undecided' });
      const again = await run();
      expect(again.tally.total('inserted') + again.tally.total('updated')).toBe(0);
    });

    it('shows the figures on the show page, with a chart of the weekly ranks, credited to Netflix', async () => {
      await runImport({ db: db(), origin: 'netflix-top10', input: TOP10, items: top10Items(TOP10), now: TEST_NOW });
      await runImport({ db: db(), origin: 'netflix-engagement', input: ENGAGEMENT, items: engagementItems(ENGAGEMENT), now: TEST_NOW });
      const app = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
      const html = await (await app.request('/shows/somos')).text();
      expect(html).toContain(
        'Season 1: 2 weeks in Netflix&#39;s global Top 10 (TV, non-English), peaking at #5 in the week to 4 July 2021; 3.1 million hours viewed in July–December 2023.',
      );
      expect(html).toContain(
        '<title id="top10-s1">Season 1, weekly rank in Netflix&#39;s global Top 10: #5 in the week to 4 July 2021; #10 in the week to 11 July 2021</title>',
      );
      expect(html).toContain('Figures: Netflix Top 10');
      // The forecast cites the weeks it used.
      expect(html).toContain(
        'Season 1 spent two weeks in Netflix’s global Top 10 (non-English TV), its best at No. 5 in the week to 4 July 2021 (list published by Netflix on 6 July 2021).',
      );
      const chart = await (await app.request('/shows/chart-only')).text();
      expect(chart).toContain(
        'No renewal or cancellation of Chart Only is on record. Season 2 was out by 31 December 2023; its premiere date is not known.',
      );
      // No forecast about a season already out: the page and the API name the missing fact instead.
      const gap =
        'No forecast yet: the model needs the premiere date of season 2 of Chart Only, which the catalogue does not have (it was out by 31 December 2023).';
      expect(chart).toContain(gap);
      expect(chart).not.toContain('Chance of a season');
      const api = await (await app.request('/api/shows/chart-only/forecast')).json();
      expect(api).toMatchObject({ latestSeason: 2, nextSeason: 3, basis: 'missing_date', pNext: null, explanation: [gap] });
      // The scoreboard counts how charted seasons fared: Stranger Things 4 (7 weeks) was followed by a fifth season.
      const board = (await (await app.request('/platforms/netflix')).text()).replace(/<[^>]+>/g, '');
      expect(board).toContain(
        'Of the one season that spent 5 or more weeks in the global Top 10, 100% got another season (1 of the 1 decided).',
      );
      expect(board).toContain(
        'Of the one season that spent 1–4 weeks in the global Top 10, none has been decided yet; 1 still waits for a decision.',
      );
      // Before a report came out, its figures are not on the page.
      const before = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => new Date('2024-05-01T12:00:00Z') });
      const earlier = await (await before.request('/shows/somos')).text();
      expect(earlier).toContain('peaking at #5');
      expect(earlier).not.toContain('3.1 million hours');
    });
  },
  (db) => importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW).then(() => undefined),
);
