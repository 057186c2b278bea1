import { purgeOldPersonalData } from './comments/comments.retention.ts';
import type { Db } from './db/database.ts';
import { refreshAllStatuses } from './status/events.queries.ts';

// What changes with the calendar alone, done once a day just after midnight UTC: statuses that age ("no news
// for a year" becomes "likely cancelled") and personal data past its retention. One process at a time.

const DAILY_LOCK = 4_815_162_344;
const DAY_MS = 86_400_000;

export async function runDailyJob(db: Db, o: { retentionDays: number; now: Date }) {
  return db.exclusive(DAILY_LOCK, async () => ({
    statusesChanged: await refreshAllStatuses(db.kysely, o.now.toISOString().slice(0, 10)),
    purged: await purgeOldPersonalData(db, o.retentionDays, o.now),
  }));
}

/** Runs the job after every midnight UTC; returns a function that stops it. */
export function scheduleDailyJob(db: Db, o: { retentionDays: number; now: () => Date; afterRun?: () => Promise<void> }): () => void {
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    runDailyJob(db, { retentionDays: o.retentionDays, now: o.now() })
      .catch((error: Error) => console.error(`daily job: ${error.message}`))
      .then(o.afterRun);
  const next = () => {
    const ms = DAY_MS - (o.now().getTime() % DAY_MS) + 1000;
    timer = setTimeout(() => void run().finally(next), ms);
    timer.unref();
  };
  next();
  return () => clearTimeout(timer);
}
