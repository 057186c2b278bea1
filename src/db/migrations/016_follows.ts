import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { columnTypes, type Migration } from './types.ts';

// Readers who follow a show, a platform or the whole site (by email or webhook), and the alerts owed to
// them: one outbox row per (follower, alert), written in the transaction of the change that causes it.
export const follows: Migration = {
  version: 16,
  name: 'follows',
  async up(db, engine) {
    const t = columnTypes(engine);
    await db.schema
      .createTable('followers')
      .addColumn('id', 'integer', t.id)
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email','webhook')`))
      // Never shown but to the follower: not on pages, feeds, logs or in another's API answer.
      .addColumn('email', 'text')
      .addColumn('email_key', 'text')
      .addColumn('url', 'text')
      // The webhook's signing secret (Standard Webhooks "whsec_…"), shown once when the endpoint is made.
      .addColumn('secret', 'text')
      // The private feeds' and calendar's URL part; a new one revokes the old.
      .addColumn('feed_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('unconfirmed','active','disabled','left')`))
      .addColumn('digest', 'text', (c) => c.notNull().defaultTo('immediate').check(sql`digest in ('immediate','daily')`))
      // The IPv4 address or IPv6 /64 it was asked from: what the daily limit on confirmation mails counts by.
      .addColumn('ip_key', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('confirmed_at', t.instant)
      .addColumn('disabled_at', t.instant)
      .addColumn('disabled_reason', 'text')
      .addColumn('left_at', t.instant)
      .execute();
    await db.schema
      .createIndex('followers_email_idx')
      .on('followers')
      .column('email_key')
      .unique()
      .where(sql.ref('channel'), '=', 'email')
      .execute();
    await db.schema.createIndex('followers_feed_idx').on('followers').column('feed_key').unique().execute();

    // What a follower follows: one show, one platform, or everything ('site').
    await db.schema
      .createTable('follows')
      .addColumn('id', 'integer', t.id)
      .addColumn('follower_id', 'integer', (c) => c.notNull().references('followers.id').onDelete('cascade'))
      .addColumn('target', 'text', (c) => c.notNull()) // 'show:ID', 'platform:ID' or 'site'
      .addColumn('show_id', 'integer', (c) => c.references('shows.id').onDelete('cascade'))
      .addColumn('platform_id', 'integer', (c) => c.references('platforms.id').onDelete('cascade'))
      // Alert when the chance of the next season within a year first reaches this (0–1); null: events only.
      .addColumn('threshold', t.real)
      .addColumn('threshold_met', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', t.instant, (c) => c.notNull())
      // An email follow counts once its address confirms it, so no one can sign another's inbox up for more.
      .addColumn('confirmed_at', t.instant)
      .execute();
    await db.schema.createIndex('follows_once_idx').on('follows').columns(['follower_id', 'target']).unique().execute();
    await db.schema.createIndex('follows_target_idx').on('follows').columns(['target', 'follower_id']).execute();

    // Confirmation mails asked for, per address and per network: the daily limits count these.
    await db.schema
      .createTable('follow_requests')
      .addColumn('id', 'integer', t.id)
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('ip_key', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('follow_requests_email_idx').on('follow_requests').columns(['email_key', 'created_at']).execute();
    await db.schema.createIndex('follow_requests_ip_idx').on('follow_requests').columns(['ip_key', 'created_at']).execute();

    await db.schema
      .createTable('alert_outbox')
      .addColumn('id', 'integer', t.id)
      .addColumn('follower_id', 'integer', (c) => c.notNull().references('followers.id').onDelete('cascade'))
      // What makes an alert one alert: 'event:ID:added', 'event:ID:edit:N', 'premiere:SHOW:S:DAY:today', …
      .addColumn('alert_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('show_id', 'integer', (c) => c.references('shows.id').onDelete('set null'))
      .addColumn('event_id', 'integer')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('due_at', t.instant, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      // A sender holds a row until then; a sender that died lets it go when the time passes.
      .addColumn('claimed_until', t.instant)
      .addColumn('sent_at', t.instant)
      .addColumn('dead_at', t.instant)
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('alert_outbox_once_idx').on('alert_outbox').columns(['follower_id', 'alert_key']).unique().execute();
    // The key that signs followers' links, made here so the pages those links open never write.
    await db
      .insertInto('site_secrets')
      .values({ name: 'follow-links', value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    await db.schema.createIndex('alert_outbox_due_idx').on('alert_outbox').columns(['sent_at', 'dead_at', 'due_at']).execute();
  },
};
