import { expect, it, vi } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { validateEvent } from '../status/event.input.ts';
import { addEvent } from '../status/events.writes.ts';
import { forecastService } from './forecast.service.ts';
import * as train from './train.ts';

vi.mock('./train.ts', async (original) => {
  const real = await original<typeof train>();
  return { ...real, trainModel: vi.fn(real.trainModel) };
});

describeEachEngine(
  'forecast service',
  (db) => {
    it('trains once for a warm-up and the pages that ask while it runs, and again only on a new day, while a new event counts at once', async () => {
      const trainings = vi.mocked(train.trainModel);
      trainings.mockClear();
      const forecasts = forecastService(db());
      const [, somos, dark] = await Promise.all([
        forecasts.warm(TEST_NOW),
        forecasts.forShow('somos', TEST_NOW),
        forecasts.forShow('dark', TEST_NOW),
      ]);
      expect(somos?.forecast.nextSeason).toBe(2);
      expect(dark).not.toBeNull();
      expect(trainings).toHaveBeenCalledTimes(1);
      // An editor's renewal counts on the show's page at once, without training again.
      const renewal = validateEvent({
        kind: 'renewed',
        season: '2',
        date: '2026-11-24',
        tier: 'official',
        source_url: 'https://netflix.com/somos',
      });
      if (!renewal.ok) throw new Error('fixture');
      const somosId = (await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow()).id;
      await addEvent(db().kysely, somosId, renewal.data, null, TEST_NOW);
      const renewed = await forecasts.forShow('somos', TEST_NOW);
      expect(renewed?.forecast.basis).not.toBe(somos?.forecast.basis);
      expect(trainings).toHaveBeenCalledTimes(1);
      await forecasts.forShow('somos', new Date(TEST_NOW.getTime() + 86_400_000));
      expect(trainings).toHaveBeenCalledTimes(2);
    });
  },
  (db) => importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW).then(() => undefined),
);
