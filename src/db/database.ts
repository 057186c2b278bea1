import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type DatabaseConnection, Kysely, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely';
import type pg from 'pg';
import { type DatabaseConfig, redact } from '../config.ts';
import { listenForWrites, type WriteNotices } from './notices.ts';
import { WriteCounter } from './revision.ts';
import type { Database } from './schema.ts';

export type Engine = DatabaseConfig['engine'];

export interface Db {
  engine: Engine;
  kysely: Kysely<Database>;
  /** Writes this process has made: a cheap signal that cached pages may be stale. */
  writes: WriteCounter;
  /** PostgreSQL, when opened with `listen`: other processes' writes as they commit. */
  notices?: WriteNotices;
  /** SQLite only: the connection itself, for bulk loads through prepared statements. */
  sqlite?: SQLite.Database;
  /** Runs `work` while no other process holding the same key runs it (PostgreSQL: a session advisory lock). */
  exclusive<T>(key: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// PostgreSQL returns dates, instants and bigints in the same shapes SQLite does.
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = (types: typeof pg.types) => ({
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_DATE) return (v: string) => v;
    if (oid === PG_TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
    return types.getTypeParser(oid, format);
  },
});

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (tests give each file its own). */
  searchPath?: string;
  /** PostgreSQL only: hear other processes' writes (LISTEN), for a serving process's caches. */
  listen?: boolean;
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Db> {
  if (config.engine === 'sqlite') {
    const sqlite = openSqlite(config.file);
    const writes = new WriteCounter();
    const kysely = new Kysely<Database>({ dialect: new SafeRollbackSqliteDialect({ database: sqlite }), plugins: [writes] });
    // One connection, written to by one process: there is no other process to wait for.
    return { engine: 'sqlite', kysely, sqlite, writes, exclusive: (_key, work) => work(), close: () => kysely.destroy() };
  }
  // Loaded only for PostgreSQL: an embedded SQLite start does not pay for the driver.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: config.url,
    types: pgTypes(pg.types),
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // A connection the server drops (restart, pg_terminate_backend) is an error on that query, never on the process.
  pool.on('error', (error) => console.error(`PostgreSQL: idle connection lost: ${error.message}`));
  pool.on('connect', (client) => client.on('error', (error) => console.error(`PostgreSQL: connection lost: ${error.message}`)));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redact(config.url)}: ${(error as Error).message}`);
  }
  const writes = new WriteCounter();
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [writes] });
  const exclusive = async <T>(key: number, work: () => Promise<T>): Promise<T> => {
    const holder = await pool.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [key]);
    } catch (error) {
      holder.release(error as Error);
      throw error;
    }
    try {
      return await work();
    } finally {
      // A lost connection has freed the lock already: that must not turn the work's outcome into a failure.
      await holder.query('select pg_advisory_unlock($1)', [key]).then(
        () => holder.release(),
        (error: Error) => {
          console.error(`PostgreSQL: advisory unlock failed: ${error.message}`);
          holder.release(error);
        },
      );
    }
  };
  const notices = options.listen ? await listenForWrites(pg, config.url, { searchPath: options.searchPath }) : undefined;
  const close = async () => {
    await notices?.stop();
    await kysely.destroy();
  };
  return { engine: 'postgres', kysely, writes, exclusive, close, ...(notices ? { notices } : {}) };
}

/** Opens the file, naming it in any error: a missing folder, a file that cannot be written, a file that is not a database. */
function openSqlite(file: string): SQLite.Database {
  try {
    if (file !== ':memory:') {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.accessSync(path.dirname(file), fs.constants.W_OK);
      if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    }
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return sqlite;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason = e.code === 'EACCES' || e.code === 'EROFS' ? `${e.code}: not writable by this user` : e.message;
    throw new Error(`cannot open SQLite database ${file}: ${reason}`);
  }
}

// SQLite ends a transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR): the rollback that follows must
// not replace the real error with "cannot rollback - no transaction is active".
class SafeRollbackSqliteDialect extends SqliteDialect {
  readonly #database: SQLite.Database;
  constructor(config: { database: SQLite.Database }) {
    super(config);
    this.#database = config.database;
  }
  override createDriver() {
    const database = this.#database;
    const statements = preparedOnce(database);
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection) {
        if (database.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: { prepare: statements, close: () => database.close() } });
  }
}

const MAX_STATEMENTS = 1000;

/** Each SQL text prepared once and reused (Kysely prepares every query anew); bounded, oldest dropped first. */
function preparedOnce(database: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
}
