import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type DatabaseConfig, redact } from '../config.ts';
import { WriteCounter } from './revision.ts';
import type { Database } from './schema.ts';

export type Engine = DatabaseConfig['engine'];

export interface Db {
  engine: Engine;
  kysely: Kysely<Database>;
  /** Writes this process has made: a cheap signal that cached pages may be stale. */
  writes: WriteCounter;
  /** SQLite only: the connection itself, for bulk loads through prepared statements. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// PostgreSQL returns dates, instants and bigints in the same shapes SQLite does.
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_DATE) return (v: string) => v;
    if (oid === PG_TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (tests give each file its own). */
  searchPath?: string;
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Db> {
  if (config.engine === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
    let sqlite: SQLite.Database;
    try {
      sqlite = new SQLite(config.file);
    } catch (error) {
      throw new Error(`cannot open SQLite database ${config.file}: ${(error as Error).message}`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const writes = new WriteCounter();
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [writes] });
    return { engine: 'sqlite', kysely, sqlite, writes, close: () => kysely.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    types: pgTypes,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redact(config.url)}: ${(error as Error).message}`);
  }
  const writes = new WriteCounter();
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [writes] });
  return { engine: 'postgres', kysely, writes, close: () => kysely.destroy() };
}
