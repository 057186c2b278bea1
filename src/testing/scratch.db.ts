import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { Engine } from '../db/database.ts';

// A database of a test's own for `serve` and the CLI as child processes: a SQLite file in `dir`, or a new
// database on the PostgreSQL server of TEST_DATABASE_URL; `drop` removes it.

export async function scratchDatabase(engine: Engine, dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `scratch_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (engine === 'sqlite') return { url: `sqlite:${path.join(dir, `${name}.db`)}`, drop: async () => {} };
  const base = process.env.TEST_DATABASE_URL as string;
  const run = async (query: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(query);
    await client.end();
  };
  await run(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
