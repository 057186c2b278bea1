import { normalizeText as normalized } from './008_people_search.ts';
import type { Migration } from './types.ts';

// Every title a show is known by (title, original title, aliases), normalised: an import matches a record to
// its show with an index lookup per batch instead of holding every show's titles in memory. The key is
// migration 008's frozen normalisation, the rule this shipped with.
export const showTitleKeys: Migration = {
  version: 14,
  name: 'show_title_keys',
  async up(db) {
    await db.schema
      .createTable('show_title_keys')
      .addColumn('title_key', 'text', (c) => c.notNull())
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('show_title_keys_pk', ['title_key', 'show_id'])
      .execute();
    await db.schema.createIndex('show_title_keys_show_idx').on('show_title_keys').column('show_id').execute();
    const shows = await db.selectFrom('shows').select(['id', 'title', 'original_title']).execute();
    const aliases = await db.selectFrom('show_aliases').select(['show_id', 'alias']).execute();
    const keys = new Map<string, { title_key: string; show_id: number }>();
    const add = (id: number, title: string | null) => {
      const key = title ? normalized(title) : '';
      if (key) keys.set(`${id}\n${key}`, { title_key: key, show_id: id });
    };
    for (const s of shows) {
      add(s.id, s.title);
      add(s.id, s.original_title);
    }
    for (const a of aliases) add(a.show_id, a.alias);
    const rows = [...keys.values()];
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('show_title_keys')
        .values(rows.slice(i, i + 1000))
        .execute();
  },
};
