import type { Kysely, Selectable } from 'kysely';
import { audit, type User } from '../accounts/accounts.queries.ts';
import { type EventChange, queueEventAlerts } from '../alerts/alerts.queue.ts';
import type { Database, StatusEventsTable } from '../db/schema.ts';
import { upsertRow } from '../db/upsert.ts';
import type { EventInput } from './event.input.ts';
import { refreshDerivedStatus } from './events.queries.ts';

// Adding and retracting status events: one transaction each, with the show's status, its "last updated",
// the alerts to its followers and the audit log changed together.

/** The event's source row (found by URL, or added), or null for a rumour without one. */
async function sourceFor(trx: Kysely<Database>, input: EventInput, stamp: string): Promise<number | null> {
  if (!input.source_url) return null;
  const outlet = input.outlet || new URL(input.source_url).hostname.replace(/^www\./, '');
  return (
    await upsertRow(
      trx,
      'sources',
      { url: input.source_url },
      { outlet },
      { onInsert: { created_at: stamp, retrieved_on: stamp.slice(0, 10) } },
    )
  ).id;
}

/** The columns an editor's input sets. */
function eventColumns(input: EventInput, sourceId: number | null) {
  return {
    season_number: input.season ?? null,
    kind: input.kind,
    effective_date: input.date.date,
    effective_precision: input.date.precision,
    announced_date: input.announced?.date ?? null,
    announced_precision: input.announced?.precision ?? null,
    tier: input.tier,
    source_id: sourceId,
    quote: input.quote ?? null,
    notes: input.notes ?? null,
  };
}

export async function addEvent(db: Kysely<Database>, showId: number, input: EventInput, by: User | null, now: Date): Promise<number> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = {
      show_id: showId,
      ...eventColumns(input, await sourceFor(trx, input, stamp)),
      entered_by: by?.email ?? 'cli',
      created_at: stamp,
    };
    const { id } = await trx.insertInto('status_events').values(row).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('shows').set({ updated_at: stamp }).where('id', '=', showId).execute();
    await refreshDerivedStatus(trx, showId, stamp.slice(0, 10));
    await queueEventAlerts(trx, id, 'added', now);
    await audit(trx, { user: by, action: 'event.add', entity: 'status_event', entityId: id, after: row }, now);
    return id;
  });
}

/**
 * Changes a live (unretracted) event in one transaction: the show's "last updated", its derived status and
 * the audit log move with it. Null when there is no such live event.
 */
async function changeLiveEvent(
  db: Kysely<Database>,
  eventId: number,
  by: User | null,
  now: Date,
  action: string,
  alert: EventChange,
  change: (trx: Kysely<Database>, before: Selectable<StatusEventsTable>, stamp: string) => Promise<Partial<Selectable<StatusEventsTable>>>,
): Promise<{ showId: number } | null> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('status_events')
      .selectAll()
      .where('id', '=', eventId)
      .where('retracted_at', 'is', null)
      .executeTakeFirst();
    if (!before) return null;
    const patch = await change(trx, before, stamp);
    await trx.updateTable('status_events').set(patch).where('id', '=', eventId).execute();
    await trx.updateTable('shows').set({ updated_at: stamp }).where('id', '=', before.show_id).execute();
    await refreshDerivedStatus(trx, before.show_id, stamp.slice(0, 10));
    await queueEventAlerts(trx, eventId, alert, now);
    await audit(trx, { user: by, action, entity: 'status_event', entityId: eventId, before, after: { ...before, ...patch } }, now);
    return { showId: before.show_id };
  });
}

/** Corrects an event in place; null when there is no such live event. */
export function updateEvent(
  db: Kysely<Database>,
  eventId: number,
  input: EventInput,
  by: User | null,
  now: Date,
): Promise<{ showId: number } | null> {
  return changeLiveEvent(db, eventId, by, now, 'event.edit', 'edited', async (trx, before, stamp) => {
    // A correction without a URL keeps the old source, unless it is now a rumour.
    const sourceId = input.source_url ? await sourceFor(trx, input, stamp) : input.tier === 'rumour' ? null : before.source_id;
    return eventColumns(input, sourceId);
  });
}

/** Retracts an event (it stays on record, marked, and stops counting); null when there is no such live event. */
export function retractEvent(db: Kysely<Database>, eventId: number, by: User | null, now: Date): Promise<{ showId: number } | null> {
  return changeLiveEvent(db, eventId, by, now, 'event.retract', 'retracted', async (_trx, _before, stamp) => ({ retracted_at: stamp }));
}
