import { sql } from 'kysely';
import type { Migration } from './types.ts';

// A premiere date announced to the day (desk, news queue) for a season not yet in the catalogue gets its
// calendar entry too, under the UID its season will have, with the SEQUENCE raised whenever the latest
// announcement moves the day: triggers on status_events, whatever writes them.

const uid = (slug: string, number: string) => `'premiere-' || ${slug} || '-s' || ${number} || '@nextseason'`;
const UPSERT = `on conflict (uid) do update set day = excluded.day, sequence = calendar_entries.sequence + 1, updated_at = excluded.updated_at
  where calendar_entries.day <> excluded.day`;

/** The latest announcement about one (show, season), kept when it is to the day and the season has no date of its own. */
const latestAnnounced = (show: string, season: string, now: string) => `insert into calendar_entries (uid, day, sequence, updated_at)
  select ${uid('s.slug', 'x.season_number')}, x.announced_date, 0, ${now}
  from (select e.show_id, e.season_number, e.announced_date, e.announced_precision from status_events e
        where e.show_id = ${show} and e.season_number = ${season} and e.kind in ('date_announced', 'date_changed')
          and e.retracted_at is null and e.tier <> 'rumour' and e.announced_date is not null
        order by e.effective_date desc, e.id desc limit 1) x
  inner join shows s on s.id = x.show_id
  where x.announced_precision = 'day'
    and not exists (select 1 from seasons k where k.show_id = x.show_id and k.number = x.season_number and k.premiere_precision <> 'unknown')
  ${UPSERT}`;

const COLUMNS = 'kind, announced_date, announced_precision, retracted_at, tier, season_number, effective_date, show_id';

export const announcedCalendar: Migration = {
  version: 15,
  name: 'announced_calendar',
  async up(db, engine) {
    const now = engine === 'sqlite' ? `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` : 'now()';
    const statement = latestAnnounced('new.show_id', 'new.season_number', now);
    if (engine === 'sqlite') {
      await sql.raw(`create trigger status_events_calendar_insert after insert on status_events begin ${statement}; end`).execute(db);
      await sql
        .raw(`create trigger status_events_calendar_update after update of ${COLUMNS} on status_events begin ${statement}; end`)
        .execute(db);
    } else {
      await sql
        .raw(
          `create function calendar_entry_follows_announcement() returns trigger language plpgsql as $$
           begin
             if new.season_number is not null then ${statement}; end if;
             return null;
           end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger status_events_calendar after insert or update of ${COLUMNS} on status_events
           for each row execute function calendar_entry_follows_announcement()`,
        )
        .execute(db);
    }
    // Announcements already on record get their entries now.
    const pairs = await sql<{ show_id: number; season_number: number }>`select distinct show_id, season_number from status_events
      where kind in ('date_announced', 'date_changed') and season_number is not null`.execute(db);
    for (const p of pairs.rows) await sql.raw(latestAnnounced(String(Number(p.show_id)), String(Number(p.season_number)), now)).execute(db);
  },
};
