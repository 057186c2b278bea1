import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { waitUntil } from '../testing/wait.ts';
import { type Db, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { TEST_NOW } from './testing.ts';

// Two processes on one PostgreSQL database, as two handles in one: a write committed through one reaches the
// other's page cache on LISTEN, at once, not after the one-second poll; a rollback and a private write say nothing.

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('write notices between processes [postgres]', () => {
  const schema = `test_notices_${process.pid}_${randomBytes(3).toString('hex')}`;
  let writer: Db;
  let reader: Db;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const open = (listen: boolean) => openDatabase({ engine: 'postgres', url: url as string }, { searchPath: `${schema},public`, listen });
    writer = await open(false);
    await migrate(writer);
    await importStarterCatalogue(writer, loadStarterCatalogue(), TEST_NOW);
    reader = await open(true);
    await waitUntil(() => reader.notices?.listening === true, 5_000, 'listening');
  }, 60_000);

  afterAll(async () => {
    await reader?.close();
    await writer?.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it("drops the other process's cached page as its write commits, not a second later", async () => {
    const app = buildApp({ db: reader, siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    expect(await (await app.request('/shows/somos')).text()).not.toContain('Heard through LISTEN');
    expect((await app.request('/readyz')).status).toBe(200);
    expect(await (await app.request('/readyz')).json()).toMatchObject({ ready: true, changes: 'listening' });

    const heard = reader.notices?.count ?? 0;
    await writer.kysely
      .updateTable('shows')
      .set({ synopsis: 'Heard through LISTEN', updated_at: new Date().toISOString() })
      .where('slug', '=', 'somos')
      .execute();
    await waitUntil(() => (reader.notices?.count ?? 0) > heard, 5_000, 'a notice');
    // Within the poll's second: only the notice can have told the cache.
    expect(await (await app.request('/shows/somos')).text()).toContain('Heard through LISTEN');
  });

  it('hears nothing of a rolled-back write or of a write no public page shows, and counts comments apart from the catalogue', async () => {
    const before = { count: reader.notices?.count ?? 0, catalogue: reader.notices?.catalogue ?? 0 };
    await writer.kysely
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('shows').set({ synopsis: 'never' }).where('slug', '=', 'somos').execute();
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await writer.kysely
      .insertInto('login_failures')
      .values({ email: 'x@example.com', ip: '192.0.2.1', at: TEST_NOW.toISOString() })
      .execute();
    // A write that is heard, after the two that are not: once it arrives, the others would have.
    const show = await writer.kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
    const at = TEST_NOW.toISOString();
    await writer.kysely
      .insertInto('comments')
      .values({
        show_id: show.id,
        author_name: 'A',
        author_email: 'a@example.com',
        email_key: 'a@example.com',
        body: 'Hi',
        body_hash: 'h',
        status: 'published',
        ip: '192.0.2.1',
        ip_key: '192.0.2.1',
        form_key: `f-${randomBytes(3).toString('hex')}`,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await waitUntil(() => (reader.notices?.count ?? 0) > before.count, 5_000, 'the comment notice');
    expect(reader.notices?.count).toBe(before.count + 1);
    expect(reader.notices?.catalogue).toBe(before.catalogue);
  });
});
