import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../database.ts';
import type { Precision } from '../schema.ts';
import { describeEachEngine } from '../testing.ts';
import { readOnlyGets } from './011_read_only_gets.ts';

// Migration 011 on a database that already has seasons, and calendar entries written by GETs before it.

/** Takes a migrated database back to how it was before 011: no triggers, no form key, no calendar entries. */
async function before011(db: Db) {
  const statements =
    db.engine === 'sqlite'
      ? ['drop trigger seasons_calendar_insert', 'drop trigger seasons_calendar_update', 'drop trigger shows_calendar_slug']
      : [
          'drop trigger seasons_calendar on seasons',
          'drop trigger shows_calendar_slug on shows',
          'drop function calendar_entry_follows_season()',
          'drop function calendar_entries_follow_slug()',
        ];
  for (const s of statements) await sql.raw(s).execute(db.kysely);
  await db.kysely.deleteFrom('site_secrets').execute();
  await db.kysely.deleteFrom('calendar_entries').execute();
}

describeEachEngine('migration 011', (db) => {
  it('gives every premiere known to the day its calendar entry, raises the ones whose day moved, and makes the form key', async () => {
    await before011(db());
    const k = db().kysely;
    const stamp = '2026-11-25T12:00:00.000Z';
    const show = await k
      .insertInto('shows')
      .values({
        slug: 'dated',
        title: 'Dated',
        type: 'scripted',
        derived_status: 'renewed',
        search_text: 'dated',
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const season = (number: number, day: string, precision: Precision) => ({
      show_id: show.id,
      number,
      premiere_date: day,
      premiere_precision: precision,
      finale_precision: 'unknown' as const,
    });
    await k
      .insertInto('seasons')
      .values([
        season(1, '2024-05-01', 'day'),
        season(2, '2026-03-06', 'day'),
        season(3, '2027-06-01', 'month'),
        season(4, '2027-09-10', 'day'),
      ])
      .execute();
    // As GETs left them: season 1 published on its day, season 2 published on a day that has since moved.
    await k
      .insertInto('calendar_entries')
      .values([
        { uid: 'premiere-dated-s1@nextseason', day: '2024-05-01', sequence: 2, updated_at: stamp },
        { uid: 'premiere-dated-s2@nextseason', day: '2026-02-27', sequence: 3, updated_at: stamp },
      ])
      .execute();

    // As migrate() runs it: in one transaction.
    await k.transaction().execute((trx) => readOnlyGets.up(trx, db().engine));

    const entries = await k.selectFrom('calendar_entries').select(['uid', 'day', 'sequence']).orderBy('uid').execute();
    expect(entries).toEqual([
      { uid: 'premiere-dated-s1@nextseason', day: '2024-05-01', sequence: 2 },
      { uid: 'premiere-dated-s2@nextseason', day: '2026-03-06', sequence: 4 },
      { uid: 'premiere-dated-s4@nextseason', day: '2027-09-10', sequence: 0 },
    ]);
    const secrets = await k.selectFrom('site_secrets').select(['name', 'value']).execute();
    expect(secrets.map((s) => s.name)).toEqual(['comment-form']);
    expect(secrets[0]?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // From now on the entries follow the seasons, whatever writes them; a renamed show's premieres get entries under their new UIDs.
    await k.updateTable('seasons').set({ premiere_precision: 'day', premiere_date: '2027-06-04' }).where('number', '=', 3).execute();
    await k.updateTable('seasons').set({ premiere_date: '2024-05-01' }).where('number', '=', 1).execute();
    await k.updateTable('shows').set({ slug: 'renamed' }).where('id', '=', show.id).execute();
    const after = await k.selectFrom('calendar_entries').select(['uid', 'day', 'sequence']).orderBy('uid').execute();
    expect(after).toEqual([
      { uid: 'premiere-dated-s1@nextseason', day: '2024-05-01', sequence: 2 },
      { uid: 'premiere-dated-s2@nextseason', day: '2026-03-06', sequence: 4 },
      { uid: 'premiere-dated-s3@nextseason', day: '2027-06-04', sequence: 0 },
      { uid: 'premiere-dated-s4@nextseason', day: '2027-09-10', sequence: 0 },
      { uid: 'premiere-renamed-s1@nextseason', day: '2024-05-01', sequence: 0 },
      { uid: 'premiere-renamed-s2@nextseason', day: '2026-03-06', sequence: 0 },
      { uid: 'premiere-renamed-s3@nextseason', day: '2027-06-04', sequence: 0 },
      { uid: 'premiere-renamed-s4@nextseason', day: '2027-09-10', sequence: 0 },
    ]);
  });
});
