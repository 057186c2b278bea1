import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { economistItems } from './economist.import.ts';
import { runImport } from './import.run.ts';
import { netflixItems } from './netflix.import.ts';
import { tvmazeItems } from './tvmaze.import.ts';

// Import files carrying control characters and hostile links: what is stored is one clean line of text
// per title and name, and only http(s) links.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-hostile-'));

const tvmazeShow = (id: number, name: string, officialSite: string | null, network: string) => ({
  id,
  name,
  type: 'Scripted',
  language: 'English',
  genres: ['Drama\u0000'],
  status: 'Running',
  premiered: '2024-01-05',
  officialSite,
  network: { id, name: network, country: { name: 'United Kingdom', code: 'GB' } },
  externals: { imdb: 'javascript:alert(1)' },
  summary: '<p>Line one.\r\nLine\u0000 two.</p>',
  updated: 1704067200,
  _embedded: { episodes: [{ id: id * 10, name: 'Pilot\r\nSet-Cookie: x=1', season: 1, number: 1, airdate: '2024-01-05', runtime: 50 }] },
});

const TVMAZE = path.join(dir, 'tvmaze.json');
fs.writeFileSync(
  TVMAZE,
  JSON.stringify([
    tvmazeShow(900001, 'Harbour\r\nLights\u0000', 'javascript:alert(document.domain)', 'BBC\tOne\u0085'),
    tvmazeShow(900002, 'Data\u202e Link', 'data:text/html,<script>alert(1)</script>', 'ITV'),
    tvmazeShow(900003, 'Tabbed', 'java\tscript:alert(1)', 'Channel 4'),
    tvmazeShow(900004, 'Good Link', 'https://www.example.com/good-link', 'Channel 5'),
    tvmazeShow(900005, '\u0000\r\n', null, 'Sky'),
  ]),
);

const NETFLIX = path.join(dir, 'netflix.csv');
fs.writeFileSync(
  NETFLIX,
  [
    'show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description',
    `s9001,TV Show,"Night\r\nShift\u0000",,"Ana\u0007 Pérez, Luis\r\nGómez",Spain,1-Jan-21,2021,TV-MA,1 Season,TV Dramas,"Nurses at night.\u0000"`,
  ].join('\n'),
);

const ECONOMIST = path.join(dir, 'economist.csv');
fs.writeFileSync(
  ECONOMIST,
  [
    'titleId,seasonNumber,title,date,av_rating,share,genres',
    `tt0900001,1,"Cold\r\nCase\u0000\u001b[31m",2010-05-01,8.1,1.5,"Crime,Drama"`,
  ].join('\n'),
);

describeEachEngine('imports of hostile files', (db) => {
  /** No control or bidi-override character in any stored title, name or network name. */
  async function expectOneLineText() {
    const titles = await db().kysely.selectFrom('shows').select('title').execute();
    const names = await db().kysely.selectFrom('people').select('name').execute();
    const platforms = await db().kysely.selectFrom('platforms').select('name').execute();
    for (const text of [...titles.map((t) => t.title), ...names.map((n) => n.name), ...platforms.map((p) => p.name)])
      expect(text, JSON.stringify(text)).not.toMatch(/[\p{Cc}\u202e]/u);
  }

  it('TVmaze: titles, network names and episode titles on one line; javascript:, data: and tab-split links dropped', async () => {
    const summary = await runImport({ db: db(), origin: 'tvmaze', input: TVMAZE, items: tvmazeItems(TVMAZE), now: TEST_NOW });
    expect(summary.problems).toEqual([expect.objectContaining({ field: 'title', reason: 'is empty' })]);
    const shows = await db()
      .kysely.selectFrom('shows as s')
      .leftJoin('platforms as p', 'p.id', 's.platform_id')
      .select(['s.tvmaze_id', 's.title', 's.official_site', 's.imdb_id', 's.synopsis', 'p.name as platform'])
      .where('s.tvmaze_id', '>=', 900001)
      .orderBy('s.tvmaze_id')
      .execute();
    expect(shows).toEqual([
      {
        tvmaze_id: 900001,
        title: 'Harbour Lights',
        official_site: null,
        imdb_id: null,
        synopsis: 'Line one.\nLine two.',
        platform: 'BBC One',
      },
      { tvmaze_id: 900002, title: 'Data Link', official_site: null, imdb_id: null, synopsis: 'Line one.\nLine two.', platform: 'ITV' },
      { tvmaze_id: 900003, title: 'Tabbed', official_site: null, imdb_id: null, synopsis: 'Line one.\nLine two.', platform: 'Channel 4' },
      {
        tvmaze_id: 900004,
        title: 'Good Link',
        official_site: 'https://www.example.com/good-link',
        imdb_id: null,
        synopsis: 'Line one.\nLine two.',
        platform: 'Channel 5',
      },
    ]);
    const episodes = await db().kysely.selectFrom('episodes').select('title').where('tvmaze_id', '=', 9000010).execute();
    expect(episodes).toEqual([{ title: 'Pilot Set-Cookie: x=1' }]);
    const genres = await db().kysely.selectFrom('show_genres').select('genre').distinct().execute();
    expect(genres.map((g) => g.genre)).not.toContain('Drama\u0000');
    await expectOneLineText();
  });

  it('Netflix CSV: the title and the cast on one line, without control characters', async () => {
    await runImport({ db: db(), origin: 'netflix-titles', input: NETFLIX, items: netflixItems(NETFLIX), now: TEST_NOW });
    const show = await db()
      .kysely.selectFrom('shows')
      .select(['id', 'title', 'synopsis'])
      .where('netflix_id', '=', 's9001')
      .executeTakeFirstOrThrow();
    expect(show.title).toBe('Night Shift');
    expect(show.synopsis).toBe('Nurses at night.');
    const people = await db()
      .kysely.selectFrom('credits as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .select('p.name')
      .where('c.show_id', '=', show.id)
      .orderBy('p.name')
      .execute();
    expect(people.map((p) => p.name)).toEqual(['Ana Pérez', 'Luis Gómez']);
    await expectOneLineText();
  });

  it('Economist CSV: the title on one line, without control characters', async () => {
    await runImport({ db: db(), origin: 'economist-imdb', input: ECONOMIST, items: economistItems(ECONOMIST), now: TEST_NOW });
    const show = await db().kysely.selectFrom('shows').select('title').where('imdb_id', '=', 'tt0900001').executeTakeFirstOrThrow();
    expect(show.title).toBe('Cold Case [31m');
    await expectOneLineText();
  });
});
