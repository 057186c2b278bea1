import { sql } from 'kysely';
import type { Migration } from './types.ts';

// Typo-tolerant search: trigrams of each show's searchable titles (FTS5 trigram tokenizer, or pg_trgm).
export const fuzzySearch: Migration = {
  version: 9,
  name: 'fuzzy_search',
  async up(db, engine) {
    if (engine === 'sqlite') {
      await sql`create virtual table shows_trigram using fts5(search_text, content='shows', content_rowid='id', tokenize='trigram')`.execute(
        db,
      );
      await sql`insert into shows_trigram(shows_trigram) values ('rebuild')`.execute(db);
      await sql`create trigger shows_trigram_insert after insert on shows begin
        insert into shows_trigram(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      await sql`create trigger shows_trigram_delete after delete on shows begin
        insert into shows_trigram(shows_trigram, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(db);
      await sql`create trigger shows_trigram_update after update of search_text on shows begin
        insert into shows_trigram(shows_trigram, rowid, search_text) values ('delete', old.id, old.search_text);
        insert into shows_trigram(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      return;
    }
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index shows_trgm_idx on shows using gin (search_text gin_trgm_ops)`.execute(db);
  },
};
