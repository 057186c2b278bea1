import { expect, it, vi } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { forecastService } from './forecast.service.ts';
import * as train from './train.ts';

vi.mock('./train.ts', async (original) => {
  const real = await original<typeof train>();
  return { ...real, trainModel: vi.fn(real.trainModel) };
});

describeEachEngine(
  'forecast service',
  (db) => {
    it('trains once for a warm-up and the pages that ask while it runs, and again only on a new day', async () => {
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
      await forecasts.forShow('somos', new Date(TEST_NOW.getTime() + 86_400_000));
      expect(trainings).toHaveBeenCalledTimes(2);
    });
  },
  (db) => importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW).then(() => undefined),
);
