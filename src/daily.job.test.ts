import { expect, it } from 'vitest';
import { runDailyJob } from './daily.job.ts';
import { describeEachEngine, TEST_NOW } from './db/testing.ts';
import { importStarterCatalogue } from './importers/starter/starter.import.ts';
import { loadStarterCatalogue } from './importers/starter/starter.load.ts';

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
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
