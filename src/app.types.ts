import type { Db } from './db/database.ts';
import type { ForecastService } from './forecast/forecast.service.ts';
import type { MailSender } from './mail/sender.ts';

/** What every handler may use; tests pass their own database and clock. */
export interface AppDeps {
  db: Db;
  siteUrl: string;
  now: () => Date;
  forecasts: ForecastService;
  /** Sends queued mail; absent when no SMTP server is configured (readers are then not offered reply mail). */
  mail?: MailSender | null;
  /** Behind a reverse proxy: take the reader's address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** Bytes the response caches (pages, API) may hold together. */
  cacheBytes?: number;
}
