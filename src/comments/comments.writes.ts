import net from 'node:net';
import { sql, type Transaction } from 'kysely';
import { audit, type User } from '../accounts/accounts.queries.ts';
import type { Db } from '../db/database.ts';
import type { CommentStatus, Database } from '../db/schema.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { bodyHash, type CommentInput, emailKey } from './comment.input.ts';
import { confirmationMail, replyMail, subscriptionToken } from './comment.mails.ts';
import {
  MODERATION_ACTIONS,
  type ModerationAction,
  placeComment,
  RATE,
  REPORTS_TO_HOLD,
  rateVerdict,
  restrictedWord,
} from './comment.rules.ts';

// Every change to comments, each in one transaction: the comment, its notices and its audit entry land together or not at all.

type Trx = Transaction<Database>;

export interface WriteContext {
  now: Date;
  siteUrl: string;
  secret: string;
}

export type PostOutcome =
  | { kind: 'stored'; id: number; status: CommentStatus; duplicate: boolean; mailQueued: boolean }
  | { kind: 'refused'; status: 400 | 403 | 429; message: string; field?: string; retryAfterSeconds?: number };

const HOUR = 3_600_000;
const longestWindow = Math.max(...[...RATE.perIp, ...RATE.perEmail].map((r) => r.windowMs));

export async function postComment(
  db: Db,
  input: CommentInput & { showId: number; ip: string; honeypot: boolean },
  ctx: WriteContext,
): Promise<PostOutcome> {
  const key = emailKey(input.email);
  const hash = bodyHash(input.body);
  const now = ctx.now.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    if (db.engine === 'postgres') {
      // Serialise posts from one address and one IP, so rate limits and duplicate checks hold under load.
      await sql`select pg_advisory_xact_lock(1, hashtext(${key}))`.execute(trx);
      await sql`select pg_advisory_xact_lock(2, hashtext(${input.ip}))`.execute(trx);
    }
    if (await isBanned(trx, key, input.ip)) {
      return { kind: 'refused', status: 403, message: 'Comments from this address are not accepted.' } as const;
    }
    const same = await trx
      .selectFrom('comments')
      .select(['id', 'status'])
      .where('show_id', '=', input.showId)
      .where('email_key', '=', key)
      .where('body_hash', '=', hash)
      .executeTakeFirst();
    if (same) return { kind: 'stored', id: same.id, status: same.status, duplicate: true, mailQueued: false } as const;

    const since = new Date(ctx.now.getTime() - longestWindow).toISOString();
    const [byIp, byEmail] = await Promise.all([
      trx.selectFrom('comments').select('created_at').where('ip', '=', input.ip).where('created_at', '>', since).execute(),
      trx.selectFrom('comments').select('created_at').where('email_key', '=', key).where('created_at', '>', since).execute(),
    ]);
    const times = (rows: { created_at: string }[]) => rows.map((r) => Date.parse(r.created_at));
    const rate = rateVerdict(times(byIp), times(byEmail), ctx.now.getTime());
    if (!rate.allowed) {
      const wait = rate.retryAfterSeconds < 120 ? `${rate.retryAfterSeconds} seconds` : `${Math.ceil(rate.retryAfterSeconds / 60)} minutes`;
      return {
        kind: 'refused',
        status: 429,
        retryAfterSeconds: rate.retryAfterSeconds,
        message: `Too many comments from this ${rate.by === 'email' ? 'email address' : 'network address'} in a short time. Please wait ${wait} and send it again; your text is kept below.`,
      } as const;
    }

    let season = input.season ?? null;
    let rootId: number | null = null;
    if (input.parent !== undefined) {
      const parent = await trx
        .selectFrom('comments')
        .select(['id', 'root_id', 'season_number', 'show_id', 'status'])
        .where('id', '=', input.parent)
        .executeTakeFirst();
      if (!parent || parent.show_id !== input.showId || parent.status !== 'published') {
        return {
          kind: 'refused',
          status: 400,
          field: 'parent',
          message: 'The comment you are replying to is not open for replies.',
        } as const;
      }
      rootId = parent.root_id ?? parent.id;
      season = parent.season_number;
    }

    const approved = await trx.selectFrom('comment_authors').select('email_key').where('email_key', '=', key).executeTakeFirst();
    const place = placeComment({
      honeypot: input.honeypot,
      approvedAuthor: approved !== undefined,
      restricted: restrictedWord(`${input.name} ${input.body} ${input.website ?? ''}`),
    });
    const row = await trx
      .insertInto('comments')
      .values({
        show_id: input.showId,
        season_number: season,
        parent_id: input.parent ?? null,
        root_id: rootId,
        author_name: input.name,
        author_email: input.email,
        email_key: key,
        author_url: input.website ?? null,
        body: input.body,
        body_hash: hash,
        spoiler: input.spoiler ? 1 : 0,
        status: place.status,
        status_reason: place.reason,
        ip: input.ip,
        created_at: now,
        updated_at: now,
        published_at: place.status === 'published' ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    let mailQueued = false;
    if (input.notify && place.status !== 'spam') mailQueued = await subscribe(trx, row.id, input.email, key, ctx);
    if (place.status === 'published') mailQueued = (await queueReplyNotices(trx, row.id, ctx)) || mailQueued;
    return { kind: 'stored', id: row.id, status: place.status, duplicate: false, mailQueued } as const;
  });
}

