import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, Role } from '../db/schema.ts';
import { loginAllowed, THROTTLE, type ThrottleVerdict } from './throttle.rules.ts';

// Users, sessions, login failures and the audit log.

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export const SESSION_DAYS = 14;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function createUser(
  db: Kysely<Database>,
  u: { email: string; name: string; role: Role; passwordHash: string },
  now: Date,
): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({ email: u.email.toLowerCase(), name: u.name, role: u.role, password_hash: u.passwordHash, created_at: now.toISOString() })
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function findLogin(db: Kysely<Database>, email: string) {
  return (
    (await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .where('disabled_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

export async function createSession(
  db: Kysely<Database>,
  userId: number,
  ip: string | null,
  now: Date,
): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrf,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
      ip,
    })
    .execute();
  return { token, csrf };
}

export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<{ user: User; csrf: string } | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 's.csrf_token', 's.expires_at'])
    .where('s.token_hash', '=', sha256(token))
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, csrf: row.csrf_token };
}

/** Ends a session (logging out): its row stays, expired, as the record of when its user signed in. */
export async function endSession(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  const stamp = now.toISOString();
  await db
    .updateTable('sessions')
    .set({ expires_at: stamp })
    .where('token_hash', '=', sha256(token))
    .where('expires_at', '>', stamp)
    .execute();
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// Advisory lock classes (PostgreSQL) for login attempts by account and by address.
const LOCK_LOGIN_ACCOUNT = 20;
const LOCK_LOGIN_ADDRESS = 21;

/**
 * Decides whether a login attempt may check its password and, if so, records it as a failure first,
 * in one transaction with the count: concurrent attempts see each other, so no more than the limit
 * are ever checked. A successful login then takes its row back (`forgetLoginAttempt`).
 */
export async function admitLoginAttempt(
  db: Db,
  email: string,
  ip: string,
  now: Date,
): Promise<(ThrottleVerdict & { allowed: false }) | { allowed: true; attemptId: number }> {
  const account = email.toLowerCase();
  const since = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    if (db.engine === 'postgres') {
      // Always account first, then address: one order, so two attempts never wait on each other in a circle.
      await sql`select pg_advisory_xact_lock(${LOCK_LOGIN_ACCOUNT}, hashtext(${account}))`.execute(trx);
      await sql`select pg_advisory_xact_lock(${LOCK_LOGIN_ADDRESS}, hashtext(${ip}))`.execute(trx);
    }
    // On SQLite the insert comes first so the transaction holds the write lock before it counts (BEGIN IMMEDIATE).
    const { id } = await trx
      .insertInto('login_failures')
      .values({ email: account, ip, at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const times = (rows: Array<{ at: string }>) => rows.map((r) => Date.parse(r.at));
    const earlier = (column: 'email' | 'ip', value: string) =>
      trx
        .selectFrom('login_failures')
        .select('at')
        .where(column, '=', value)
        .where('at', '>', since)
        .where('id', '!=', id)
        .orderBy('at')
        .execute();
    const byEmail = await earlier('email', account);
    const byIp = await earlier('ip', ip);
    const verdict = loginAllowed({ accountFailures: times(byEmail), ipFailures: times(byIp), now: now.getTime() });
    if (verdict.allowed) return { allowed: true, attemptId: id };
    // A refused attempt checks no password, so it is not a failure.
    await trx.deleteFrom('login_failures').where('id', '=', id).execute();
    return { allowed: false, retryAfterSeconds: verdict.retryAfterSeconds };
  });
}

/** The attempt succeeded: it no longer counts as a failure. */
export async function forgetLoginAttempt(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', attemptId).execute();
}

export async function audit(
  db: Kysely<Database>,
  entry: { user: User | null; actor?: string; action: string; entity: string; entityId: number | null; before?: unknown; after?: unknown },
  now: Date,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: entry.user?.id ?? null,
      actor: entry.user ? entry.user.email : (entry.actor ?? 'cli'),
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      at: now.toISOString(),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, limit = 100) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Every account for the admins' list, with when it last signed in (its latest session, ended or not). */
export async function listUsers(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.created_at',
      'u.disabled_at',
      (eb) =>
        eb
          .selectFrom('sessions as s')
          .select((e) => e.fn.max('s.created_at').as('at'))
          .whereRef('s.user_id', '=', 'u.id')
          .as('last_login'),
    ])
    .orderBy('u.email')
    .execute();
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];
