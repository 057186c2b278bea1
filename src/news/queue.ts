import type { Kysely } from 'kysely';
import { audit, type User } from '../accounts/accounts.queries.ts';
import type { Database } from '../db/schema.ts';
import { validateEvent } from '../status/event.input.ts';
import { addEvent } from '../status/events.writes.ts';
import { safeHttpUrl } from '../web/urls.ts';

// The review queue: candidate events from the news, accepted (as an event citing the item), or rejected.

export async function pendingCandidates(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('candidates as c')
    .innerJoin('feed_items as i', 'i.id', 'c.feed_item_id')
    .innerJoin('feeds as f', 'f.id', 'i.feed_id')
    .innerJoin('shows as s', 's.id', 'c.show_id')
    .select([
      'c.id',
      'c.kind',
      'c.season_number',
      'c.announced_date',
      'c.announced_precision',
      'i.title as headline',
      'i.url',
      'i.published_at',
      'f.name as feed',
      'f.tier',
      's.slug',
      's.title',
    ])
    .where('c.status', '=', 'pending')
    .orderBy('c.id')
    .execute();
  // A link stored before the link rule is not offered: the candidate is shown, and accepted, without it.
  return rows.map((r) => ({ ...r, url: safeHttpUrl(r.url) }));
}

/** Accepts a candidate, with the editor's corrections; returns the new event's id, or field errors. */
export async function acceptCandidate(
  db: Kysely<Database>,
  id: number,
  edits: Record<string, string>,
  by: User,
  now: Date,
): Promise<{ ok: true; eventId: number } | { ok: false; errors: Record<string, string> } | null> {
  const c = await db
    .selectFrom('candidates as c')
    .innerJoin('feed_items as i', 'i.id', 'c.feed_item_id')
    .innerJoin('feeds as f', 'f.id', 'i.feed_id')
    .select([
      'c.id',
      'c.show_id',
      'c.kind',
      'c.season_number',
      'c.announced_date',
      'i.title',
      'i.url',
      'i.published_at',
      'f.name',
      'f.tier',
    ])
    .where('c.id', '=', id)
    .where('c.status', '=', 'pending')
    .executeTakeFirst();
  if (!c) return null;
  const checked = validateEvent({
    kind: edits.kind || c.kind,
    season: edits.season ?? (c.season_number === null ? '' : String(c.season_number)),
    date: edits.date || (c.published_at ?? now.toISOString()).slice(0, 10),
    announced: edits.announced ?? c.announced_date ?? '',
    tier: edits.tier || c.tier,
    source_url: edits.source_url?.trim() || safeHttpUrl(c.url) || '',
    outlet: c.name,
    quote: c.title,
  });
  if (!checked.ok) return checked;
  const eventId = await addEvent(db, c.show_id, checked.data, by, now);
  await db
    .updateTable('candidates')
    .set({ status: 'accepted', event_id: eventId, decided_by: by.email, decided_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  return { ok: true, eventId };
}

export async function rejectCandidate(db: Kysely<Database>, id: number, by: User, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('candidates')
    .set({ status: 'rejected', decided_by: by.email, decided_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await audit(db, { user: by, action: 'candidate.reject', entity: 'candidate', entityId: id }, now);
  return true;
}
