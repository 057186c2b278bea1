import pg from 'pg';

// Says once per run which engines the database tests use; on PostgreSQL, puts pg_trgm in `public` once, so
// that no suite's schema owns it (one database has one copy, and dropping a schema would take it along).
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('Database tests run on SQLite only: PostgreSQL skipped (set TEST_DATABASE_URL=postgres://… to include it).');
    return;
  }
  console.log(`Database tests run on SQLite and on PostgreSQL (${url.replace(/:[^:@/]*@/, ':***@')}).`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create extension if not exists pg_trgm schema public');
  await client.query('alter extension pg_trgm set schema public');
  await client.end();
}
