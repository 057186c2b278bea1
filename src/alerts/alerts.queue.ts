import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isoDay } from '../lang/dates.ts';
import { type AlertKind, type AlertPayload, alertKindOf, type EventFacts, isNews, nextDigest, type ShowRef } from './alerts.rules.ts';

// Alerts are written to the outbox in the transaction of the change that causes them: one row per follower
// and alert, its key unique per follower, so a retried write or a second daily run queues nothing twice.

export type EventChange = 'added' | 'edited' | 'retracted';

async function showRef(db: Kysely<Database>, showId: number): Promise<ShowRef & { platformId: number | null }> {
  const s = await db
    .selectFrom('shows as s')
    .leftJoin('platforms as p', 'p.id', 's.platform_id')
    .select(['s.id', 's.slug', 's.title', 'p.name as platform', 's.platform_id'])
    .where('s.id', '=', showId)
    .executeTakeFirstOrThrow();
  return { id: s.id, slug: s.slug, title: s.title, platform: s.platform, platformId: s.platform_id };
}

async function eventFacts(db: Kysely<Database>, eventId: number) {
  const e = await db
    .selectFrom('status_events as e')
    .leftJoin('sources as src', 'src.id', 'e.source_id')
    .select([
      'e.id',
      'e.show_id',
      'e.kind',
      'e.season_number',
      'e.effective_date',
      'e.effective_precision',
      'e.announced_date',
      'e.announced_precision',
      'e.tier',
      'e.quote',
      'e.retracted_at',
      'src.url',
      'src.outlet',
    ])
    .where('e.id', '=', eventId)
    .executeTakeFirstOrThrow();
  const facts: EventFacts = {
    id: e.id,
    kind: e.kind,
    season: e.season_number,
    effective: { date: e.effective_date, precision: e.effective_precision },
    premiere: e.announced_date ? { date: e.announced_date, precision: e.announced_precision ?? 'day' } : null,
    tier: e.tier,
    source: e.outlet ? { url: e.url, outlet: e.outlet } : null,
    quote: e.quote,
  };
  return { facts, showId: e.show_id, retracted: e.retracted_at !== null };
}

const targetsOf = (show: { id: number; platformId: number | null }) => [
  'site',
  `show:${show.id}`,
  ...(show.platformId ? [`platform:${show.platformId}`] : []),
];

interface Queued {
  key: string;
  kind: AlertKind;
  payload: AlertPayload;
  eventId?: number;
  now: Date;
}

/** Queues one alert for every active follower of the targets (a follower of both show and platform gets one). */
function queueForTargets(db: Kysely<Database>, targets: string[], q: Queued & { showId: number }): Promise<number> {
  return queueFor(
    db,
    q,
    sql`exists (select 1 from follows w where w.follower_id = f.id and w.confirmed_at is not null and w.target in (${sql.join(targets)}))`,
  );
}

/**
 * Queues a correction for everyone already sent (or due) an alert about the event, whatever they follow now;
 * a stopped endpoint too, so that turned on again it hears the correction after the alert it still holds.
 */
function queueCorrection(db: Kysely<Database>, eventId: number, q: Queued & { showId: number }): Promise<number> {
  return queueFor(
    db,
    { ...q, eventId },
    sql`exists (select 1 from alert_outbox o where o.follower_id = f.id and o.event_id = ${eventId})`,
    sql`('active', 'disabled')`,
  );
}

/** One insert per delivery rhythm: a digest follower's alert is due at the next digest. */
async function queueFor(
  db: Kysely<Database>,
  q: Queued & { showId: number },
  who: RawBuilder<unknown>,
  statuses: RawBuilder<unknown> = sql`('active')`,
): Promise<number> {
  const stamp = q.now.toISOString();
  let queued = 0;
  for (const [digest, due] of [
    ['immediate', stamp],
    ['daily', nextDigest(q.now).toISOString()],
  ]) {
    const result = await sql`
      insert into alert_outbox (follower_id, alert_key, kind, show_id, event_id, payload, created_at, due_at)
      select f.id, ${q.key}, ${q.kind}, ${q.showId}, ${q.eventId ?? null}, ${JSON.stringify(q.payload)}, ${stamp}, ${due}
      from followers f
      where f.status in ${statuses} and f.digest = ${digest} and ${who}
      on conflict (follower_id, alert_key) do nothing`.execute(db);
    queued += Number(result.numAffectedRows ?? 0);
  }
  return queued;
}

/**
 * The alerts an event's change sets off, in the caller's transaction: news of a new event to its show's,
 * platform's and the site's followers; a correction or withdrawal to whoever was alerted before.
 */
export async function queueEventAlerts(db: Kysely<Database>, eventId: number, change: EventChange, now: Date): Promise<number> {
  const { facts, showId, retracted } = await eventFacts(db, eventId);
  const kind = alertKindOf(facts);
  const show = await showRef(db, showId);
  const { platformId: _, ...ref } = show;
  const payload = (c: AlertPayload['change'], k: AlertKind): AlertPayload => ({
    kind: k,
    change: c,
    show: ref,
    season: facts.season,
    event: facts,
  });
  const stamp = now.toISOString();
  let queued = 0;
  if (change !== 'added') {
    // Withdrawn, or edited into something no one is alerted about (a rumour): those told before hear so.
    const withdrawn = retracted || kind === null;
    const earlier = await db.selectFrom('alert_outbox').select('kind').where('event_id', '=', eventId).orderBy('id').executeTakeFirst();
    if (earlier) {
      const k = (kind ?? earlier.kind) as AlertKind;
      queued += await queueCorrection(db, eventId, {
        key: `event:${eventId}:${withdrawn ? 'retracted' : 'corrected'}:${stamp}`,
        kind: k,
        payload: payload(withdrawn ? 'retracted' : 'corrected', k),
        now,
        showId,
      });
    }
    if (withdrawn) return queued;
  }
  if (kind === null || !isNews(facts.effective.date, isoDay(now))) return queued;
  // Everyone else following it now hears of it as news; those corrected above already have this key's row.
  return (
    queued +
    (await queueForTargets(db, targetsOf(show), { key: `event:${eventId}`, kind, payload: payload('new', kind), eventId, now, showId }))
  );
}

