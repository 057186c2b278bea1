import type { Db } from './db/database.ts';
import type { ForecastService } from './forecast/forecast.service.ts';

/** What every handler may use; tests pass their own database and clock. */
export interface AppDeps {
  db: Db;
  siteUrl: string;
  now: () => Date;
  forecasts: ForecastService;
}