async function isBanned(trx: Trx, key: string, ip: string): Promise<boolean> {
  const bans = await trx.selectFrom('comment_bans').select(['kind', 'value']).where('lifted_at', 'is', null).execute();
  if (bans.some((b) => b.kind === 'email' && b.value === key)) return true;
  const ranges = bans.filter((b) => b.kind === 'ip');
  if (ranges.length === 0 || net.isIP(ip) === 0) return false;
  const list = new net.BlockList();
  for (const b of ranges) addRange(list, b.value);
  return list.check(ip, net.isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

/** "203.0.113.7", "203.0.113.0/24" or "2001:db8::/32", checked; null if it is none of these. */
export function parseRange(value: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText] = value.trim().split('/');
  const version = net.isIP(address);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? String(max)) || prefix < (version === 4 ? 8 : 16) || prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function addRange(list: net.BlockList, value: string) {
  const range = parseRange(value);
  if (range) list.addSubnet(range.address, range.prefix, range.family);
}

/** Opt-in to reply mail: one confirmation per address a day at most, so the form cannot be used to flood an inbox. */
async function subscribe(trx: Trx, commentId: number, email: string, key: string, ctx: WriteContext): Promise<boolean> {
  const sub = await trx
    .insertInto('comment_subscriptions')
    .values({ comment_id: commentId, status: 'unconfirmed', created_at: ctx.now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const since = new Date(ctx.now.getTime() - 24 * HOUR).toISOString();
  const recent = await trx
    .selectFrom('mail_outbox')
    .select('id')
    .where('kind', '=', 'comment-confirm')
    .where('to_address', '=', email)
    .where('created_at', '>', since)
    .executeTakeFirst();
  const alreadyConfirmed = await trx
    .selectFrom('comment_subscriptions as s')
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .select('s.id')
    .where('c.email_key', '=', key)
    .where('s.status', '=', 'confirmed')
    .executeTakeFirst();
  if (alreadyConfirmed) {
    // The address has proved itself before: no need to ask again.
    await trx
      .updateTable('comment_subscriptions')
      .set({ status: 'confirmed', confirmed_at: ctx.now.toISOString() })
      .where('id', '=', sub.id)
      .execute();
    return false;
  }
  if (recent) return false;
  const show = await showOf(trx, commentId);
  await enqueueMail(
    trx,
    confirmationMail({ siteUrl: ctx.siteUrl, to: email, token: subscriptionToken(ctx.secret, sub.id), showTitle: show.title }),
    ctx.now,
  );
  return true;
}

async function showOf(trx: Trx, commentId: number) {
  return trx
    .selectFrom('comments as c')
    .innerJoin('shows as s', 's.id', 'c.show_id')
    .select(['s.title', 's.slug'])
    .where('c.id', '=', commentId)
    .executeTakeFirstOrThrow();
}

/** Mails the confirmed subscribers of the comment this one answers, once, when it is published. */
async function queueReplyNotices(trx: Trx, commentId: number, ctx: WriteContext): Promise<boolean> {
  const reply = await trx
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'email_key', 'body', 'notified_at'])
    .where('id', '=', commentId)
    .executeTakeFirstOrThrow();
  if (reply.parent_id === null || reply.notified_at !== null) return false;
  const subscribers = await trx
    .selectFrom('comment_subscriptions as s')
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .select(['s.id', 'c.author_email', 'c.email_key'])
    .where('s.comment_id', '=', reply.parent_id)
    .where('s.status', '=', 'confirmed')
    .execute();
  const show = await showOf(trx, commentId);
  let queued = false;
  for (const s of subscribers) {
    if (s.email_key === reply.email_key) continue; // nobody needs mail about their own reply
    await enqueueMail(
      trx,
      replyMail({
        siteUrl: ctx.siteUrl,
        to: s.author_email,
        token: subscriptionToken(ctx.secret, s.id),
        showTitle: show.title,
        replier: reply.author_name,
        replyText: reply.body,
        replyUrl: `${ctx.siteUrl}/shows/${show.slug}#comment-${reply.id}`,
      }),
      ctx.now,
    );
    queued = true;
  }
  await trx
    .updateTable('comments')
    .set({ notified_at: ctx.now.toISOString(), updated_at: ctx.now.toISOString() })
    .where('id', '=', commentId)
    .execute();
  return queued;
}

export type MailEffect = { found: false } | { found: true; mailQueued: boolean };

/** approve / hide / spam / delete / hold; approving also trusts the address from now on. */
export async function moderateComment(db: Db, id: number, action: ModerationAction, user: User, ctx: WriteContext): Promise<MailEffect> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('comments').select(['status', 'email_key', 'published_at']).where('id', '=', id).executeTakeFirst();
    if (!before) return { found: false };
    const status = MODERATION_ACTIONS[action];
    const now = ctx.now.toISOString();
    await trx
      .updateTable('comments')
      .set({
        status,
        status_reason: null,
        updated_at: now,
        moderated_by: user.email,
        moderated_at: now,
        published_at: status === 'published' ? (before.published_at ?? now) : before.published_at,
      })
      .where('id', '=', id)
      .execute();
    if (action === 'approve') {
      await trx
        .insertInto('comment_authors')
        .values({ email_key: before.email_key, approved_at: now, approved_by: user.email })
        .onConflict((oc) => oc.column('email_key').doNothing())
        .execute();
    }
    if (action !== 'hold')
      await trx
        .updateTable('comment_reports')
        .set({ resolved_at: now })
        .where('comment_id', '=', id)
        .where('resolved_at', 'is', null)
        .execute();
    const mailQueued = status === 'published' ? await queueReplyNotices(trx, id, ctx) : false;
    await audit(
      trx,
      { user, action: `comment.${action}`, entity: 'comment', entityId: id, before: { status: before.status }, after: { status } },
      ctx.now,
    );
    return { found: true, mailQueued };
  });
}

