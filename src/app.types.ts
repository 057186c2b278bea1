import type { Db } from './db/database.ts';

/** What every handler may use; tests pass their own database and clock. */
export interface AppDeps {
  db: Db;
  siteUrl: string;
  now: () => Date;
}
