import { expect, it } from 'vitest';
import type { CommentStatus } from '../db/schema.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { purgeOldPersonalData } from './comments.retention.ts';

const DAY = 86_400_000;
const ago = (days: number) => new Date(TEST_NOW.getTime() - days * DAY).toISOString();

describeEachEngine(
  'comment data retention',
  (db) => {
    it('forgets old IP addresses and removes old spam, sent mail and unconfirmed sign-ups, keeping what is still used', async () => {
      const { kysely } = db();
      const show = await kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
      const add = async (status: CommentStatus, daysAgo: number, extra: { parent_id?: number; root_id?: number } = {}) => {
        const at = ago(daysAgo);
        const n = Math.random().toString(36).slice(2);
        const row = await kysely
          .insertInto('comments')
          .values({
            show_id: show.id,
            author_name: 'R',
            author_email: `${n}@example.com`,
            email_key: `${n}@example.com`,
            body: n,
            body_hash: n,
            status,
            ip: '192.0.2.9',
            ip_key: '192.0.2.9',
            form_key: 'f',
            created_at: at,
            updated_at: at,
            ...extra,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
      const oldPublished = await add('published', 200);
      const oldSpam = await add('spam', 200);
      const oldDeletedAnswered = await add('deleted', 200);
      await add('published', 150, { parent_id: oldDeletedAnswered, root_id: oldDeletedAnswered });
      const recentSpam = await add('spam', 10);
      const recent = await add('published', 10);
      await kysely
        .insertInto('comment_subscriptions')
        .values([
          { comment_id: oldPublished, status: 'unconfirmed', created_at: ago(200) },
          { comment_id: oldPublished, status: 'confirmed', created_at: ago(200), confirmed_at: ago(199) },
        ])
        .execute();
      await kysely
        .insertInto('comment_reports')
        .values([
          { comment_id: oldPublished, reason: 'spam', reporter: '198.51.100.7', created_at: ago(120) },
          { comment_id: recent, reason: 'spam', reporter: '198.51.100.7', created_at: ago(1) },
        ])
        .execute();
      await enqueueMail(kysely, { kind: 'test', to: 'old@example.com', subject: 's', text: 't' }, new Date(ago(200)));
      await kysely
        .updateTable('mail_outbox')
        .set({ sent_at: ago(200) })
        .execute();
      await enqueueMail(kysely, { kind: 'test', to: 'new@example.com', subject: 's', text: 't' }, new Date(ago(1)));

      const result = await purgeOldPersonalData(db(), 90, TEST_NOW);
      expect(result).toEqual({ addressesForgotten: 3, commentsRemoved: 1, mailsRemoved: 1, subscriptionsRemoved: 1, reportsRemoved: 1 });
      const left = await kysely.selectFrom('comments').select(['id', 'ip', 'ip_key', 'form_key']).orderBy('id').execute();
      expect(left.map((c) => c.id)).not.toContain(oldSpam);
      expect(left.find((c) => c.id === oldDeletedAnswered)).toMatchObject({ ip: 'forgotten', ip_key: 'forgotten', form_key: 'forgotten' });
      expect(left.find((c) => c.id === recentSpam)?.ip).toBe('192.0.2.9');
      expect(left.find((c) => c.id === recent)?.ip).toBe('192.0.2.9');
      expect((await kysely.selectFrom('mail_outbox').select('to_address').execute()).map((m) => m.to_address)).toEqual(['new@example.com']);
      expect((await kysely.selectFrom('comment_subscriptions').select('status').execute()).map((s) => s.status)).toEqual(['confirmed']);
      expect(await purgeOldPersonalData(db(), 90, TEST_NOW)).toEqual({
        addressesForgotten: 0,
        commentsRemoved: 0,
        mailsRemoved: 0,
        subscriptionsRemoved: 0,
        reportsRemoved: 0,
      });
    });
  },
  (db) => importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW).then(() => undefined),
);
