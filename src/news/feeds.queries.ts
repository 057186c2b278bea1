import type { Kysely } from 'kysely';
import type { Database, FeedsTable } from '../db/schema.ts';

// The news feeds the intake reads.

export async function listFeeds(db: Kysely<Database>) {
  return db.selectFrom('feeds').select(['id', 'url', 'name', 'tier', 'last_fetched_at', 'last_result']).orderBy('name').execute();
}

export async function feedListed(db: Kysely<Database>, url: string): Promise<boolean> {
  return Boolean(await db.selectFrom('feeds').select('id').where('url', '=', url).executeTakeFirst());
}

export async function addFeed(db: Kysely<Database>, feed: Pick<FeedsTable, 'url' | 'name' | 'tier'>, now: Date): Promise<void> {
  await db
    .insertInto('feeds')
    .values({ ...feed, created_at: now.toISOString() })
    .execute();
}
