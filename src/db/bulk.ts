import { type Kysely, sql } from 'kysely';
import type { Engine } from './database.ts';

// Bulk inserts for imports: many rows per statement. PostgreSQL: one array parameter per column (unnest).
// SQLite: one JSON array of rows (json_each). One statement, not one per row, matters for tables with
// triggers: FTS5 flushes its pending terms at every statement's savepoint, so a per-row insert into shows
// cost 85 µs a row, and a batch in one statement about 20 µs.

export interface BulkTarget {
  db: Kysely<any>;
  engine: Engine;
}

export type PgType = 'int' | 'bigint' | 'text' | 'date' | 'timestamptz' | 'float8';
export type BulkColumn = readonly [name: string, type: PgType];

const CHUNK = 5000;

export async function bulkInsert<R = Record<string, unknown>>(
  { db, engine }: BulkTarget,
  table: string,
  columns: readonly BulkColumn[],
  rows: unknown[][],
  returning: string[] = [],
): Promise<R[]> {
  const out: R[] = [];
  if (rows.length === 0) return out;
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
