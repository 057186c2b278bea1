import type { Migration } from './types.ts';

// The search key as this migration wrote it, kept here so that a later change to the live rule cannot
// change what an old migration does.
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// People become searchable without accents ("Alvaro Curiel" finds "Álvaro Curiel").
export const peopleSearch: Migration = {
  version: 8,
  name: 'people_search',
  async up(db) {
    await db.schema
      .alterTable('people')
      .addColumn('search_name', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const people = (await db.selectFrom('people').select(['id', 'name']).execute()) as Array<{ id: number; name: string }>;
    for (const p of people)
      await db
        .updateTable('people')
        .set({ search_name: normalizeText(p.name) })
        .where('id', '=', p.id)
        .execute();
    await db.schema.createIndex('people_search_idx').on('people').column('search_name').execute();
  },
};
