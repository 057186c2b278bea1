import { audit } from '../accounts/accounts.queries.ts';
import type { Db } from '../db/database.ts';
import { MAX_ATTEMPTS } from '../mail/outbox.ts';

// Keep readers' personal data only as long as it serves a purpose: rate limits look back an hour and
// bans act on new posts, so an old comment's IP address is of no further use; neither are mails already
// sent (or given up on), confirmations never followed, reports, or comments filed as spam or deleted.

export interface PurgeResult {
  addressesForgotten: number;
  commentsRemoved: number;
  mailsRemoved: number;
  subscriptionsRemoved: number;
  reportsRemoved: number;
}

export async function purgeOldPersonalData(db: Db, days: number, now: Date): Promise<PurgeResult> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const removable = (
      await trx.selectFrom('comments').select('id').where('status', 'in', ['spam', 'deleted']).where('updated_at', '<', before).execute()
    ).map((r) => r.id);
    // A removed comment that others answered stays (as a placeholder), so only unanswered ones go.
    const answered = new Set(
      removable.length
        ? (await trx.selectFrom('comments').select('parent_id').where('parent_id', 'in', removable).execute()).map((r) => r.parent_id)
        : [],
    );
    const doomed = removable.filter((id) => !answered.has(id));
    if (doomed.length) await trx.deleteFrom('comments').where('id', 'in', doomed).execute();
    const forgotten = await trx
      .updateTable('comments')
      .set({ ip: 'forgotten', ip_key: 'forgotten', form_key: 'forgotten' })
      .where('created_at', '<', before)
      .where('ip', '!=', 'forgotten')
      .executeTakeFirst();
    // Sent mail, and mail that gave up after its last try.
    const mails = await trx
      .deleteFrom('mail_outbox')
      .where((eb) =>
        eb.or([
          eb('sent_at', '<', before),
          eb.and([eb('sent_at', 'is', null), eb('attempts', '>=', MAX_ATTEMPTS), eb('created_at', '<', before)]),
        ]),
      )
      .executeTakeFirst();
    // Reports name their sender's address; spent form tokens matter only while a form could still be sent.
    const reports = await trx.deleteFrom('comment_reports').where('created_at', '<', before).executeTakeFirst();
    await trx
      .deleteFrom('used_form_tokens')
      .where('used_at', '<', new Date(now.getTime() - 3 * 86_400_000).toISOString())
      .execute();
    const subscriptions = await trx
      .deleteFrom('comment_subscriptions')
      .where('status', '=', 'unconfirmed')
      .where('created_at', '<', before)
      .executeTakeFirst();
    const result = {
      addressesForgotten: Number(forgotten.numUpdatedRows),
      commentsRemoved: doomed.length,
      mailsRemoved: Number(mails.numDeletedRows),
      subscriptionsRemoved: Number(subscriptions.numDeletedRows),
      reportsRemoved: Number(reports.numDeletedRows),
    };
    await audit(
      trx,
      { user: null, actor: 'cli', action: 'comments.purge', entity: 'comment', entityId: null, after: { days, ...result } },
      now,
    );
    return result;
  });
}
