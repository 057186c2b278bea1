import { sql } from 'kysely';
import { audit, type User } from '../accounts/accounts.queries.ts';
import type { Db } from '../db/database.ts';
import type { CommentStatus } from '../db/schema.ts';
import { addressKey } from '../web/client.ts';
import { isBanned } from './bans.writes.ts';
import { bodyHash, type CommentInput, emailKey, nameKey } from './comment.input.ts';
import {
  MODERATION_ACTIONS,
  type ModerationAction,
  placeComment,
  RATE,
  REPORTS_TO_HOLD,
  rateVerdict,
  restrictedWord,
} from './comment.rules.ts';
import { type MailContext, onPublished, showOf, subscribe } from './notices.writes.ts';

// Every change to comments, each in one transaction: the comment, its mail and its audit entry land together or not at all.

export type WriteContext = MailContext;

export type PostOutcome =
  | { kind: 'stored'; id: number; status: CommentStatus; duplicate: boolean; mailQueued: boolean }
  /** The same text from the same address, sent from another browser: answered as a new post would be, so nobody learns who wrote what. */
  | { kind: 'ignored' }
  | { kind: 'refused'; status: 400 | 403 | 429; message: string; field?: string; retryAfterSeconds?: number };

const HOUR = 3_600_000;
const longestWindow = Math.max(...[...RATE.perIp, ...RATE.perEmail].map((r) => r.windowMs));
export const REPORTS_PER_HOUR = 10;

export interface NewComment extends CommentInput {
  showId: number;
  ip: string;
  honeypot: boolean;
  /** SHA-256 of the reader's form cookie. */
  formKey: string;
  /** The form token, spent by this post. */
  token: string;
}

export async function postComment(db: Db, input: NewComment, ctx: WriteContext): Promise<PostOutcome> {
  const key = emailKey(input.email);
  const ipKey = addressKey(input.ip);
  const hash = bodyHash(input.body);
  const now = ctx.now.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    if (db.engine === 'postgres') {
      // Serialise posts from one mailbox and one address, so rate limits and duplicate checks hold under load.
      await sql`select pg_advisory_xact_lock(1, hashtext(${key}))`.execute(trx);
      await sql`select pg_advisory_xact_lock(2, hashtext(${ipKey}))`.execute(trx);
    }
    if (await isBanned(trx, key, input.ip)) {
      return { kind: 'refused', status: 403, message: 'Comments from this address are not accepted.' } as const;
    }
    const same = await trx
      .selectFrom('comments')
      .select(['id', 'status', 'form_key'])
      .where('show_id', '=', input.showId)
      .where('email_key', '=', key)
      .where('body_hash', '=', hash)
      .executeTakeFirst();
    if (same && same.form_key === input.formKey)
      return { kind: 'stored', id: same.id, status: same.status, duplicate: true, mailQueued: false } as const;

    const since = new Date(ctx.now.getTime() - longestWindow).toISOString();
    const [byIp, byEmail] = await Promise.all([
      trx.selectFrom('comments').select('created_at').where('ip_key', '=', ipKey).where('created_at', '>', since).execute(),
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
      if (parent?.show_id !== input.showId || parent.status !== 'published') {
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

    const spent = await trx
      .insertInto('used_form_tokens')
      .values({ token: input.token.slice(input.token.indexOf('.') + 1), used_at: now }) // the signature: one per token, however written
      .onConflict((oc) => oc.column('token').doNothing())
      .executeTakeFirst();
    if (Number(spent.numInsertedOrUpdatedRows ?? 0) !== 1) {
      return {
        kind: 'refused',
        status: 403,
        message: 'This form has been sent already. Reload the page to write another comment; your text is kept below.',
      } as const;
    }

    // The same text from another browser: answered, after the same checks, as a new held post would be.
    if (same) return { kind: 'ignored' } as const;

    const approved = await trx
      .selectFrom('comment_authors')
      .select('email_key')
      .where('email_key', '=', key)
      .where('name_key', '=', nameKey(input.name))
      .executeTakeFirst();
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
        ip_key: ipKey,
        form_key: input.formKey,
        created_at: now,
        updated_at: now,
        published_at: place.status === 'published' ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    if (input.notify && place.status !== 'spam') await subscribe(trx, row.id, ctx.now);
    const mailQueued = place.status === 'published' ? await onPublished(trx, row.id, ctx) : false;
    return { kind: 'stored', id: row.id, status: place.status, duplicate: false, mailQueued } as const;
  });
}

export type ModerationResult = { found: false } | { found: true; mailQueued: boolean; refused?: string };

/** approve / hide / spam / delete / hold; approving also trusts that name and address from now on. */
export async function moderateComment(
  db: Db,
  id: number,
  action: ModerationAction,
  user: User,
  ctx: WriteContext,
): Promise<ModerationResult> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('comments')
      .select(['status', 'email_key', 'author_name', 'published_at', 'parent_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) return { found: false };
    const status = MODERATION_ACTIONS[action];
    if (status === 'published' && before.parent_id !== null) {
      const parent = await trx.selectFrom('comments').select('status').where('id', '=', before.parent_id).executeTakeFirstOrThrow();
      if (parent.status !== 'published')
        return {
          found: true,
          mailQueued: false,
          refused: `it answers comment #${before.parent_id}, which is ${parent.status}; publish that first, or delete this one`,
        };
    }
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
        .values({ email_key: before.email_key, name_key: nameKey(before.author_name), approved_at: now, approved_by: user.email })
        .onConflict((oc) => oc.columns(['email_key', 'name_key']).doNothing())
        .execute();
    }
    if (action !== 'hold')
      await trx
        .updateTable('comment_reports')
        .set({ resolved_at: now })
        .where('comment_id', '=', id)
        .where('resolved_at', 'is', null)
        .execute();
    const mailQueued = status === 'published' ? await onPublished(trx, id, ctx) : false;
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
): Promise<'missing' | 'limited' | { held: boolean; showSlug: string }> {
  const reporterKey = addressKey(reporter);
  return db.kysely.transaction().execute(async (trx) => {
    // One report at a time per comment, so the count that holds it is exact.
    if (db.engine === 'postgres') await sql`select pg_advisory_xact_lock(3, ${id})`.execute(trx);
    const comment = await trx.selectFrom('comments').select(['status']).where('id', '=', id).executeTakeFirst();
    if (comment?.status !== 'published') return 'missing';
    const recent = await trx
      .selectFrom('comment_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reporter', '=', reporterKey)
      .where('created_at', '>', new Date(now.getTime() - HOUR).toISOString())
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= REPORTS_PER_HOUR) return 'limited';
    const { slug: showSlug } = await showOf(trx, id);
    await trx
      .insertInto('comment_reports')
      .values({ comment_id: id, reason, reporter: reporterKey, created_at: now.toISOString() })
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
