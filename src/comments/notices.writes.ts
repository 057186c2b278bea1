import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { confirmationMail, replyMail, subscriptionToken } from './comment.mails.ts';

// Reply mail: who asked for it, confirmed by a mailed link, and the mails a published comment sets off.

type Trx = Transaction<Database>;

export interface MailContext {
  now: Date;
  siteUrl: string;
  secret: string;
}

const DAY = 86_400_000;

export async function showOf(trx: Trx, commentId: number) {
  return trx
    .selectFrom('comments as c')
    .innerJoin('shows as s', 's.id', 'c.show_id')
    .select(['s.title', 's.slug'])
    .where('c.id', '=', commentId)
    .executeTakeFirstOrThrow();
}

/** A reader asked for reply mail; nothing is sent until the comment is published. */
export async function subscribe(trx: Trx, commentId: number, now: Date): Promise<void> {
  await trx
    .insertInto('comment_subscriptions')
    .values({ comment_id: commentId, status: 'unconfirmed', created_at: now.toISOString() })
    .execute();
}

/**
 * What a newly published comment sets off, once: the confirmation its author asked for (so a moderator
 * stands between the form and anyone's inbox) and mail to those who asked to hear of replies to its parent.
 */
export async function onPublished(trx: Trx, commentId: number, ctx: MailContext): Promise<boolean> {
  const comment = await trx
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_email', 'email_key', 'body', 'notified_at'])
    .where('id', '=', commentId)
    .executeTakeFirstOrThrow();
  if (comment.notified_at !== null) return false;
  const show = await showOf(trx, commentId);
  let queued = false;

  const pending = await trx
    .selectFrom('comment_subscriptions')
    .select('id')
    .where('comment_id', '=', commentId)
    .where('status', '=', 'unconfirmed')
    .where('confirmation_sent_at', 'is', null)
    .executeTakeFirst();
  // At most one unanswered confirmation a day per mailbox, however the address is spelt.
  const recent = await trx
    .selectFrom('comment_subscriptions as s')
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .select('s.id')
    .where('c.email_key', '=', comment.email_key)
    .where('s.status', '=', 'unconfirmed') // only while an earlier request is still unanswered
    .where('s.confirmation_sent_at', '>', new Date(ctx.now.getTime() - DAY).toISOString())
    .executeTakeFirst();
  if (pending && !recent) {
    const mail = confirmationMail({
      siteUrl: ctx.siteUrl,
      to: comment.author_email,
      token: subscriptionToken(ctx.secret, pending.id),
      showTitle: show.title,
    });
    await enqueueMail(trx, mail, ctx.now);
    await trx
      .updateTable('comment_subscriptions')
      .set({ confirmation_sent_at: ctx.now.toISOString() })
      .where('id', '=', pending.id)
      .execute();
    queued = true;
  }

  if (comment.parent_id !== null) {
    const subscribers = await trx
      .selectFrom('comment_subscriptions as s')
      .innerJoin('comments as c', 'c.id', 's.comment_id')
      .select(['s.id', 'c.author_email', 'c.email_key'])
      .where('s.comment_id', '=', comment.parent_id)
      .where('c.status', '=', 'published')
      .where('s.status', '=', 'confirmed')
      .execute();
    for (const s of subscribers) {
      if (s.email_key === comment.email_key) continue; // nobody needs mail about their own reply
      const mail = replyMail({
        siteUrl: ctx.siteUrl,
        to: s.author_email,
        token: subscriptionToken(ctx.secret, s.id),
        showTitle: show.title,
        replier: comment.author_name,
        replyText: comment.body,
        replyUrl: `${ctx.siteUrl}/shows/${show.slug}#comment-${comment.id}`,
      });
      await enqueueMail(trx, mail, ctx.now);
      queued = true;
    }
  }
  await trx
    .updateTable('comments')
    .set({ notified_at: ctx.now.toISOString(), updated_at: ctx.now.toISOString() })
    .where('id', '=', commentId)
    .execute();
  return queued;
}

/**
 * Confirming proves the mailbox is the reader's, so it confirms every sign-up from that mailbox still
 * waiting; unsubscribing stops that one comment's mail. An unsubscribed sign-up stays so.
 */
export async function setSubscription(
  db: Db,
  id: number,
  status: 'confirmed' | 'unsubscribed',
  now: Date,
): Promise<{ showSlug: string } | null> {
  return db.kysely.transaction().execute(async (trx) => {
    const sub = await trx.selectFrom('comment_subscriptions').select(['comment_id', 'status']).where('id', '=', id).executeTakeFirst();
    if (!sub) return null;
    if (status === 'unsubscribed') {
      await trx.updateTable('comment_subscriptions').set({ status, unsubscribed_at: now.toISOString() }).where('id', '=', id).execute();
    } else if (sub.status !== 'unsubscribed') {
      const { email_key } = await trx.selectFrom('comments').select('email_key').where('id', '=', sub.comment_id).executeTakeFirstOrThrow();
      const mine = trx.selectFrom('comments').select('id').where('email_key', '=', email_key);
      await trx
        .updateTable('comment_subscriptions')
        .set({ status: 'confirmed', confirmed_at: now.toISOString() })
        .where((eb) => eb.or([eb('id', '=', id), eb.and([eb('status', '=', 'unconfirmed'), eb('comment_id', 'in', mine)])]))
        .execute();
    }
    const show = await showOf(trx, sub.comment_id);
    return { showSlug: show.slug };
  });
}
