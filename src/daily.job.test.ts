import { expect, it } from 'vitest';
import { followTarget } from './alerts/follows.queries.ts';
import { createWebhookFollower, requestEmailFollow } from './alerts/follows.writes.ts';
import { runDailyJob } from './daily.job.ts';
import { describeEachEngine, TEST_NOW } from './db/testing.ts';
import { importStarterCatalogue } from './importers/starter/starter.import.ts';
import { loadStarterCatalogue } from './importers/starter/starter.load.ts';
import { validateEvent } from './status/event.input.ts';
import { addEvent } from './status/events.writes.ts';

describeEachEngine(
  'the daily job',
  (db) => {
    it('gives every show its status as of the day it runs, writing only what changed', async () => {
      // As of 2019 several starter shows had seasons still to come; the catalogue was loaded as of 2026.
      const later = new Date('2019-01-01T00:00:01Z');
      const first = await runDailyJob(db(), { retentionDays: 90, now: later });
      expect(first?.statusesChanged).toBeGreaterThan(0);
      expect((await runDailyJob(db(), { retentionDays: 90, now: later }))?.statusesChanged).toBe(0);
    });

    it('runs once a day across processes when asked to: a second serving process finds the day done', async () => {
      const day = new Date('2019-02-01T00:00:01Z');
      expect(await runDailyJob(db(), { retentionDays: 90, now: day, oncePerDay: true })).not.toBeNull();
      expect(await runDailyJob(db(), { retentionDays: 90, now: day, oncePerDay: true })).toBeNull();
      const nextDay = new Date('2019-02-02T00:00:01Z');
      expect(await runDailyJob(db(), { retentionDays: 90, now: nextDay, oncePerDay: true })).not.toBeNull();
    });

    it("queues tomorrow's premieres for their followers once however often it runs, and forgets addresses never confirmed", async () => {
      const severance = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'severance').executeTakeFirstOrThrow();
      const dated = validateEvent({
        kind: 'date_announced',
        season: '3',
        date: '2026-11-20',
        announced: '2026-11-26',
        tier: 'official',
        source_url: 'https://tv.apple.com/x',
      });
      if (!dated.ok) throw new Error('fixture');
      await addEvent(db().kysely, severance.id, dated.data, null, TEST_NOW);
      // A second show premiering the same day: a site follower hears of both.
      const somos = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
      const alsoDated = validateEvent({
        ...dated.data,
        season: '2',
        source_url: 'https://netflix.com/x',
        date: '2026-11-20',
        announced: '2026-11-26',
      });
      if (!alsoDated.ok) throw new Error('fixture');
      await addEvent(db().kysely, somos.id, alsoDated.data, null, TEST_NOW);
      const site = await followTarget(db().kysely, {});
      await createWebhookFollower(
        db().kysely,
        { url: 'https://example.com/hook', targets: [site as never], threshold: null, ipKey: 'k' },
        TEST_NOW,
      );
      const ask = { now: new Date(TEST_NOW.getTime() - 8 * 86_400_000), siteUrl: 'https://x.test', secret: 's' };
      await requestEmailFollow(db().kysely, { email: 'never@example.com', target: site as never, threshold: null, ipKey: 'k' }, ask);

      const first = await runDailyJob(db(), { retentionDays: 90, now: TEST_NOW });
      expect(first?.alertsQueued).toBeGreaterThanOrEqual(1);
      const rows = await db().kysely.selectFrom('alert_outbox').select(['kind', 'alert_key']).where('show_id', '=', severance.id).execute();
      expect(rows).toEqual([{ kind: 'premiere_tomorrow', alert_key: `premiere:${severance.id}:3:2026-11-26:premiere_tomorrow` }]);
      const both = await db()
        .kysely.selectFrom('alert_outbox')
        .select(['show_id', 'payload'])
        .where('kind', '=', 'premiere_tomorrow')
        .execute();
      expect(both.map((r) => r.show_id).sort()).toEqual([severance.id, somos.id].sort());
      // The reminder cites the announcement that set the day.
      expect(JSON.parse(both.find((r) => r.show_id === severance.id)?.payload ?? '{}').event.source.url).toBe('https://tv.apple.com/x');
      expect(first?.purged.unconfirmedFollowers).toBe(1);
      expect((await runDailyJob(db(), { retentionDays: 90, now: TEST_NOW }))?.alertsQueued).toBe(0);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
