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
        await drainOutbox(db.kysely, transport, from, now).catch((error: Error) => console.error(`mail outbox: ${error.message}`));
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    poke: () => void run(),
    flush: run,
    stop: () => {
      clearInterval(timer);
      transport.close();
    },
  };
}