export interface DatedPremiere {
  slug: string;
  season: number;
  premiere: { date: string };
}

/** The standing announcement that set a premiere's day: what its reminder cites. */
async function datingEvent(db: Kysely<Database>, showId: number, item: DatedPremiere): Promise<EventFacts | null> {
  const row = await db
    .selectFrom('status_events')
    .select('id')
    .where('show_id', '=', showId)
    .where('season_number', '=', item.season)
    .where('announced_date', '=', item.premiere.date)
    .where('retracted_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? (await eventFacts(db, row.id)).facts : null;
}

/** Premieres today and tomorrow (the caller's calendar, known to the day), for followers of their shows, platforms and the site. */
export async function queuePremiereAlerts(db: Kysely<Database>, items: DatedPremiere[], now: Date): Promise<number> {
  const today = isoDay(now);
  let queued = 0;
  for (const item of items) {
    const row = await db.selectFrom('shows').select('id').where('slug', '=', item.slug).executeTakeFirst();
    if (!row) continue;
    const show = await showRef(db, row.id);
    const { platformId: _, ...ref } = show;
    const kind: AlertKind = item.premiere.date === today ? 'premiere_today' : 'premiere_tomorrow';
    queued += await queueForTargets(db, targetsOf(show), {
      key: `premiere:${show.id}:${item.season}:${item.premiere.date}:${kind}`,
      kind,
      payload: {
        kind,
        change: 'new',
        show: ref,
        season: item.season,
        event: await datingEvent(db, show.id, item),
        day: item.premiere.date,
      },
      now,
      showId: show.id,
    });
  }
  return queued;
}

/** A show's chance of a next season within a year (null: no forecast), as the caller's forecaster has it. */
export type ChanceOf = (slug: string) => Promise<number | null>;

// Below the threshold by this much before a follow can be alerted again: a figure hovering at it alerts once.
const HYSTERESIS = 0.05;

/** Followers who asked to hear when a show's chance crosses their threshold, alerted the first day it does. */
export async function queueForecastAlerts(db: Kysely<Database>, chanceOf: ChanceOf, now: Date): Promise<number> {
  const follows = await db
    .selectFrom('follows as w')
    .innerJoin('followers as f', 'f.id', 'w.follower_id')
    .select(['w.id', 'w.follower_id', 'w.show_id', 'w.threshold', 'w.threshold_met', 'f.digest'])
    .where('w.threshold', 'is not', null)
    .where('w.show_id', 'is not', null)
    .where('w.confirmed_at', 'is not', null)
    .where('f.status', '=', 'active')
    .execute();
  const chances = new Map<number, number | null>();
  let queued = 0;
  for (const w of follows) {
    const show = await showRef(db, w.show_id as number);
    if (!chances.has(show.id)) chances.set(show.id, await chanceOf(show.slug));
    const p = chances.get(show.id) ?? null;
    const threshold = w.threshold as number;
    if (p === null) continue;
    if (w.threshold_met && p < threshold - HYSTERESIS) {
      await db.updateTable('follows').set({ threshold_met: 0 }).where('id', '=', w.id).execute();
      continue;
    }
    if (w.threshold_met || p < threshold) continue;
    const { platformId: _, ...ref } = show;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('follows').set({ threshold_met: 1 }).where('id', '=', w.id).execute();
      const stamp = now.toISOString();
      const r = await trx
        .insertInto('alert_outbox')
        .values({
          follower_id: w.follower_id,
          alert_key: `forecast:${w.id}:${isoDay(now)}`,
          kind: 'forecast_likely',
          show_id: show.id,
          payload: JSON.stringify({
            kind: 'forecast_likely',
            change: 'new',
            show: ref,
            season: null,
            event: null,
            chance: { p, threshold },
          }),
          created_at: stamp,
          due_at: w.digest === 'daily' ? nextDigest(now).toISOString() : stamp,
        })
        .onConflict((oc) => oc.columns(['follower_id', 'alert_key']).doNothing())
        .executeTakeFirst();
      queued += Number(r.numInsertedOrUpdatedRows ?? 0);
    });
  }
  return queued;
}

/** Test alerts an endpoint may ask for in an hour: enough to debug a receiver, too few to aim us at someone. */
export const PINGS_PER_HOUR = 5;

/**
 * A test alert for one endpoint (its owner asked for it through the API); false, queueing nothing, when it
 * has had PINGS_PER_HOUR in the last hour.
 */
export async function queuePing(db: Kysely<Database>, followerId: number, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  const recent = await db
    .selectFrom('alert_outbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('follower_id', '=', followerId)
    .where('kind', '=', 'ping')
    .where('created_at', '>', new Date(now.getTime() - 3_600_000).toISOString())
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= PINGS_PER_HOUR) return false;
  const payload: AlertPayload = {
    kind: 'ping',
    change: 'new',
    show: { id: 0, slug: '', title: 'Next Season', platform: null },
    season: null,
    event: null,
  };
  await db
    .insertInto('alert_outbox')
    .values({
      follower_id: followerId,
      alert_key: `ping:${stamp}`,
      kind: 'ping',
      payload: JSON.stringify(payload),
      created_at: stamp,
      due_at: stamp,
    })
    .onConflict((oc) => oc.columns(['follower_id', 'alert_key']).doNothing())
    .execute();
  return true;
}
