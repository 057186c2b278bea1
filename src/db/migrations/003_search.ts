import { sql } from 'kysely';
import type { Migration } from './types.ts';

// Full-text search over shows.search_text (already lower-cased and accent-free): FTS5 or tsvector.
export const search: Migration = {
  version: 3,
  name: 'search',
  async up(db, engine) {
    if (engine === 'sqlite') {
      await sql`create virtual table shows_fts using fts5(search_text, content='shows', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(
        db,
      );
      await sql`create trigger shows_fts_insert after insert on shows begin
        insert into shows_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      await sql`create trigger shows_fts_delete after delete on shows begin
        insert into shows_fts(shows_fts, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(db);
      await sql`create trigger shows_fts_update after update of search_text on shows begin
        insert into shows_fts(shows_fts, rowid, search_text) values ('delete', old.id, old.search_text);
        insert into shows_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      return;
    }
    await sql`create index shows_search_idx on shows using gin (to_tsvector('simple', search_text))`.execute(db);
  },
};
