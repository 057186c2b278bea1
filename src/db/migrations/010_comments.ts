import { sql } from 'kysely';
import { columnTypes, type Migration } from './types.ts';

// Reader comments with moderation as data, reports, bans, reply notifications and a mail outbox.
export const comments: Migration = {
  version: 10,
  name: 'comments',
  async up(db, engine) {
    const t = columnTypes(engine);
    // Secrets the app makes for itself on first use (e.g. the key that signs comment forms).
    await db.schema
      .createTable('site_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('comments')
      .addColumn('id', 'integer', t.id)
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('season_number', 'integer')
      .addColumn('parent_id', 'integer', (c) => c.references('comments.id'))
      .addColumn('root_id', 'integer', (c) => c.references('comments.id'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      // Never shown: not on pages, feeds, the API or in logs. email_key is the lower-cased address.
      .addColumn('author_email', 'text', (c) => c.notNull())
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('author_url', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('spoiler', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','published','hidden','spam','deleted')`))
      .addColumn('status_reason', 'text')
      .addColumn('ip', 'text', (c) => c.notNull())
      // What rate limits count by: the IPv4 address, or the IPv6 /64 (one household or server).
      .addColumn('ip_key', 'text', (c) => c.notNull())
      // SHA-256 of the form cookie it was sent with: a resend from the same browser is the same comment.
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      // Any change at all, so a page cache in another process sees it.
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addColumn('published_at', t.instant)
      .addColumn('notified_at', t.instant)
      .addColumn('edited_at', t.instant)
      .addColumn('moderated_by', 'text')
      .addColumn('moderated_at', t.instant)
      .execute();
    // One comment per text, author and show: a resent form never stores twice.
    await db.schema.createIndex('comments_once_idx').on('comments').columns(['show_id', 'email_key', 'body_hash']).unique().execute();
    await db.schema.createIndex('comments_show_idx').on('comments').columns(['show_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('comments_status_idx').on('comments').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('comments_email_idx').on('comments').columns(['email_key', 'created_at']).execute();
    await db.schema.createIndex('comments_ip_idx').on('comments').columns(['ip_key', 'created_at']).execute();
    await db.schema.createIndex('comments_updated_idx').on('comments').column('updated_at').execute();
    await db.schema.createIndex('comments_parent_idx').on('comments').column('parent_id').execute();

    await db.schema
      .createTable('comment_reports')
      .addColumn('id', 'integer', t.id)
      .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('reporter', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('resolved_at', t.instant)
      .execute();
    await db.schema.createIndex('comment_reports_once_idx').on('comment_reports').columns(['comment_id', 'reporter']).unique().execute();

    // A first comment waits; once a moderator approves one, the same name and address publish at once.
    await db.schema
      .createTable('comment_authors')
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('approved_at', t.instant, (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_authors_pk', ['email_key', 'name_key'])
      .execute();

    // A comment form's token works once: a bot cannot wait out the pause once and then post freely.
    await db.schema
      .createTable('used_form_tokens')
      .addColumn('token', 'text', (c) => c.primaryKey())
      .addColumn('used_at', t.instant, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('comment_bans')
      .addColumn('id', 'integer', t.id)
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email','ip')`))
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('lifted_at', t.instant)
      .execute();

    await db.schema
      .createTable('comment_subscriptions')
      .addColumn('id', 'integer', t.id)
      .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('unconfirmed','confirmed','unsubscribed')`))
      .addColumn('created_at', t.instant, (c) => c.notNull())
      // The confirmation mail goes out once the comment is published, at most one a day per address.
      .addColumn('confirmation_sent_at', t.instant)
      .addColumn('confirmed_at', t.instant)
      .addColumn('unsubscribed_at', t.instant)
      .execute();
    await db.schema.createIndex('comment_subscriptions_comment_idx').on('comment_subscriptions').column('comment_id').execute();

    // Written in the same transaction as the change that causes the mail; a sender drains it.
    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'integer', t.id)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', t.instant, (c) => c.notNull())
      .addColumn('sent_at', t.instant)
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['sent_at', 'next_attempt_at']).execute();
  },
};
