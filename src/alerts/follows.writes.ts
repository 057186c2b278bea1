import { randomBytes } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { confirmFollowMail, followLinks } from './follow.mails.ts';

// Following: an email follower confirms by a mailed link (a button on the page it opens); a webhook follower
// is made through the API and gets its signing secret once. Leaving deletes the follower and all it had.

/** Confirmation mails a day: per address, and per network (an IPv4 address or IPv6 /64). */
export const LIMITS = { perAddress: 3, perNetwork: 20 };
const DAY_MS = 86_400_000;

export interface FollowTarget {
  /** 'show:ID', 'platform:ID' or 'site' */
  target: string;
  showId: number | null;
  platformId: number | null;
  /** Words for the mail: "Severance", "Netflix", "every show". */
  name: string;
}

export type FollowOutcome = { kind: 'mailed' } | { kind: 'limited'; retryAfterSeconds: number };

const newFeedKey = () => randomBytes(18).toString('base64url');

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

async function addFollow(
  db: Kysely<Database>,
  followerId: number,
  t: FollowTarget,
  threshold: number | null,
  confirmedAt: string | null,
  stamp: string,
) {
  await db
    .insertInto('follows')
    .values({
      follower_id: followerId,
      target: t.target,
      show_id: t.showId,
      platform_id: t.platformId,
      threshold,
      created_at: stamp,
      confirmed_at: confirmedAt,
    })
    .onConflict((oc) => oc.columns(['follower_id', 'target']).doUpdateSet({ threshold }))
    .execute();
}

/**
 * A reader asks to follow by email: the follow waits, unconfirmed, and a confirmation mail is queued in the
 * same transaction, within the daily limits (what a stranger could otherwise send to anyone's inbox).
 */
export async function requestEmailFollow(
  db: Kysely<Database>,
  r: { email: string; target: FollowTarget; threshold: number | null; ipKey: string },
  ctx: { now: Date; siteUrl: string; secret: string },
): Promise<FollowOutcome> {
  const stamp = ctx.now.toISOString();
  const since = new Date(ctx.now.getTime() - DAY_MS).toISOString();
  const emailKey = r.email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    // Requests take turns (SQLite's one writer does this already): the daily limits count what the others wrote,
    // and two first requests for one address make one follower.
    if (isPostgres(trx)) await sql`lock table follow_requests in share row exclusive mode`.execute(trx);
    const count = async (column: 'email_key' | 'ip_key', value: string) =>
      Number(
        (
          await trx
            .selectFrom('follow_requests')
            .select((eb) => eb.fn.countAll().as('n'))
            .where(column, '=', value)
            .where('created_at', '>', since)
            .executeTakeFirstOrThrow()
        ).n,
      );
    if ((await count('email_key', emailKey)) >= LIMITS.perAddress || (await count('ip_key', r.ipKey)) >= LIMITS.perNetwork) {
      const oldest = await trx
        .selectFrom('follow_requests')
        .select((eb) => eb.fn.min('created_at').as('at'))
        .where((eb) => eb.or([eb('email_key', '=', emailKey), eb('ip_key', '=', r.ipKey)]))
        .where('created_at', '>', since)
        .executeTakeFirst();
      const free = oldest?.at ? new Date(oldest.at).getTime() + DAY_MS - ctx.now.getTime() : DAY_MS;
      return { kind: 'limited', retryAfterSeconds: Math.max(60, Math.ceil(free / 1000)) };
    }
    await trx.insertInto('follow_requests').values({ email_key: emailKey, ip_key: r.ipKey, created_at: stamp }).execute();
    const known = await trx
      .selectFrom('followers')
      .select(['id'])
      .where('channel', '=', 'email')
      .where('email_key', '=', emailKey)
      .executeTakeFirst();
    const id =
      known?.id ??
      (
        await trx
          .insertInto('followers')
          .values({
            channel: 'email',
            email: r.email.trim(),
            email_key: emailKey,
            feed_key: newFeedKey(),
            status: 'unconfirmed',
            ip_key: r.ipKey,
            created_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    await addFollow(trx, id, r.target, r.threshold, null, stamp);
    await enqueueMail(
      trx,
      confirmFollowMail({ to: r.email.trim(), name: r.target.name, links: followLinks(ctx.siteUrl, ctx.secret, id) }),
      ctx.now,
    );
    return { kind: 'mailed' };
  });
}

/** The address answered: the follower and every follow it asked for start counting. False when there is no such follower. */
export async function confirmFollower(db: Kysely<Database>, id: number, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('followers').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    // A mailbox that bounced and answers again is active again: the reader asked, and confirmed it is theirs.
    if (row.status === 'unconfirmed' || row.status === 'disabled')
      await trx
        .updateTable('followers')
        .set({ status: 'active', confirmed_at: stamp, disabled_at: null, disabled_reason: null })
        .where('id', '=', id)
        .execute();
    await trx.updateTable('follows').set({ confirmed_at: stamp }).where('follower_id', '=', id).where('confirmed_at', 'is', null).execute();
    return true;
  });
}

