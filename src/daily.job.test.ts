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
      expect(first.statusesChanged).toBeGreaterThan(0);
      expect((await runDailyJob(db(), { retentionDays: 90, now: later })).statusesChanged).toBe(0);
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
      const site = await followTarget(db().kysely, {});
      await createWebhookFollower(
        db().kysely,
        { url: 'https://example.com/hook', targets: [site as never], threshold: null, ipKey: 'k' },
        TEST_NOW,
      );
      const ask = { now: new Date(TEST_NOW.getTime() - 8 * 86_400_000), siteUrl: 'https://x.test', secret: 's' };
      await requestEmailFollow(db().kysely, { email: 'never@example.com', target: site as never, threshold: null, ipKey: 'k' }, ask);

      const first = await runDailyJob(db(), { retentionDays: 90, now: TEST_NOW });
      expect(first.alertsQueued).toBeGreaterThanOrEqual(1);
      const rows = await db().kysely.selectFrom('alert_outbox').select(['kind', 'alert_key']).where('show_id', '=', severance.id).execute();
      expect(rows).toEqual([{ kind: 'premiere_tomorrow', alert_key: 'premiere:3:2026-11-26:premiere_tomorrow' }]);
      expect(first.purged.unconfirmedFollowers).toBe(1);
      expect((await runDailyJob(db(), { retentionDays: 90, now: TEST_NOW })).alertsQueued).toBe(0);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
