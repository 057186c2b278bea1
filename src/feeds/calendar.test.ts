import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { runImport } from '../importers/import.run.ts';
import type { ImportedShow } from '../importers/show.record.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';

// Calendar SEQUENCE numbers rise where premiere dates are written; publishing a calendar only reads them.

const SITE = 'https://nextseason.test';

/** UID → [start day, SEQUENCE] of every event in an iCalendar body. */
function events(text: string): Map<string, [string, number]> {
  const cal = new ICAL.Component(ICAL.parse(text));
  return new Map(
    cal.getAllSubcomponents('vevent').map((c) => {
      const e = new ICAL.Event(c);
      return [e.uid, [e.startDate.toString(), e.sequence]];
    }),
  );
}

/** A TVmaze-like record of a show with one season, premiering on `day`. */
const record = (day: string, version: number): ImportedShow => ({
  location: `test:${version}`,
  version,
  ids: { tvmaze: 990_001 },
  title: 'Calendar Test Show',
  type: 'scripted',
  platform: { name: 'Netflix', kind: 'streaming', country: null },
  premiered: day,
  seasons: [{ number: 1, premiere: { date: day, precision: 'day' }, episodeCount: 8 }],
});

async function* items(...records: ImportedShow[]) {
  for (const r of records) yield { record: r };
}

describeEachEngine(
  'calendar SEQUENCE',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: SITE, now: () => TEST_NOW });

    it('answers eight concurrent first GET /calendar.ics with 200 and the same events, as apps in eight processes would', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => app().request('/calendar.ics')));
      expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
      const bodies = await Promise.all(answers.map((r) => r.text()));
      const first = events(bodies[0] as string);
      expect(first.get('premiere-wednesday-s2@nextseason')).toEqual(['2025-08-06', 0]);
      for (const body of bodies) expect(events(body)).toEqual(first);
    });

    it('raises SEQUENCE when an import moves a premiere day, and not when a GET asks or an import keeps the day', async () => {
      const imported = (day: string, version: number) =>
        runImport({ db: db(), origin: 'tvmaze', input: 'test', items: items(record(day, version)), now: TEST_NOW });
      const calendar = async () => {
        const show = await db().kysely.selectFrom('shows').select('slug').where('tvmaze_id', '=', 990_001).executeTakeFirstOrThrow();
        const res = await app().request(`/shows/${show.slug}/calendar.ics`);
        expect(res.status).toBe(200);
        return [...events(await res.text()).values()];
      };

      await imported('2027-03-05', 1); // a new show: the set-based path (prepared statements on SQLite)
      expect(await calendar()).toEqual([['2027-03-05', 0]]);
      expect(await calendar()).toEqual([['2027-03-05', 0]]);

      await imported('2027-03-12', 2); // the same show again: the field-by-field merge
      expect(await calendar()).toEqual([['2027-03-12', 1]]);

      await imported('2027-03-12', 3);
      expect(await calendar()).toEqual([['2027-03-12', 1]]);

      await imported('2027-03-05', 4);
      expect(await calendar()).toEqual([['2027-03-05', 2]]);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
