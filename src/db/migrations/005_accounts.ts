import { sql } from 'kysely';
import { columnTypes, type Migration } from './types.ts';

// Editors' desk: accounts with roles, database sessions, login throttling and an audit log of every change.
export const accounts: Migration = {
  version: 5,
  name: 'accounts',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', t.id)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','editor','moderator')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('disabled_at', t.instant)
      .execute();

    // The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens no session.
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('expires_at', t.instant, (c) => c.notNull())
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('login_failures')
      .addColumn('id', 'integer', t.id)
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_failures_email_idx').on('login_failures').columns(['email', 'at']).execute();
    await db.schema.createIndex('login_failures_ip_idx').on('login_failures').columns(['ip', 'at']).execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', t.id)
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  },
};
