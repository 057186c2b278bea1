import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { runImport } from '../importers/import.run.ts';
import type { ImportedShow } from '../importers/show.record.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { eventInput } from '../status/event.input.ts';
import { addEvent, retractEvent } from '../status/events.writes.ts';

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

    it('publishes a day announced through the desk for a season not in the catalogue, and follows its moves and retractions', async () => {
      const show = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'severance').executeTakeFirstOrThrow();
      const uid = 'premiere-severance-s3@nextseason';
      const fetch = async (path: string) => {
        const res = await app().request(path);
        expect(res.status).toBe(200);
        return res.text();
      };
      const announce = (announced: string, date: string, tier: 'official' | 'rumour' = 'official') =>
        addEvent(
          db().kysely,
          show.id,
          eventInput.parse({ kind: 'date_announced', season: 3, date, announced, tier, source_url: 'https://example.org/severance' }),
          null,
          TEST_NOW,
        );
      const first = await announce('2027-03-19', '2026-10-01');
      for (const path of ['/calendar.ics', '/shows/severance/calendar.ics', '/platforms/apple-tv-plus/calendar.ics']) {
        const body = await fetch(path);
        expect(events(body).get(uid)).toEqual(['2027-03-19', 0]);
        expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
        expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // every line ends with CRLF, none with a bare LF
      }
      // DTSTAMP is when the entry last changed, not the premiere day or the time of the request.
      const entry = await db().kysely.selectFrom('calendar_entries').select('updated_at').where('uid', '=', uid).executeTakeFirstOrThrow();
      const stamp = (body: string) => {
        const vevent = new ICAL.Component(ICAL.parse(body))
          .getAllSubcomponents('vevent')
          .find((c) => c.getFirstPropertyValue('uid') === uid);
        return String(vevent?.getFirstPropertyValue('dtstamp'));
      };
      const stamped = new Date(entry.updated_at).toISOString().slice(0, 19).replace(/[-:]/g, '');
      expect(
        stamp(await fetch('/shows/severance/calendar.ics'))
          .replace(/[-:]/g, '')
          .slice(0, 15),
      ).toBe(stamped);

      await announce('2027-03-19', '2026-10-05'); // said again: nothing moved
      expect(events(await fetch('/shows/severance/calendar.ics')).get(uid)).toEqual(['2027-03-19', 0]);
      await announce('2027-04-02', '2026-10-09', 'rumour'); // a rumour never moves a calendar
      expect(events(await fetch('/shows/severance/calendar.ics')).get(uid)).toEqual(['2027-03-19', 0]);
      const moved = await announce('2027-04-02', '2026-10-10');
      expect(events(await fetch('/shows/severance/calendar.ics')).get(uid)).toEqual(['2027-04-02', 1]);
      await retractEvent(db().kysely, moved, null, TEST_NOW); // back to the earlier announcement
      expect(events(await fetch('/shows/severance/calendar.ics')).get(uid)).toEqual(['2027-03-19', 2]);
      await announce('2027-03', '2026-10-12'); // now only the month is known: no day to publish
      expect(events(await fetch('/shows/severance/calendar.ics')).has(uid)).toBe(false);
      expect(first).toBeGreaterThan(0);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
