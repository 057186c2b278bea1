import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { schemaState } from '../db/migrate.ts';

// For load balancers and process managers: /healthz says the process answers; /readyz that it can serve
// (database reachable, schema current) and how it hears other processes' writes. Never cached.

const NEVER_CACHED = { 'cache-control': 'no-store' };

// GET /healthz
export const healthz = (c: Context) => c.text('ok', 200, NEVER_CACHED);

// GET /readyz
export function readyz({ db }: Pick<AppDeps, 'db'>) {
  return async (c: Context) => {
    const notices = db.notices;
    const changes = db.engine === 'sqlite' ? 'one process' : notices?.listening ? 'listening' : 'polling';
    try {
      const schema = await schemaState(db);
      // Newer: a deploy's new build has migrated (migrations only add), and this process keeps serving until replaced.
      const ready = schema.current >= schema.latest;
      return c.json(
        {
          ready,
          database: db.engine,
          schema,
          changes,
          ...(notices?.problem ? { changesProblem: notices.problem } : {}),
          ...(schema.current < schema.latest
            ? { problem: `schema version ${schema.current}, this build needs ${schema.latest}: run nextseason migrate` }
            : {}),
          ...(schema.current > schema.latest
            ? { note: `schema version ${schema.current} is newer than this build's ${schema.latest}: replace this process` }
            : {}),
        },
        ready ? 200 : 503,
        NEVER_CACHED,
      );
    } catch (error) {
      return c.json(
        { ready: false, database: db.engine, changes, problem: `database unreachable: ${(error as Error).message}` },
        503,
        NEVER_CACHED,
      );
    }
  };
}
