// Says once per run which engines the database tests use.
export default function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) console.log(`Database tests run on SQLite and on PostgreSQL (${url.replace(/:[^:@/]*@/, ':***@')}).`);
  else console.log('Database tests run on SQLite only: PostgreSQL skipped (set TEST_DATABASE_URL=postgres://… to include it).');
}
