import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { sharedFile } from '../testing/shared-data.ts';
import { economistItems } from './economist.import.ts';
import { runImport } from './import.run.ts';
import { netflixItems } from './netflix.import.ts';
import { importStarterCatalogue } from './starter/starter.import.ts';
import { loadStarterCatalogue } from './starter/starter.load.ts';
import { tvmazeItems } from './tvmaze.import.ts';

// Everything in ../shared/data, on top of the starter catalogue: imported cleanly, merged, and idempotent.
const netflix = sharedFile('netflix-titles/netflix_titles.csv.gz');
const economist = sharedFile('imdb-economist-tv-ratings/IMDb_Economist_tv_ratings.csv');
const schedule = sharedFile('tvmaze-web-schedule-2024-01');

if (netflix && economist && schedule) {
  const tvmazeFiles = fs
    .readdirSync(schedule)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .map((f) => path.join(schedule, f));

  describeEachEngine(
    'all of ../shared/data',
    (db) => {
      const importAll = async () => {
        const runs = [
          await runImport({ db: db(), origin: 'netflix-titles', input: netflix, items: netflixItems(netflix), now: TEST_NOW }),
          await runImport({ db: db(), origin: 'economist-imdb', input: economist, items: economistItems(economist), now: TEST_NOW }),
        ];
        for (const file of tvmazeFiles)
          runs.push(await runImport({ db: db(), origin: 'tvmaze', input: file, items: tvmazeItems(file), now: TEST_NOW }));
        return runs;
      };

      it('imports everything, merging the sources into one show each', async () => {
        const runs = await importAll();
        expect(runs[0]?.records).toBe(2676);
        expect(runs[0]?.skipped).toBe(0);
        expect(runs[1]?.problems.map((p) => p.field)).toEqual(['seasonNumber', 'seasonNumber']); // two seasons listed twice in the file
        const n = async (table: 'shows' | 'episodes') =>
          Number(
            (
              await db()
                .kysely.selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(await n('episodes')).toBe(4953); // every numbered episode of January 2024
        const somos = await db()
          .kysely.selectFrom('shows')
          .select(['id', 'netflix_id', 'added_to_netflix'])
          .where('slug', '=', 'somos')
          .executeTakeFirstOrThrow();
        expect(somos).toMatchObject({ netflix_id: 's626', added_to_netflix: '2021-06-30' });
        const cast = await db()
          .kysely.selectFrom('credits')
          .select('id')
          .where('show_id', '=', somos.id)
          .where('role', '=', 'cast')
          .execute();
        expect(cast).toHaveLength(19); // the Netflix catalogue's 19 names, the starter's six among them, none twice
        const breakingBad = await db().kysely.selectFrom('shows').select('id').where('title', '=', 'Breaking Bad').execute();
        expect(breakingBad).toHaveLength(1);
        const shows = await n('shows');
        expect(shows).toBeGreaterThan(4000);
        expect(shows).toBeLessThan(51 + 2676 + 876 + 725);
      });

      it('changes nothing when run again, and says so', async () => {
        for (const run of await importAll()) {
          expect(run.tally.total('inserted'), run.tally.summary()).toBe(0);
          expect(run.tally.total('updated'), run.tally.summary()).toBe(0);
        }
      });
    },
    async (db) => {
      await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    },
  );
} else {
  it.skip('imports all of ../shared/data (not here)', () => {});
}
