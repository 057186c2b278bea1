import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { showSearchText } from '../lang/text.rules.ts';
import { listShows } from './shows.queries.ts';

// Titles chosen so relevance alone would not put the exact one first: longer titles repeat the words.
const TITLES = [
  'The Stranger Things Stranger Things Show',
  'Stranger Things: Behind the Scenes',
  'Stranger',
  'Stranger Things',
  'Strangers',
  "Marvel's Daredevil",
  'Marvel Studios: Assembled',
  'Somos.',
];

describeEachEngine(
  'search ranking',
  (db) => {
    const search = async (q: string) => (await listShows(db().kysely, db().engine, { q, limit: 10, offset: 0 })).items.map((s) => s.title);

    it('puts the title that is the query first, then titles that begin with it', async () => {
      expect(await search('Stranger Things')).toEqual([
        'Stranger Things',
        'Stranger Things: Behind the Scenes',
        'The Stranger Things Stranger Things Show',
      ]);
      expect((await search('stranger')).slice(0, 1)).toEqual(['Stranger']);
      expect((await search('STRANGER THINGS!')).at(0)).toBe('Stranger Things');
    });

    it('takes the last word as a prefix only when it can be the start of a word being typed', async () => {
      expect(await search('strang')).toContain('Strangers');
      expect(await search('som')).toEqual(['Somos.']); // three letters alone: a prefix
      expect(await search("Marvel's")).toEqual(["Marvel's Daredevil"]); // not "s…" of every title
      expect(await search('marvel stud')).toEqual(['Marvel Studios: Assembled']);
      expect(await search('stranger the')).not.toContain('Stranger Things'); // a short last word after others is whole
    });
  },
  async (db) => {
    const stamp = TEST_NOW.toISOString();
    await db.kysely
      .insertInto('shows')
      .values(
        TITLES.map((title, i) => ({
          slug: `t-${i}`,
          title,
          type: 'scripted',
          derived_status: 'undecided',
          search_text: showSearchText([title]),
          created_at: stamp,
          updated_at: stamp,
        })),
      )
      .execute();
  },
);
