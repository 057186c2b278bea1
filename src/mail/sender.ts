import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';
import { drainOutbox } from './outbox.ts';

export interface MailSender {
  /** Something was queued: send soon. */
  poke(): void;
  /** Sends everything due now; resolves when done (tests and shutdown). */
  flush(): Promise<void>;
  stop(): void;
}

/** Sends the outbox through SMTP: at once when poked, and every `intervalMs` for retries and other processes' mail. */
export function mailSender({
  db,
  smtpUrl,
  from,
  now,
  intervalMs = 5_000,
}: {
  db: Db;
  smtpUrl: string;
  from: string;
  now: () => Date;
  intervalMs?: number;
}): MailSender {
  const transport = nodemailer.createTransport(smtpUrl);
  const loop = drainLoop(() => drainOutbox(db.kysely, transport, from, now).then(() => undefined), 'mail outbox', intervalMs);
  return {
    ...loop,
    stop: () => {
      loop.stop();
      transport.close();
    },
  };
}

/**
 * Runs `drain` at once when poked (a poke while it runs makes it run again after) and every `intervalMs`,
 * for retries and for what other processes queued; never two at a time in one process.
 */
export function drainLoop(drain: () => Promise<void>, name: string, intervalMs: number): MailSender {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await drain().catch((error: Error) => console.error(`${name}: ${error.message}`));
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { poke: () => void run(), flush: run, stop: () => clearInterval(timer) };
}
