import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Migration } from './types.ts';

// What GET requests used to write on first use is written ahead, so a GET only reads: a calendar entry's
// SEQUENCE follows its season's premiere day through triggers (whatever writes the season: the desk, the
// news queue, imports, sync, the starter load, a prepared statement), and the key that signs comment
// forms exists from the start.

// The UID a premiere is published under (feeds.queries.ts: datedPremieres), from a show's slug and a season's number.
const uid = (slug: string, number: string) => `'premiere-' || ${slug} || '-s' || ${number} || '@nextseason'`;

// A new entry starts at 0; an entry whose day moved goes up by one; an entry whose day stayed is left alone.
const UPSERT = `on conflict (uid) do update set day = excluded.day, sequence = calendar_entries.sequence + 1, updated_at = excluded.updated_at
  where calendar_entries.day <> excluded.day`;

export const readOnlyGets: Migration = {
  version: 11,
  name: 'read_only_gets',
  async up(db, engine) {
    const now = engine === 'sqlite' ? `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` : 'now()';
    if (engine === 'sqlite') {
      const fromSeason = `insert into calendar_entries (uid, day, sequence, updated_at)
        select ${uid('s.slug', 'new.number')}, new.premiere_date, 0, ${now} from shows s where s.id = new.show_id ${UPSERT};`;
      const dated = `new.premiere_precision = 'day' and new.premiere_date is not null`;
      await sql.raw(`create trigger seasons_calendar_insert after insert on seasons when ${dated} begin ${fromSeason} end`).execute(db);
      await sql
        .raw(
          `create trigger seasons_calendar_update after update of premiere_date, premiere_precision, number, show_id on seasons
           when ${dated} begin ${fromSeason} end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger shows_calendar_slug after update of slug on shows when old.slug is not new.slug begin
             insert into calendar_entries (uid, day, sequence, updated_at)
             select ${uid('new.slug', 'se.number')}, se.premiere_date, 0, ${now} from seasons se
             where se.show_id = new.id and se.premiere_precision = 'day' and se.premiere_date is not null ${UPSERT};
           end`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create function calendar_entry_follows_season() returns trigger language plpgsql as $$
           begin
             if new.premiere_precision = 'day' and new.premiere_date is not null then
               insert into calendar_entries (uid, day, sequence, updated_at)
               select ${uid('s.slug', 'new.number')}, new.premiere_date, 0, ${now} from shows s where s.id = new.show_id ${UPSERT};
             end if;
             return null;
           end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger seasons_calendar after insert or update of premiere_date, premiere_precision, number, show_id on seasons
           for each row execute function calendar_entry_follows_season()`,
        )
        .execute(db);
      await sql
        .raw(
          `create function calendar_entries_follow_slug() returns trigger language plpgsql as $$
           begin
             insert into calendar_entries (uid, day, sequence, updated_at)
             select ${uid('new.slug', 'se.number')}, se.premiere_date, 0, ${now} from seasons se
             where se.show_id = new.id and se.premiere_precision = 'day' and se.premiere_date is not null ${UPSERT};
             return null;
           end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger shows_calendar_slug after update of slug on shows
           for each row when (old.slug is distinct from new.slug) execute function calendar_entries_follow_slug()`,
        )
        .execute(db);
    }

    // Every premiere known to the day gets its entry now, with a raised SEQUENCE where its day moved since it was last published.
    await sql`insert into calendar_entries (uid, day, sequence, updated_at)
      select ${sql.raw(uid('s.slug', 'se.number'))}, se.premiere_date, 0, ${sql.raw(now)}
      from seasons se inner join shows s on s.id = se.show_id
      where se.premiere_precision = 'day' and se.premiere_date is not null ${sql.raw(UPSERT)}`.execute(db);

    await db
      .insertInto('site_secrets')
      .values({ name: 'comment-form', value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  },
};
