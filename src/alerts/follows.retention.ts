import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// Followers' data is kept only while it is used: an address never confirmed goes after a week, the record of
// confirmation requests after two days; delivered and abandoned alerts, stopped endpoints and bounced addresses,
// and the network each follow was asked from, after the retention period.

const DAY_MS = 86_400_000;
export const UNCONFIRMED_DAYS = 7;

export async function purgeFollowerData(db: Kysely<Database>, retentionDays: number, now: Date) {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const stale = trx
      .selectFrom('followers')
      .select('id')
      .where('status', '=', 'unconfirmed')
      .where('created_at', '<', before(UNCONFIRMED_DAYS));
    await trx.deleteFrom('alert_outbox').where('follower_id', 'in', stale).execute();
    await trx.deleteFrom('follows').where('follower_id', 'in', stale).execute();
    const unconfirmed = await trx
      .deleteFrom('followers')
      .where('status', '=', 'unconfirmed')
      .where('created_at', '<', before(UNCONFIRMED_DAYS))
      .executeTakeFirst();
    // Unconfirmed follows of a confirmed address (asked for, never answered) go the same way.
    await trx.deleteFrom('follows').where('confirmed_at', 'is', null).where('created_at', '<', before(UNCONFIRMED_DAYS)).execute();
    // An endpoint stopped long ago (its URL and secret) and a bounced address go with everything they had.
    const stopped = trx
      .selectFrom('followers')
      .select('id')
      .where('status', '=', 'disabled')
      .where('disabled_at', '<', before(retentionDays));
    await trx.deleteFrom('alert_outbox').where('follower_id', 'in', stopped).execute();
    await trx.deleteFrom('follows').where('follower_id', 'in', stopped).execute();
    const disabled = await trx
      .deleteFrom('followers')
      .where('status', '=', 'disabled')
      .where('disabled_at', '<', before(retentionDays))
      .executeTakeFirst();
    // The network a follow was asked from counts for the daily limits only: it is forgotten like a comment's address.
    await trx
      .updateTable('followers')
      .set({ ip_key: '' })
      .where('created_at', '<', before(retentionDays))
      .where('ip_key', '!=', '')
      .execute();
    const requests = await trx.deleteFrom('follow_requests').where('created_at', '<', before(2)).executeTakeFirst();
    const alerts = await trx
      .deleteFrom('alert_outbox')
      .where((eb) => eb.or([eb('sent_at', '<', before(retentionDays)), eb('dead_at', '<', before(retentionDays))]))
      .executeTakeFirst();
    return {
      unconfirmedFollowers: Number(unconfirmed.numDeletedRows),
      disabledFollowers: Number(disabled.numDeletedRows),
      followRequests: Number(requests.numDeletedRows),
      alerts: Number(alerts.numDeletedRows),
    };
  });
}