/** A moderator's correction; the page marks the comment as edited. */
export async function editComment(db: Db, id: number, body: string, user: User, now: Date): Promise<boolean> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('comments').select(['body']).where('id', '=', id).executeTakeFirst();
    if (!before) return false;
    await trx
      .updateTable('comments')
      .set({ body, edited_at: now.toISOString(), updated_at: now.toISOString(), moderated_by: user.email, moderated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(
      trx,
      { user, action: 'comment.edit', entity: 'comment', entityId: id, before: { body: before.body }, after: { body } },
      now,
    );
    return true;
  });
}

/** A reader's report; enough readers and a published comment goes back to the queue. Reporting twice counts once. */
export async function reportComment(
  db: Db,
  id: number,
  reason: string,
  reporter: string,
  now: Date,
): Promise<'missing' | { held: boolean; showSlug: string }> {
  return db.kysely.transaction().execute(async (trx) => {
    const comment = await trx.selectFrom('comments').select(['status']).where('id', '=', id).executeTakeFirst();
    if (comment?.status !== 'published') return 'missing';
    const { slug: showSlug } = await showOf(trx, id);
    await trx
      .insertInto('comment_reports')
      .values({ comment_id: id, reason, reporter, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['comment_id', 'reporter']).doNothing())
      .execute();
    const open = await trx
      .selectFrom('comment_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('comment_id', '=', id)
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(open.n) < REPORTS_TO_HOLD) return { held: false, showSlug };
    await trx
      .updateTable('comments')
      .set({ status: 'pending', status_reason: `reported by ${open.n} readers`, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(
      trx,
      {
        user: null,
        actor: 'readers',
        action: 'comment.hold',
        entity: 'comment',
        entityId: id,
        before: { status: 'published' },
        after: { status: 'pending' },
      },
      now,
    );
    return { held: true, showSlug };
  });
}

/** Bans an address or IP range; its comments still waiting in the queue become spam. */
export async function addBan(
  db: Db,
  ban: { kind: 'email' | 'ip'; value: string; reason: string | null },
  user: User,
  now: Date,
): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const value = ban.kind === 'email' ? emailKey(ban.value) : ban.value.trim();
    const row = await trx
      .insertInto('comment_bans')
      .values({ kind: ban.kind, value, reason: ban.reason, created_by: user.email, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pending = await trx
      .selectFrom('comments')
      .select(['id', 'ip'])
      .where('status', '=', 'pending')
      .$if(ban.kind === 'email', (q) => q.where('email_key', '=', value))
      .execute();
    const list = new net.BlockList();
    if (ban.kind === 'ip') addRange(list, value);
    const caught = pending.filter(
      (c) => ban.kind === 'email' || (net.isIP(c.ip) !== 0 && list.check(c.ip, net.isIP(c.ip) === 6 ? 'ipv6' : 'ipv4')),
    );
    if (caught.length > 0)
      await trx
        .updateTable('comments')
        .set({
          status: 'spam',
          status_reason: `banned ${ban.kind}`,
          updated_at: now.toISOString(),
          moderated_by: user.email,
          moderated_at: now.toISOString(),
        })
        .where(
          'id',
          'in',
          caught.map((c) => c.id),
        )
        .execute();
    await audit(
      trx,
      {
        user,
        action: 'comment.ban',
        entity: 'comment_ban',
        entityId: row.id,
        after: { kind: ban.kind, reason: ban.reason, comments_marked_spam: caught.length },
      },
      now,
    );
    return row.id;
  });
}

export async function liftBan(db: Db, id: number, user: User, now: Date): Promise<boolean> {
  return db.kysely.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('comment_bans')
      .set({ lifted_at: now.toISOString() })
      .where('id', '=', id)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await audit(trx, { user, action: 'comment.unban', entity: 'comment_ban', entityId: id }, now);
    return true;
  });
}

export async function setSubscription(
  db: Db,
  id: number,
  status: 'confirmed' | 'unsubscribed',
  now: Date,
): Promise<{ showSlug: string } | null> {
  return db.kysely.transaction().execute(async (trx) => {
    const sub = await trx.selectFrom('comment_subscriptions').select(['comment_id', 'status']).where('id', '=', id).executeTakeFirst();
    if (!sub) return null;
    // An unsubscribed reader stays unsubscribed even if an old confirmation link is followed.
    if (!(status === 'confirmed' && sub.status === 'unsubscribed')) {
      await trx
        .updateTable('comment_subscriptions')
        .set(status === 'confirmed' ? { status, confirmed_at: now.toISOString() } : { status, unsubscribed_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    }
    const show = await showOf(trx, sub.comment_id);
    return { showSlug: show.slug };
  });
}
