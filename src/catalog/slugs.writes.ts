import type { Kysely } from 'kysely';
import { audit } from '../accounts/accounts.queries.ts';
import type { Database } from '../db/schema.ts';
import { ShowIndex } from '../importers/show.index.ts';
import { SLUG_MAX_LENGTH, slugify } from '../lang/text.rules.ts';
import { slugParam } from './shows.params.ts';

// A slug, once given, is a show's address for good: imports and title edits never change it. These are the
// deliberate changes. Each keeps the old slug in the history, where it still leads to its show (301) and is
// never given to another.

/** A change refused; `field` names the argument at fault. */
export class SlugError extends Error {
  readonly code = 'bad_slug';
  constructor(
    readonly field: 'old' | 'new',
    message: string,
  ) {
    super(message);
  }
}

export interface SlugChange {
  id: number;
  from: string;
  to: string;
  /** The show's title or the person's name. */
  name: string;
}

/**
 * Gives a show a new slug and keeps the old one. Asked again once done (a retry), it changes nothing and says so.
 * Refuses a slug another show has or had; a slug this show had before it may take back.
 */
export async function renameShowSlug(
  db: Kysely<Database>,
  { from, to, now }: { from: string; to: string; now: Date },
): Promise<SlugChange & { changed: boolean }> {
  if (!slugParam.safeParse(to).success)
    throw new SlugError(
      'new',
      `"${to}" is not a slug: use lower-case letters a-z, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters`,
    );
  return db.transaction().execute(async (trx) => {
    const show = await trx.selectFrom('shows').select(['id', 'slug', 'title']).where('slug', '=', from).executeTakeFirst();
    if (!show) {
      const moved = await pastHolder(trx, from);
      if (moved?.slug === to) return { id: moved.id, from, to, name: moved.title, changed: false };
      throw new SlugError(
        'old',
        moved ? `"${from}" is a past slug of ${moved.title}, now "${moved.slug}"` : `no show has the slug "${from}"`,
      );
    }
    if (from === to) return { id: show.id, from, to, name: show.title, changed: false };
    const holder = await trx.selectFrom('shows').select('title').where('slug', '=', to).executeTakeFirst();
    if (holder) throw new SlugError('new', `"${to}" is the slug of ${holder.title}`);
    const past = await pastHolder(trx, to);
    if (past && past.id !== show.id)
      throw new SlugError('new', `"${to}" was a slug of ${past.title} and still leads there (now "${past.slug}")`);
    await retireShowSlug(trx, { id: show.id, from, to }, now);
    await audit(
      trx,
      { user: null, action: 'show.rename-slug', entity: 'show', entityId: show.id, before: { slug: from }, after: { slug: to } },
      now,
    );
    return { id: show.id, from, to, name: show.title, changed: true };
  });
}

/** The slugs given when a title spelt nothing in Latin letters: "x", "x-2014", "x-2", "x-2-22". */
const FALLBACK = /^x(-\d+)*$/;
const PEOPLE_PAGE = 5000;

export interface SlugFixes {
  shows: SlugChange[];
  people: SlugChange[];
  /** People whose spelt-out slug another person has or had: left as they are. */
  skipped: SlugChange[];
}

/**
 * The one-off re-slug for slugs made before every script was spelt out: shows with a fallback slug ("x-2014")
 * get their title's ("kingdeom"), year or number added as for a new show; people get the slug their name
 * now gives, which is how imports find them. Old slugs go to the history. One transaction; run again, it
 * finds nothing to do. With `apply: false` it only says what it would do.
 */
export async function fixFallbackSlugs(db: Kysely<Database>, { now, apply = true }: { now: Date; apply?: boolean }): Promise<SlugFixes> {
  return db.transaction().execute(async (trx) => {
    const fixes: SlugFixes = { shows: [], people: [], skipped: [] };
    const index = await ShowIndex.forBatch(trx, []);
    const shows = await trx
      .selectFrom('shows')
      .select(['id', 'slug', 'title', 'premiered'])
      .where((eb) => eb.or([eb('slug', '=', 'x'), eb('slug', 'like', 'x-%')]))
      .orderBy('id')
      .execute();
    for (const show of shows) {
      const base = slugify(show.title);
      // A title that spells "x" ("X", "X 14") has the slug it asks for.
      if (!FALLBACK.test(show.slug) || base === 'x' || show.slug === base || show.slug.startsWith(`${base}-`)) continue;
      const to = await index.freeSlug(show.title, show.premiered ? Number(show.premiered.slice(0, 4)) : null);
      index.reserve(to);
      if (apply) await retireShowSlug(trx, { id: show.id, from: show.slug, to }, now);
      fixes.shows.push({ id: show.id, from: show.slug, to, name: show.title });
    }

    const given = new Set<string>();
    for (let after = 0; ; ) {
      const people = await trx
        .selectFrom('people')
        .select(['id', 'slug', 'name'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(PEOPLE_PAGE)
        .execute();
      if (people.length === 0) break;
      after = (people.at(-1) as { id: number }).id;
      for (const person of people) {
        const to = slugify(person.name);
        if (to === person.slug || to === 'x') continue;
        const change = { id: person.id, from: person.slug, to, name: person.name };
        const [holder, past] = await Promise.all([
          trx.selectFrom('people').select('id').where('slug', '=', to).executeTakeFirst(),
          trx.selectFrom('person_slug_history').select('person_id').where('slug', '=', to).executeTakeFirst(),
        ]);
        if (holder || (past && past.person_id !== person.id) || given.has(to)) {
          fixes.skipped.push(change);
          continue;
        }
        given.add(to);
        if (apply) await retirePersonSlug(trx, change, now);
        fixes.people.push(change);
      }
    }

    if (apply && fixes.shows.length + fixes.people.length > 0)
      await audit(
        trx,
        {
          user: null,
          action: 'slugs.fix',
          entity: 'show',
          entityId: null,
          before: { shows: fixes.shows.map((c) => c.from), people: fixes.people.map((c) => c.from) },
          after: { shows: fixes.shows.map((c) => c.to), people: fixes.people.map((c) => c.to) },
        },
        now,
      );
    return fixes;
  });
}

/** The show's slug becomes `to`; `from` goes to its history (and `to` comes out of it, when the show had it before). */
async function retireShowSlug(trx: Kysely<Database>, { id, from, to }: { id: number; from: string; to: string }, now: Date) {
  const stamp = now.toISOString();
  await trx.deleteFrom('show_slug_history').where('slug', '=', to).where('show_id', '=', id).execute();
  await trx.insertInto('show_slug_history').values({ slug: from, show_id: id, retired_at: stamp }).execute();
  await trx.updateTable('shows').set({ slug: to, updated_at: stamp }).where('id', '=', id).execute();
}

async function retirePersonSlug(trx: Kysely<Database>, { id, from, to }: { id: number; from: string; to: string }, now: Date) {
  await trx.deleteFrom('person_slug_history').where('slug', '=', to).where('person_id', '=', id).execute();
  await trx.insertInto('person_slug_history').values({ slug: from, person_id: id, retired_at: now.toISOString() }).execute();
  await trx.updateTable('people').set({ slug: to }).where('id', '=', id).execute();
}

/** The show that once had `slug`, with its current slug. */
function pastHolder(trx: Kysely<Database>, slug: string) {
  return trx
    .selectFrom('show_slug_history as h')
    .innerJoin('shows as s', 's.id', 'h.show_id')
    .select(['s.id', 's.slug', 's.title'])
    .where('h.slug', '=', slug)
    .executeTakeFirst();
}
