import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { showSearchText, titleKeys } from '../lang/text.rules.ts';

// What search and import matching read of a show's titles, kept in step with its title, original title and
// aliases: the words (shows.search_text) and each whole title (show_title_keys).
export async function refreshShowTitles(db: Kysely<Database>, showId: number): Promise<void> {
  const [show, aliases, keys] = await Promise.all([
    db.selectFrom('shows').select(['title', 'original_title', 'search_text']).where('id', '=', showId).executeTakeFirstOrThrow(),
    db.selectFrom('show_aliases').select('alias').where('show_id', '=', showId).execute(),
    db.selectFrom('show_title_keys').select('title_key').where('show_id', '=', showId).execute(),
  ]);
  const titles = [show.title, show.original_title, ...aliases.map((a) => a.alias)];
  const text = showSearchText(titles);
  if (text !== show.search_text) await db.updateTable('shows').set({ search_text: text }).where('id', '=', showId).execute();
  const want = titleKeys(titles);
  const have = keys.map((k) => k.title_key);
  const gone = have.filter((k) => !want.includes(k));
  const fresh = want.filter((k) => !have.includes(k));
  if (gone.length) await db.deleteFrom('show_title_keys').where('show_id', '=', showId).where('title_key', 'in', gone).execute();
  if (fresh.length)
    await db
      .insertInto('show_title_keys')
      .values(fresh.map((title_key) => ({ title_key, show_id: showId })))
      .execute();
}
