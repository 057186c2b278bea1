import { type ChanceOf, queueForecastAlerts, queuePremiereAlerts } from './alerts/alerts.queue.ts';
import { purgeFollowerData } from './alerts/follows.retention.ts';
import { premieres } from './catalog/calendar.queries.ts';
import { purgeOldPersonalData } from './comments/comments.retention.ts';
import type { Db } from './db/database.ts';
import { refreshAllStatuses } from './status/events.queries.ts';

// What changes with the calendar alone, done once a day just after midnight UTC: statuses that age ("no news
// for a year" becomes "likely cancelled"), alerts for premieres today and tomorrow and for forecasts that
// crossed a follower's threshold, and personal data past its retention. Once a day across processes.

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

export interface DailyResult {
  statusesChanged: number;
  alertsQueued: number;
  purged: Record<string, number>;
}

/**
 * The day's job. With `oncePerDay` (serving processes), a day another process has done already is skipped
 * (null): the lock makes them take turns, and job_runs says the day is done.
 */
export async function runDailyJob(db: Db, o: DailyOptions & { now: Date; oncePerDay?: boolean }): Promise<DailyResult | null> {
  const day = o.now.toISOString().slice(0, 10);
  return db.exclusive(DAILY_LOCK, async () => {
    if (o.oncePerDay && (await dayDone(db, day))) return null;
    const result = {
      statusesChanged: await refreshAllStatuses(db.kysely, day),
      alertsQueued:
        (await queuePremiereAlerts(db.kysely, await premieresSoon(db, o.now), o.now)) +
        (o.chanceOf ? await queueForecastAlerts(db.kysely, o.chanceOf, o.now) : 0),
      purged: {
        ...(await purgeOldPersonalData(db, o.retentionDays, o.now)),
        ...(await purgeFollowerData(db.kysely, o.retentionDays, o.now)),
      },
    };
    await db.kysely
      .insertInto('job_runs')
      .values({ name: 'daily', period: day, finished_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['name', 'period']).doUpdateSet({ finished_at: new Date().toISOString() }))
      .execute();
    return result;
  });
}

async function dayDone(db: Db, day: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('job_runs')
    .select('period')
    .where('name', '=', 'daily')
    .where('period', '=', day)
    .executeTakeFirst();
  return row !== undefined;
}

/** Runs the job after every midnight UTC; returns a function that stops it. */
export function scheduleDailyJob(db: Db, o: DailyOptions & { now: () => Date; afterRun?: () => Promise<void> }): () => void {
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    runDailyJob(db, { ...o, now: o.now(), oncePerDay: true })
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
