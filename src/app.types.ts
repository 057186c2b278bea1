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
  /** Sends queued alerts (mail and webhooks); poked after a write that may have queued some. */
  alerts?: MailSender | null;
  /** Webhooks may point at loopback and private addresses (tests only). */
  allowPrivateWebhooks?: boolean;
  /** Behind a reverse proxy: take the reader's address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** Bytes the response caches (pages, API) may hold together. */
  cacheBytes?: number;
}