/** Leave all: the follower, its follows, its address and its queued alerts are deleted. True if there was one. */
export async function leaveAll(db: Kysely<Database>, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('alert_outbox').where('follower_id', '=', id).execute();
    await trx.deleteFrom('follows').where('follower_id', '=', id).execute();
    const r = await trx.deleteFrom('followers').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

export async function unfollow(db: Kysely<Database>, followerId: number, followId: number): Promise<void> {
  await db.deleteFrom('follows').where('follower_id', '=', followerId).where('id', '=', followId).execute();
}

export async function setDigest(db: Kysely<Database>, followerId: number, digest: 'immediate' | 'daily'): Promise<void> {
  await db.updateTable('followers').set({ digest }).where('id', '=', followerId).execute();
}

/** A new private feed URL; the old one stops working at once. */
export async function renewFeedKey(db: Kysely<Database>, followerId: number): Promise<void> {
  await db.updateTable('followers').set({ feed_key: newFeedKey() }).where('id', '=', followerId).execute();
}

/** A webhook endpoint, active at once: its owner holds the URL. The secret is returned here and never again. */
export async function createWebhookFollower(
  db: Kysely<Database>,
  r: { url: string; targets: FollowTarget[]; threshold: number | null; ipKey: string },
  now: Date,
): Promise<{ id: number; secret: string } | { limited: true; retryAfterSeconds: number }> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const made = await trx
      .selectFrom('follow_requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ip_key', '=', r.ipKey)
      .where('created_at', '>', new Date(now.getTime() - DAY_MS).toISOString())
      .executeTakeFirstOrThrow();
    if (Number(made.n) >= LIMITS.perNetwork) return { limited: true as const, retryAfterSeconds: DAY_MS / 1000 };
    await trx.insertInto('follow_requests').values({ email_key: '', ip_key: r.ipKey, created_at: stamp }).execute();
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const { id } = await trx
      .insertInto('followers')
      .values({
        channel: 'webhook',
        url: r.url,
        secret,
        feed_key: newFeedKey(),
        status: 'active',
        ip_key: r.ipKey,
        created_at: stamp,
        confirmed_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const t of r.targets) await addFollow(trx, id, t, r.threshold, stamp, stamp);
    return { id, secret };
  });
}

/** An endpoint that keeps failing stops being called; its owner sees why (GET /api/follows/me). */
export async function disableFollower(db: Kysely<Database>, id: number, reason: string, now: Date): Promise<void> {
  await db
    .updateTable('followers')
    .set({ status: 'disabled', disabled_at: now.toISOString(), disabled_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** Its owner fixed the endpoint: alerts flow again (those given up on stay in the dead letters). */
export async function enableFollower(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable('followers')
    .set({ status: 'active', disabled_at: null, disabled_reason: null })
    .where('id', '=', id)
    .where('status', '=', 'disabled')
    .execute();
}
