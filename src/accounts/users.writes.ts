import { type Kysely, sql } from 'kysely';
import type { Db, Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { audit, type User } from './accounts.queries.ts';
import { hashPassword } from './passwords.ts';
import type { NewUser } from './user.input.ts';
import { type AccountChange, changesNothing, refuseAccountChange } from './users.rules.ts';

// An admin's changes to accounts: each in one transaction with its audit entry. Changes that could take
// away the last admin wait for one another, so two admins demoting each other cannot both succeed.

// Advisory lock class (PostgreSQL) for changes to accounts; 20 and 21 are the login throttle's.
const LOCK_ACCOUNTS = 22;

async function lockAccounts(trx: Kysely<Database>, engine: Engine, id: number) {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${LOCK_ACCOUNTS}, 0)`.execute(trx);
  // SQLite: a write first takes the database's write lock before anything is counted.
  else await trx.updateTable('users').set({ role: sql`role` }).where('id', '=', id).execute();
}

export type AddUserResult = { ok: true; user: User } | { ok: false; errors: Record<string, string> };

/** Adds an account with the role and password given, as `nextseason user add` does. */
export async function addUser(db: Db, input: NewUser, by: User, now: Date): Promise<AddUserResult> {
  const passwordHash = await hashPassword(input.password); // slow on purpose: outside the transaction
  return db.kysely.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('users')
      .values({ email: input.email, name: input.name, role: input.role, password_hash: passwordHash, created_at: now.toISOString() })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning(['id', 'email', 'name', 'role'])
      .executeTakeFirst();
    if (!created) return { ok: false, errors: { email: `an account for ${input.email} exists already` } };
    await audit(
      trx,
      { user: by, action: 'user.add', entity: 'user', entityId: created.id, after: { email: created.email, role: created.role } },
      now,
    );
    return { ok: true, user: created };
  });
}

export type ChangeUserResult =
  | { ok: true; email: string; changed: boolean }
  | { ok: false; status: 404; message: string }
  | { ok: false; status: 400; message: string };

/** Changes an account's role, or disables it (ending its sessions), or enables it again. */
export async function changeUser(db: Db, id: number, change: AccountChange, by: User, now: Date): Promise<ChangeUserResult> {
  const stamp = now.toISOString();
  return db.kysely.transaction().execute(async (trx): Promise<ChangeUserResult> => {
    await lockAccounts(trx, db.engine, id);
    const row = await trx.selectFrom('users').select(['id', 'email', 'role', 'disabled_at']).where('id', '=', id).executeTakeFirst();
    if (!row) return { ok: false, status: 404, message: 'No such account' };
    const target = { id: row.id, email: row.email, role: row.role, disabled: row.disabled_at !== null };
    if (changesNothing(target, change)) return { ok: true, email: row.email, changed: false };
    const others = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .where('id', '!=', id)
      .executeTakeFirstOrThrow();
    const refused = refuseAccountChange({ actorId: by.id, target, change, otherActiveAdmins: Number(others.n) });
    if (refused) return { ok: false, status: 400, message: refused };

    const entry = { user: by, entity: 'user', entityId: id };
    if (change.kind === 'role') {
      await trx.updateTable('users').set({ role: change.role }).where('id', '=', id).execute();
      await audit(trx, { ...entry, action: 'user.role', before: { role: row.role }, after: { role: change.role } }, now);
    } else if (change.kind === 'disable') {
      await trx.updateTable('users').set({ disabled_at: stamp }).where('id', '=', id).execute();
      // Its sessions end now (their rows stay, expired, as the record of when it signed in).
      const ended = await trx
        .updateTable('sessions')
        .set({ expires_at: stamp })
        .where('user_id', '=', id)
        .where('expires_at', '>', stamp)
        .executeTakeFirst();
      await audit(
        trx,
        {
          ...entry,
          action: 'user.disable',
          before: { disabled: false },
          after: { disabled: true, sessions_ended: Number(ended.numUpdatedRows) },
        },
        now,
      );
    } else {
      await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', id).execute();
      await audit(trx, { ...entry, action: 'user.enable', before: { disabled: true }, after: { disabled: false } }, now);
    }
    return { ok: true, email: row.email, changed: true };
  });
}
