import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// A person's credits across the catalogue, for their page and the sitemap.

export interface PersonCredit {
  role: string;
  character: string | null;
  show: { slug: string; title: string; premiered: string | null; status: string };
}

export interface PersonView {
  slug: string;
  name: string;
  imdbId: string | null;
  tvmazeId: number | null;
  credits: PersonCredit[];
}

/** A person with every credit, newest show first; null for an unknown slug. */
export async function getPerson(db: Kysely<Database>, slug: string): Promise<PersonView | null> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'slug', 'name', 'imdb_id', 'tvmaze_id'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!person) return null;
  const credits = await db
    .selectFrom('credits as c')
    .innerJoin('shows as s', 's.id', 'c.show_id')
    .select(['c.role', 'c.character', 's.slug', 's.title', 's.premiered', 's.derived_status'])
    .where('c.person_id', '=', person.id)
    .orderBy('s.title')
    .orderBy('c.billing_order')
    .execute();
  // Newest first, undated last: the same order on both engines (they sort NULL differently).
  credits.sort((a, b) => (b.premiered ?? '').localeCompare(a.premiered ?? ''));
  return {
    slug: person.slug,
    name: person.name,
    imdbId: person.imdb_id,
    tvmazeId: person.tvmaze_id,
    credits: credits.map((c) => ({
      role: c.role,
      character: c.character,
      show: { slug: c.slug, title: c.title, premiered: c.premiered, status: c.derived_status },
    })),
  };
}

/** People with a page: those credited on at least one show. */
const credited = (db: Kysely<Database>) =>
  db.selectFrom('people as p').where((eb) => eb.exists(eb.selectFrom('credits as c').select('c.id').whereRef('c.person_id', '=', 'p.id')));

export async function countPeoplePages(db: Kysely<Database>): Promise<number> {
  const row = await credited(db)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** People's page slugs, a slice at a time, in a stable order. */
export async function peoplePages(db: Kysely<Database>, offset: number, limit: number): Promise<string[]> {
  const rows = await credited(db).select('p.slug').orderBy('p.slug').offset(offset).limit(limit).execute();
  return rows.map((r) => r.slug);
}
