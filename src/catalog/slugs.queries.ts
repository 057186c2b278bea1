import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// Where an old link leads: the current slug of the show or person that once had a slug, or null.

export async function movedShowSlug(db: Kysely<Database>, slug: string): Promise<string | null> {
  const row = await db
    .selectFrom('show_slug_history as h')
    .innerJoin('shows as s', 's.id', 'h.show_id')
    .select('s.slug')
    .where('h.slug', '=', slug)
    .executeTakeFirst();
  return row?.slug ?? null;
}

export async function movedPersonSlug(db: Kysely<Database>, slug: string): Promise<string | null> {
  const row = await db
    .selectFrom('person_slug_history as h')
    .innerJoin('people as p', 'p.id', 'h.person_id')
    .select('p.slug')
    .where('h.slug', '=', slug)
    .executeTakeFirst();
  return row?.slug ?? null;
}

/** Every slug a show had before its current one, oldest first. */
export async function pastShowSlugs(db: Kysely<Database>, showId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('show_slug_history')
    .select('slug')
    .where('show_id', '=', showId)
    .orderBy('retired_at')
    .orderBy('slug')
    .execute();
  return rows.map((r) => r.slug);
}
