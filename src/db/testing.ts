import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Db, type Engine, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

// Real databases for tests: a fresh SQLite file-less database, or a fresh PostgreSQL schema, per suite.

export const TEST_NOW = new Date('2026-11-25T12:00:00Z');

export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A migrated, empty database; `close` drops it. */
export async function openTestDatabase(engine: Engine): Promise<Db> {
  if (engine === 'sqlite') {
    const db = await openDatabase({ engine: 'sqlite', file: ':memory:' });
    await migrate(db);
    return db;
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openDatabase({ engine: 'postgres', url }, { searchPath: `${schema},public` });
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** Runs the same suite on every engine under test, each with its own database. */
export function describeEachEngine(name: string, suite: (db: () => Db, engine: Engine) => void, setup?: (db: Db) => Promise<void>) {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let db: Db | undefined;
      beforeAll(async () => {
        db = await openTestDatabase(engine);
        if (setup) await setup(db);
      });
      afterAll(async () => {
        await db?.close();
      });
      suite(() => {
        if (!db) throw new Error('database not open yet');
        return db;
      }, engine);
    });
  }
}
