import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A random secret made on first use and kept in the database, so every app process signs alike. */
export async function siteSecret(db: Kysely<Database>, name: string): Promise<string> {
  // Read first: the keys pages use exist from migration 011 on, and a GET should not even try to write.
  const known = await db.selectFrom('site_secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (known) return known.value;
  await db
    .insertInto('site_secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('site_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

/** A row id signed for one purpose ("ID.SIGNATURE"), so a link needs no stored secret per reader. */
export function signId(secret: string, purpose: string, id: number): string {
  return `${id}.${createHmac('sha256', secret).update(`${purpose}.${id}`).digest('base64url')}`;
}

/** The id a signed token carries, or null when the token is not one we signed for this purpose. */
export function signedId(secret: string, purpose: string, token: string): number | null {
  const id = Number(token.split('.')[0]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const expected = Buffer.from(signId(secret, purpose, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
