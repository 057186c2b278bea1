import { expect, it } from 'vitest';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { databaseRevision } from './revision.ts';
import { describeEachEngine, TEST_NOW } from './testing.ts';

describeEachEngine(
  'write counting',
  (db) => {
    it('tells catalogue writes, comment writes and private writes apart', async () => {
      const { writes, kysely } = db();
      const before = {
        count: writes.count,
        catalogue: writes.catalogue,
        comments: await databaseRevision(kysely),
        catalogueOnly: await databaseRevision(kysely, { comments: false }),
      };
      const at = TEST_NOW.toISOString();
      await kysely.insertInto('login_failures').values({ email: 'x@example.com', ip: '192.0.2.1', at }).execute();
      // An account's role or access is no page's business either.
      await kysely
        .insertInto('users')
        .values({ email: 'x@example.com', name: 'X', role: 'editor', password_hash: 'h', created_at: at })
        .execute();
      await kysely.updateTable('users').set({ disabled_at: at }).where('email', '=', 'x@example.com').execute();
      expect([writes.count, writes.catalogue]).toEqual([before.count, before.catalogue]);

      const show = await kysely.selectFrom('shows').select('id').limit(1).executeTakeFirstOrThrow();
      const row = {
        show_id: show.id,
        author_name: 'A',
        author_email: 'a@example.com',
        email_key: 'a@example.com',
        body: 'Hi',
        body_hash: 'h',
        status: 'published' as const,
        ip: '192.0.2.1',
        ip_key: '192.0.2.1',
        form_key: 'f',
        created_at: at,
        updated_at: at,
      };
      await kysely.insertInto('comments').values(row).execute();
      expect([writes.count, writes.catalogue]).toEqual([before.count + 1, before.catalogue]);
      expect(await databaseRevision(kysely)).not.toBe(before.comments);
      expect(await databaseRevision(kysely, { comments: false })).toBe(before.catalogueOnly);

      await kysely.updateTable('shows as s').set({ synopsis: 'Changed' }).where('s.id', '=', show.id).execute();
      expect([writes.count, writes.catalogue]).toEqual([before.count + 2, before.catalogue + 1]);
    });
  },
  (db) => importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW).then(() => undefined),
);
