import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Engine } from './database.ts';

// Bulk inserts for imports. PostgreSQL: many rows per statement, one array parameter per column (unnest).
// SQLite: a prepared statement run per row on the same connection, inside the caller's transaction —
// in-process, that is the fastest way in.

export interface BulkTarget {
  db: Kysely<any>;
  engine: Engine;
  sqlite?: SQLite.Database | undefined;
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
function prepared(sqlite: SQLite.Database, text: string): SQLite.Statement {
  const cache = statements.get(sqlite) ?? new Map<string, SQLite.Statement>();
  statements.set(sqlite, cache);
  const stmt = cache.get(text) ?? sqlite.prepare(text);
  cache.set(text, stmt);
  return stmt;
}

export type PgType = 'int' | 'bigint' | 'text' | 'date' | 'timestamptz' | 'float8';
export type BulkColumn = readonly [name: string, type: PgType];

const CHUNK = 5000;

export async function bulkInsert<R = Record<string, unknown>>(
  { db, engine, sqlite }: BulkTarget,
  table: string,
  columns: readonly BulkColumn[],
  rows: unknown[][],
  returning: string[] = [],
): Promise<R[]> {
  const out: R[] = [];
  if (rows.length === 0) return out;
  if (engine === 'sqlite' && sqlite) {
    const text = `insert into "${table}" (${columns.map(([n]) => `"${n}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})${returning.length ? ` returning ${returning.join(', ')}` : ''}`;
    const stmt = prepared(sqlite, text);
    for (const row of rows) {
      if (returning.length) out.push(stmt.get(...row) as R);
      else stmt.run(...row);
    }
    return out;
  }
  const names = sql.join(columns.map(([name]) => sql.ref(name)));
  const back = returning.length ? sql` returning ${sql.join(returning.map((r) => sql.ref(r)))}` : sql``;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    let query: ReturnType<typeof sql<R>>;
    if (engine === 'sqlite') {
      const values = sql.join(columns.map((_, j) => sql.raw(`json_extract(value, '$[${j}]')`)));
      query = sql<R>`insert into ${sql.table(table)} (${names}) select ${values} from json_each(${JSON.stringify(chunk)})${back}`;
    } else {
      const arrays = sql.join(columns.map(([, type], j) => sql`${chunk.map((row) => row[j] ?? null)}::${sql.raw(type)}[]`));
      query = sql<R>`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})${back}`;
    }
    const result = await query.execute(db);
    out.push(...result.rows);
  }
  return out;
}
