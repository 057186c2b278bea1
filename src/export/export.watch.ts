import type { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { databaseRevision } from '../db/revision.ts';
import { exportSite } from './export.build.ts';

// `serve --export DIR`: the export kept current. After this process's own writes, another process's notice
// (PostgreSQL's LISTEN), a change the one-second poll finds (SQLite, or notices down) or a new day, the site
// is exported again; only files whose bytes changed are rewritten.

export function keepExported({
  app,
  db,
  dir,
  now,
  checkMs = 100,
  pollMs = 1_000,
}: {
  app: Pick<Hono<any>, 'request'>;
  db: Db;
  dir: string;
  now: () => Date;
  checkMs?: number;
  pollMs?: number;
}): { stop(): Promise<void> } {
  let done = '';
  let polled = { value: '', at: -Infinity };
  let stopped = false;

  async function stamp(): Promise<string> {
    if (!db.notices?.listening && performance.now() - polled.at > pollMs)
      polled = { value: await databaseRevision(db.kysely), at: performance.now() };
    return `${now().toISOString().slice(0, 10)}|${db.writes.count}|${db.notices?.count ?? 0}|${polled.value}`;
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        const current = await stamp();
        if (current !== done) {
          const started = performance.now();
          const tally = await exportSite(app, dir);
          done = current;
          if (tally.written || tally.removed)
            console.log(
              `export: ${tally.written} of ${tally.files} files rewritten, ${tally.removed} removed, in ${Math.round(performance.now() - started)} ms`,
            );
        }
      } catch (error) {
        console.error(`export: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, checkMs));
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
