import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import { updateShowFacts } from '../catalog/show.facts.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';
import { checkEconomistFile, economistItems } from './economist.import.ts';
import { runImport, WrongInputError } from './import.run.ts';
import { checkNetflixFile, netflixItems } from './netflix.import.ts';
import { refreshShowTitles } from './show.titles.ts';
import { importStarterCatalogue } from './starter/starter.import.ts';
import { loadStarterCatalogue } from './starter/starter.load.ts';
import { checkTvmazeFile, tvmazeItems } from './tvmaze.import.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-import-'));
const HEADER = 'show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description';
const NETFLIX = path.join(dir, 'netflix.csv.gz');
fs.writeFileSync(
  NETFLIX,
  zlib.gzipSync(
    [
      HEADER,
      's626,TV Show,Somos.,,"Mercedes Hernández, Jesús Sida, Jero Medina, Armando Silva, Jimena Pagaza, Antonio López Torres, Everardo Arzate",Mexico,30-Jun-21,2021,TV-MA,1 Season,"Crime TV Shows, International TV Shows, Spanish-Language TV Shows",The lives of the people of Allende.',
      's1,Movie,Some Film,A Director,,United States,1-Jan-20,2019,PG,90 min,Dramas,A film.',
      's2,TV Show,Bad Date Show,,,Spain,32-Jan-20,2019,TV-14,2 Seasons,TV Dramas,Nope.',
      's3,TV Show,Bad Duration,,,Spain,1-Jan-20,2019,TV-14,90 min,TV Dramas,Nope.',
      's4,TV Show,La casa de las flores,Manolo Caro,"Verónica Castro, Cecilia Suárez",Mexico," August 10, 2018",2020,TV-MA,3 Seasons,"International TV Shows, Spanish-Language TV Shows, TV Comedies",A family florist.',
    ].join('\n'),
  ),
);

const TVMAZE = path.join(dir, 'dark.json');
fs.writeFileSync(
  TVMAZE,
  JSON.stringify({
    id: 17861,
    name: 'Dark',
    type: 'Scripted',
    language: 'German',
    genres: ['Drama', 'Mystery', 'Science-Fiction'],
    status: 'Ended',
    premiered: '2017-12-02',
    ended: '2020-06-27',
    officialSite: 'https://www.netflix.com/title/80100172',
    rating: { average: 8.6 },
    weight: 97,
    network: null,
    webChannel: { id: 1, name: 'Netflix', country: null },
    externals: { tvrage: null, thetvdb: 334824, imdb: 'tt5753856' },
    summary: '<p>A <b>family saga</b> with a supernatural twist.</p>',
    updated: 1704067200,
    _embedded: {
      seasons: [
        { id: 1, number: 1, episodeOrder: 10, premiereDate: '2017-12-01', endDate: '2017-12-01' },
        { id: 2, number: 2, episodeOrder: 8, premiereDate: '2019-06-21', endDate: '2019-06-21' },
        { id: 3, number: 3, episodeOrder: 8, premiereDate: '2020-06-27', endDate: '2020-06-27' },
      ],
      episodes: [
        {
          id: 1001,
          name: 'Secrets',
          season: 1,
          number: 1,
          type: 'regular',
          airdate: '2017-12-01',
          airstamp: '2017-12-01T08:00:00+00:00',
          runtime: 52,
        },
        {
          id: 1002,
          name: 'Lies',
          season: 1,
          number: 2,
          type: 'regular',
          airdate: '2017-12-01',
          airstamp: '2017-12-01T08:00:00+00:00',
          runtime: 45,
        },
        {
          id: 1003,
          name: 'Special',
          season: 1,
          number: null,
          type: 'significant_special',
          airdate: '2017-12-01',
          airstamp: null,
          runtime: 10,
        },
      ],
    },
  }),
);

const ECONOMIST = path.join(dir, 'economist.csv');
fs.writeFileSync(
  ECONOMIST,
  [
    'titleId,seasonNumber,title,date,av_rating,share,genres',
    'tt0903747,1,Breaking Bad,2008-02-15,8.78,0.64,"Crime,Drama,Thriller"',
    'tt0903747,2,Breaking Bad,2009-04-25,8.8,1.35,"Crime,Drama,Thriller"',
    'tt9999999,1,Nowhere Man,not-a-date,7.1,0.1,Drama',
    'tt1234567,1,Some Drama,2012-05-01,11,0.1,Drama',
  ].join('\n'),
);

