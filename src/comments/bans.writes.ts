import net from 'node:net';
import type { Transaction } from 'kysely';
import { audit, type User } from '../accounts/accounts.queries.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { emailKey } from './comment.input.ts';

// Bans on an email address or an IP range, and the check every post passes through.

type Trx = Transaction<Database>;

export async function isBanned(trx: Trx, key: string, ip: string): Promise<boolean> {
  const bans = await trx.selectFrom('comment_bans').select(['kind', 'value']).where('lifted_at', 'is', null).execute();
  if (bans.some((b) => b.kind === 'email' && b.value === key)) return true;
  const ranges = bans.filter((b) => b.kind === 'ip');
  const list = new net.BlockList();
  for (const b of ranges) addRange(list, b.value);
  return covers(list, ip);
}

const covers = (list: net.BlockList, ip: string) => net.isIP(ip) !== 0 && list.check(ip, net.isIP(ip) === 6 ? 'ipv6' : 'ipv4');

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
    const caught = pending.filter((c) => ban.kind === 'email' || covers(list, c.ip));
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
