import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Engine } from '../database.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

/** Column types that differ between the two engines. */
export function columnTypes(engine: Engine) {
  const pg = engine === 'postgres';
  return {
    date: pg ? ('date' as const) : ('text' as const),
    instant: pg ? ('timestamptz' as const) : ('text' as const),
    real: pg ? ('double precision' as const) : ('real' as const),
    id: (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()),
  };
}

export const PRECISIONS = "('day','month','quarter','year','unknown')";