const count = async (
  db: ReturnType<Parameters<Parameters<typeof describeEachEngine>[1]>[0]>,
  table: 'shows' | 'episodes' | 'credits' | 'import_runs',
) =>
  Number(
    (
      await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachEngine(
  'importers',
  (db) => {
    it('refuses a file of the wrong kind before writing anything', async () => {
      await expect(checkNetflixFile(TVMAZE)).rejects.toThrow(WrongInputError);
      await expect(checkTvmazeFile(NETFLIX)).rejects.toThrow(/is not TVmaze API JSON/);
      await expect(checkEconomistFile(NETFLIX)).rejects.toThrow(/is not The Economist's IMDb ratings CSV: its header lacks titleId/);
      expect(await count(db(), 'import_runs')).toBe(0);
    });

    it('imports Netflix TV shows, reports bad rows with line and field, and merges Somos. into the starter show', async () => {
      await checkNetflixFile(NETFLIX);
      const shows = await count(db(), 'shows');
      const summary = await runImport({ db: db(), origin: 'netflix-titles', input: NETFLIX, items: netflixItems(NETFLIX), now: TEST_NOW });
      expect(summary.records).toBe(2); // Somos. and La casa de las flores; the movie is not a series
      expect(summary.problems).toEqual([
        { location: `${NETFLIX}:4`, field: 'date_added', reason: '"32-Jan-20" is not a date (expected 30-Jun-21 or June 30, 2021)' },
        { location: `${NETFLIX}:5`, field: 'duration', reason: '"90 min" is not a season count (expected "N Season(s)")' },
      ]);
      expect(await count(db(), 'shows')).toBe(shows + 1);
      const somos = await db().kysely.selectFrom('shows').selectAll().where('slug', '=', 'somos').executeTakeFirstOrThrow();
      expect(somos).toMatchObject({ added_to_netflix: '2021-06-30', netflix_id: 's626', title: 'Somos.' });
      expect(somos.synopsis).toMatch(/^A six-part drama/); // the editor's synopsis is kept
      const cast = await db()
        .kysely.selectFrom('credits')
        .innerJoin('people', 'people.id', 'credits.person_id')
        .select('people.name')
        .where('credits.show_id', '=', somos.id)
        .where('role', '=', 'cast')
        .execute();
      expect(cast.map((c) => c.name).sort()).toEqual(
        [
          'Antonio López Torres',
          'Armando Silva',
          'Everardo Arzate',
          'Jero Medina',
          'Jesús Sida',
          'Jimena Pagaza',
          'Mercedes Hernández',
        ].sort(),
      );
      const castro = await db()
        .kysely.selectFrom('people')
        .select(['name', 'search_name'])
        .where('slug', '=', 'veronica-castro')
        .executeTakeFirstOrThrow();
      expect(castro).toEqual({ name: 'Verónica Castro', search_name: 'veronica castro' }); // searchable without accents
      const flores = await db().kysely.selectFrom('shows').selectAll().where('netflix_id', '=', 's4').executeTakeFirstOrThrow();
      expect(flores).toMatchObject({
        title: 'La casa de las flores',
        origin_country: 'MX',
        original_language: 'es',
        added_to_netflix: '2018-08-10',
        premiered: null,
      });
      const seasons = await db()
        .kysely.selectFrom('seasons')
        .select(['number', 'premiere_date'])
        .where('show_id', '=', flores.id)
        .orderBy('number')
        .execute();
      expect(seasons).toEqual([1, 2, 3].map((number) => ({ number, premiere_date: null })));
      // The date it was added is where to watch it, not a premiere: the page says so, and no season is dated by it.
      const page = await (
        await buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW }).request(`/shows/${flores.slug}`)
      ).text();
      expect(page.replace(/<[^>]+>/g, '')).toContain('On Netflix (US) since 10 August 2018, per the Netflix catalogue.');
      expect(flores.derived_status).not.toBe('upcoming');

      const again = await runImport({ db: db(), origin: 'netflix-titles', input: NETFLIX, items: netflixItems(NETFLIX), now: TEST_NOW });
      expect(again.tally.total('inserted') + again.tally.total('updated')).toBe(0);
    });

    it('imports a TVmaze show with seasons and episodes, leaving editor facts alone', async () => {
      await checkTvmazeFile(TVMAZE);
      const summary = await runImport({ db: db(), origin: 'tvmaze', input: TVMAZE, items: tvmazeItems(TVMAZE), now: TEST_NOW });
      expect(summary.skipped).toBe(0);
      const dark = await db().kysely.selectFrom('shows').selectAll().where('slug', '=', 'dark').executeTakeFirstOrThrow();
      expect(dark).toMatchObject({ tvmaze_id: 17861, thetvdb_id: 334824, premiered: '2017-12-01', popularity: 97 }); // premiered is the editor's
      const episodes = await db()
        .kysely.selectFrom('episodes')
        .select(['number', 'title', 'airstamp', 'runtime_minutes'])
        .where('show_id', '=', dark.id)
        .orderBy('number')
        .execute();
      expect(episodes).toEqual([
        { number: 1, title: 'Secrets', airstamp: '2017-12-01T08:00:00.000Z', runtime_minutes: 52 },
        { number: 2, title: 'Lies', airstamp: '2017-12-01T08:00:00.000Z', runtime_minutes: 45 },
      ]);
      const s1 = await db()
        .kysely.selectFrom('seasons')
        .selectAll()
        .where('show_id', '=', dark.id)
        .where('number', '=', 1)
        .executeTakeFirstOrThrow();
      expect(s1).toMatchObject({ premiere_date: '2017-12-01', episode_count: 10, origin: 'editor' });
      const again = await runImport({ db: db(), origin: 'tvmaze', input: TVMAZE, items: tvmazeItems(TVMAZE), now: TEST_NOW });
      expect(again.tally.total('inserted') + again.tally.total('updated')).toBe(0);
    });

    it('keeps a season mean air date apart from the premiere, and skips bad rows', async () => {
      const summary = await runImport({
        db: db(),
        origin: 'economist-imdb',
        input: ECONOMIST,
        items: economistItems(ECONOMIST),
        now: TEST_NOW,
      });
      expect(summary.problems.map((p) => `${path.basename(p.location)} ${p.field}`)).toEqual([
        'economist.csv:4 date',
        'economist.csv:5 av_rating',
      ]);
      const bb = await db().kysely.selectFrom('shows').select('id').where('imdb_id', '=', 'tt0903747').executeTakeFirstOrThrow();
      const s1 = await db()
        .kysely.selectFrom('seasons')
        .selectAll()
        .where('show_id', '=', bb.id)
        .where('number', '=', 1)
        .executeTakeFirstOrThrow();
      expect(s1).toMatchObject({ premiere_date: '2008-01-20', premiere_precision: 'day', mean_air_date: '2008-02-15' });
      const rating = await db()
        .kysely.selectFrom('ratings')
        .selectAll()
        .where('show_id', '=', bb.id)
        .where('season_number', '=', 2)
        .executeTakeFirstOrThrow();
      expect(rating).toMatchObject({ source: 'imdb', value: 8.8, vote_share: 1.35, origin: 'economist-imdb' });
    });

    it('matches a show written in an earlier batch of the same run by its title', async () => {
      const shows = await count(db(), 'shows');
      async function* items() {
        yield { record: { location: 'a:1', ids: { netflix: 'n-cross' }, title: 'Cross Batch', country: 'ES' } };
        yield { record: { location: 'b:1', ids: { imdb: 'tt0990099' }, title: 'Cross Batch!', country: 'ES' } };
      }
      await runImport({ db: db(), origin: 'netflix-titles', input: 'cross', items: items(), now: TEST_NOW, batchSize: 1 });
      expect(await count(db(), 'shows')).toBe(shows + 1);
      const show = await db()
        .kysely.selectFrom('shows')
        .select(['netflix_id', 'imdb_id'])
        .where('netflix_id', '=', 'n-cross')
        .executeTakeFirst();
      expect(show).toEqual({ netflix_id: 'n-cross', imdb_id: 'tt0990099' });
    });

    it('matches by the title an editor gave a show at the desk, and no longer by the old one', async () => {
      const editor = await createUser(db().kysely, { email: 'ed@example.org', name: 'Ed', role: 'editor', passwordHash: 'x' }, TEST_NOW);
      const somos = await db().kysely.selectFrom('shows').selectAll().where('slug', '=', 'somos').executeTakeFirstOrThrow();
      await updateShowFacts(db().kysely, somos.id, { ...somos, title: 'Nosotros Somos', original_title: null }, editor, TEST_NOW);
      const shows = await count(db(), 'shows');
      async function* items(title: string) {
        yield { record: { location: 'x:1', ids: {}, title, country: 'MX' } };
      }
      await runImport({ db: db(), origin: 'netflix-titles', input: 'renamed', items: items('Nosotros somos'), now: TEST_NOW });
      expect(await count(db(), 'shows')).toBe(shows);
      await runImport({ db: db(), origin: 'netflix-titles', input: 'old', items: items('Somos.'), now: TEST_NOW });
      expect(await count(db(), 'shows')).toBe(shows + 1);
    });

    it('reports an ambiguous title instead of merging it', async () => {
      const stamp = TEST_NOW.toISOString();
      for (const slug of ['twin-a', 'twin-b']) {
        const { id } = await db()
          .kysely.insertInto('shows')
          .values({
            slug,
            title: 'Twins',
            type: 'scripted',
            search_text: 'twins',
            derived_status: 'undecided',
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await refreshShowTitles(db().kysely, id);
      }
      const file = path.join(dir, 'twins.csv');
      fs.writeFileSync(file, [HEADER, 's900,TV Show,Twins,,,,1-Jan-20,2019,TV-14,1 Season,TV Dramas,Two of them.'].join('\n'));
      const shows = await count(db(), 'shows');
      const summary = await runImport({ db: db(), origin: 'netflix-titles', input: file, items: netflixItems(file), now: TEST_NOW });
      expect(summary.problems).toEqual([
        { location: `${file}:2`, field: 'title', reason: '"Twins" matches several shows (twin-a, twin-b); not merged' },
      ]);
      expect(await count(db(), 'shows')).toBe(shows);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
