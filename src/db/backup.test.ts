import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../config.ts';
import { scratchDatabase } from '../testing/scratch.db.ts';
import { runCli, startServer } from '../testing/server.ts';
import { waitUntil } from '../testing/wait.ts';
import { openDatabase } from './database.ts';
import { testEngines } from './testing.ts';

// `nextseason backup` while the site runs and another process writes, then `restore` into a fresh database:
// every write transaction is in the copy whole or not at all, the schema is current, and it serves.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-backup-'));
const BATCH = 10;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const engine of testEngines()) {
  it(`backs up during writes and restores to a consistent database that serves [${engine}]`, async () => {
    const source = await scratchDatabase(engine, dir);
    const copy = await scratchDatabase(engine, dir);
    const server = await startServer({ DATABASE_URL: source.url }); // migrates and loads the starter catalogue
    const writer = await openDatabase(parseDatabaseUrl(source.url));
    const file = path.join(dir, `${engine}.backup`);
    let writing = true;
    let batches = 0;
    try {
      /** The size and time of the backup's file being written: they change as the copy takes its steps. */
      const progress = () => {
        const partial = fs.readdirSync(dir).find((f) => f.startsWith(`${engine}.backup.partial-`));
        try {
          const stat = partial ? fs.statSync(path.join(dir, partial)) : null;
          return stat ? `${stat.size}:${stat.mtimeMs}` : null;
        } catch {
          return null; // renamed into place meanwhile
        }
      };
      // Another process's writes, ten rows a transaction, for as long as the backup runs.
      const writes = (async () => {
        while (writing) {
          await writer.kysely.transaction().execute(async (trx) => {
            for (let i = 0; i < BATCH; i++)
              await trx
                .insertInto('login_failures')
                .values({ email: `b${batches}@x.test`, ip: '192.0.2.1', at: new Date().toISOString() })
                .execute();
          });
          batches++;
          // SQLite's online backup starts over whenever another connection writes, so a writer that never paused
          // would keep it from finishing: after each batch, the writer lets the copy take a step (its file changes).
          const seen = progress();
          await waitUntil(() => !writing || progress() !== seen, 60_000, 'a step of the backup');
        }
      })();
      const backup = await runCli(['backup', file], { DATABASE_URL: source.url });
      writing = false;
      await writes;
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(`backed up to ${file}`);
      expect(batches).toBeGreaterThan(0);

      const restored = await runCli(['restore', file], { DATABASE_URL: copy.url });
      expect(restored.code, restored.stderr).toBe(0);
      const db = await openDatabase(parseDatabaseUrl(copy.url));
      try {
        const n = Number(
          (
            await db.kysely
              .selectFrom('login_failures')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        expect(n % BATCH).toBe(0);
        expect(n).toBeLessThanOrEqual(batches * BATCH);
      } finally {
        await db.close();
      }
      const served = await startServer({ DATABASE_URL: copy.url });
      try {
        expect(await (await fetch(`${served.url}/readyz`)).json()).toMatchObject({ ready: true });
        expect((await fetch(`${served.url}/shows/somos`)).status).toBe(200);
      } finally {
        await served.stop();
      }
    } finally {
      writing = false;
      await writer.close();
      await server.stop();
      await source.drop();
      await copy.drop();
    }
  }, 120_000);

  it(`refuses to restore a file that is not a backup, and leaves the database as it was [${engine}]`, async () => {
    const target = await scratchDatabase(engine, dir);
    const bogus = path.join(dir, `bogus-${engine}.backup`);
    fs.writeFileSync(bogus, 'not a database at all');
    try {
      expect((await runCli(['migrate'], { DATABASE_URL: target.url })).code).toBe(0);
      const result = await runCli(['restore', bogus], { DATABASE_URL: target.url });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(engine === 'sqlite' ? /is not a Next Season SQLite backup/ : /pg_restore failed/);
      const db = await openDatabase(parseDatabaseUrl(target.url));
      try {
        expect(await db.kysely.selectFrom('schema_migrations').select('version').execute()).not.toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await target.drop();
    }
  }, 60_000);
}
