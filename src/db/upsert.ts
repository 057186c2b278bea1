import type { Kysely } from 'kysely';

export type Outcome = 'inserted' | 'updated' | 'unchanged';

/** Counts of what a write did, per table: what imports and seeding report. */
export class Tally {
  readonly counts = new Map<string, Record<Outcome, number>>();

  add(table: string, outcome: Outcome): void {
    const row = this.counts.get(table) ?? { inserted: 0, updated: 0, unchanged: 0 };
    row[outcome] += 1;
    this.counts.set(table, row);
  }

  total(outcome: Outcome): number {
    let n = 0;
    for (const row of this.counts.values()) n += row[outcome];
    return n;
  }

  summary(): string {
    const lines = [...this.counts].map(
      ([table, c]) => `${table.padEnd(14)} ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`,
    );
    return lines.join('\n');
  }
}

/**
 * Finds the row matching `key`; inserts it, updates the columns of `values` that differ, or leaves it.
 * Returns the row id and what happened, so re-running a load reports "unchanged".
 */
export async function upsertRow(
  db: Kysely<any>,
  table: string,
  key: Record<string, unknown>,
  values: Record<string, unknown>,
  { tally, onInsert = {}, onUpdate = {} }: UpsertOptions = {},
): Promise<{ id: number; outcome: Outcome }> {
  const existing = await findByKey(db, table, key);
  let result: { id: number; outcome: Outcome };
  if (!existing) {
    const row = await db
      .insertInto(table)
      .values({ ...key, ...values, ...onInsert })
      .returning('id')
      .executeTakeFirstOrThrow();
    result = { id: Number(row.id), outcome: 'inserted' };
  } else {
    const changed = Object.fromEntries(Object.entries(values).filter(([column, value]) => !sameValue(existing[column], value)));
    if (Object.keys(changed).length === 0) result = { id: Number(existing.id), outcome: 'unchanged' };
    else {
      await db
        .updateTable(table)
        .set({ ...changed, ...onUpdate })
        .where('id', '=', existing.id)
        .execute();
      result = { id: Number(existing.id), outcome: 'updated' };
    }
  }
  tally?.add(table, result.outcome);
  return result;
}

export interface UpsertOptions {
  tally?: Tally;
  /** Extra columns set only when the row is new (created_at). */
  onInsert?: Record<string, unknown>;
  /** Extra columns set only when the row changes (updated_at). */
  onUpdate?: Record<string, unknown>;
}

/** Inserts a row of a link table (no id) unless it is there already. */
export async function ensureLink(db: Kysely<any>, table: string, row: Record<string, unknown>, tally?: Tally): Promise<Outcome> {
  const outcome: Outcome = (await findByKey(db, table, row)) ? 'unchanged' : 'inserted';
  if (outcome === 'inserted') await db.insertInto(table).values(row).execute();
  tally?.add(table, outcome);
  return outcome;
}

async function findByKey(db: Kysely<any>, table: string, key: Record<string, unknown>) {
  let query = db.selectFrom(table).selectAll();
  for (const [column, value] of Object.entries(key)) {
    query = value === null ? query.where(column, 'is', null) : query.where(column, '=', value);
  }
  return (await query.executeTakeFirst()) as Record<string, unknown> | undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return String(a) === String(b);
}
