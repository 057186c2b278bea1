import { randomBytes } from 'node:crypto';
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
