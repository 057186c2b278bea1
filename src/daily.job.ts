import { type ChanceOf, queueForecastAlerts, queuePremiereAlerts } from './alerts/alerts.queue.ts';
import { purgeFollowerData } from './alerts/follows.retention.ts';
import { premieres } from './catalog/calendar.queries.ts';
import { purgeOldPersonalData } from './comments/comments.retention.ts';
import type { Db } from './db/database.ts';
import { refreshAllStatuses } from './status/events.queries.ts';

// What changes with the calendar alone, done once a day just after midnight UTC: statuses that age ("no news
// for a year" becomes "likely cancelled"), alerts for premieres today and tomorrow and for forecasts that
// crossed a follower's threshold, and personal data past its retention. One process at a time.

const DAILY_LOCK = 4_815_162_344;
const DAY_MS = 86_400_000;

export interface DailyOptions {
  retentionDays: number;
  /** The forecaster's chance of a next season within a year; unset, no forecast alerts are queued. */
  chanceOf?: ChanceOf;
}

/** Seasons premiering today or tomorrow, to the day. */
function premieresSoon(db: Db, now: Date) {
  const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  return premieres(db.kysely, { from: day(0), to: day(1), precisions: ['day'], filter: { kind: 'all' }, limit: 10_000 });
}

export async function runDailyJob(db: Db, o: DailyOptions & { now: Date }) {
  return db.exclusive(DAILY_LOCK, async () => ({
    statusesChanged: await refreshAllStatuses(db.kysely, o.now.toISOString().slice(0, 10)),
    alertsQueued:
      (await queuePremiereAlerts(db.kysely, await premieresSoon(db, o.now), o.now)) +
      (o.chanceOf ? await queueForecastAlerts(db.kysely, o.chanceOf, o.now) : 0),
    purged: {
      ...(await purgeOldPersonalData(db, o.retentionDays, o.now)),
      ...(await purgeFollowerData(db.kysely, o.retentionDays, o.now)),
    },
  }));
}

/** Runs the job after every midnight UTC; returns a function that stops it. */
export function scheduleDailyJob(db: Db, o: DailyOptions & { now: () => Date; afterRun?: () => Promise<void> }): () => void {
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    runDailyJob(db, { ...o, now: o.now() })
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
