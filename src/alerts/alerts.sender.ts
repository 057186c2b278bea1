import { sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/database.ts';
import { siteSecret } from '../db/secrets.ts';
import { drainLoop, type MailSender } from '../mail/sender.ts';
import { type AlertPayload, MAX_ATTEMPTS, nextAttempt, webhookBody } from './alerts.rules.ts';
import { alertMail, digestMail, followLinks } from './follow.mails.ts';
import { disableFollower } from './follows.writes.ts';
import { webhookUrlProblem } from './webhook.address.ts';

// Sends the alert outbox. A sender claims due rows (FOR UPDATE SKIP LOCKED on PostgreSQL, so several processes
// share the work; SQLite has one writer) for a while, delivers, then marks each sent. A sender killed mid-way
// leaves its rows to be claimed again once the claim runs out: a webhook may then get a row twice, always
// with the same webhook-id, and a mail twice with the same Message-ID, which mailbox deduplication drops.

export interface AlertSenderOptions {
  db: Db;
  siteUrl: string;
  /** Unset: email followers' alerts wait in the outbox until mail is configured. */
  smtpUrl: string | null;
  from: string;
  now: () => Date;
  /** Tests send webhooks to 127.0.0.1; production refuses private addresses. */
  allowPrivateWebhooks?: boolean;
  claimMs?: number;
  batch?: number;
  /** Deliveries in flight at once. */
  parallel?: number;
  random?: () => number;
}

interface Claimed {
  id: number;
  follower_id: number;
  kind: string;
  payload: string;
  attempts: number;
}

interface Follower {
  id: number;
  channel: 'email' | 'webhook';
  email: string | null;
  url: string | null;
  secret: string | null;
  digest: string;
}

type Outcome = { ok: true } | { ok: false; error: string; permanent: boolean };

const WEBHOOK_TIMEOUT_MS = 10_000;

/** Claims up to `limit` due rows of active followers; they are this sender's until `until`. */
async function claimDue(db: Db, now: Date, until: Date, limit: number): Promise<Claimed[]> {
  const lock = db.engine === 'postgres' ? sql`for update of o skip locked` : sql``;
  const stamp = now.toISOString();
  const { rows } = await sql<Claimed>`
    update alert_outbox set claimed_until = ${until.toISOString()}
    where id in (
      select o.id from alert_outbox o inner join followers f on f.id = o.follower_id
      where o.sent_at is null and o.dead_at is null and o.due_at <= ${stamp}
        and (o.claimed_until is null or o.claimed_until < ${stamp}) and f.status = 'active'
      order by o.due_at, o.id limit ${limit} ${lock})
    returning id, follower_id, kind, payload, attempts`.execute(db.kysely);
  return rows.sort((a, b) => a.id - b.id);
}

async function markSent(db: Db, ids: number[], now: Date) {
  await db.kysely
    .updateTable('alert_outbox')
    .set((eb) => ({ sent_at: now.toISOString(), claimed_until: null, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', ids)
    .execute();
}

async function markFailed(db: Db, row: Claimed, outcome: Extract<Outcome, { ok: false }>, now: Date, random: number): Promise<boolean> {
  const attempts = row.attempts + 1;
  const next = outcome.permanent ? null : nextAttempt(attempts, now, random);
  await db.kysely
    .updateTable('alert_outbox')
    .set({
      attempts,
      last_error: outcome.error.slice(0, 300),
      claimed_until: null,
      ...(next ? { due_at: next.toISOString() } : { dead_at: now.toISOString() }),
    })
    .where('id', '=', row.id)
    .execute();
  return next === null;
}

/** Alerts still to deliver now, claimed or not: zero once a sender's work (and a dead sender's) is done. */
export async function countDue(db: Db, now: Date): Promise<number> {
  const row = await db.kysely
    .selectFrom('alert_outbox as o')
    .innerJoin('followers as f', 'f.id', 'o.follower_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('o.sent_at', 'is', null)
    .where('o.dead_at', 'is', null)
    .where('o.due_at', '<=', now.toISOString())
    .where('f.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One sender: `poke()` after queueing, `flush()` to send all that is due now. */
export function alertSender(o: AlertSenderOptions): MailSender & { drain(): Promise<{ sent: number; failed: number }> } {
  const transport: Transporter | null = o.smtpUrl
    ? nodemailer.createTransport({ url: o.smtpUrl, pool: true, maxConnections: 4 } as never)
    : null;
  const host = new URL(o.siteUrl).hostname;
  const random = o.random ?? Math.random;
  const linkSecret = () => siteSecret(o.db.kysely, 'follow-links');

  async function sendEmail(f: Follower, rows: Claimed[]): Promise<Outcome> {
    if (!transport || !f.email) return { ok: false, error: 'no mail server configured', permanent: false };
    const links = followLinks(o.siteUrl, await linkSecret(), f.id);
    const payloads = rows.map((r) => JSON.parse(r.payload) as AlertPayload);
    const mail =
      payloads.length === 1
        ? alertMail({ to: f.email, payload: payloads[0] as AlertPayload, links, siteUrl: o.siteUrl })
        : digestMail({ to: f.email, payloads, links, siteUrl: o.siteUrl });
    try {
      // The Message-ID is the row's: a mail sent again after a crash is the same mail to the mailbox.
      await transport.sendMail({ from: o.from, ...mail, messageId: `<alert-${rows.map((r) => r.id).join('-')}@${host}>` });
      return { ok: true };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      return {
        ok: false,
        error: `SMTP ${code ?? (error as { code?: string }).code ?? 'error'}`,
        permanent: code !== undefined && code >= 500,
      };
    }
  }

  async function sendWebhook(f: Follower, row: Claimed): Promise<Outcome> {
    if (!f.url || !f.secret) return { ok: false, error: 'endpoint has no URL', permanent: true };
    const refused = await webhookUrlProblem(f.url, o.allowPrivateWebhooks ?? false);
    if (refused) return { ok: false, error: `URL ${refused}`, permanent: true };
    const at = o.now();
    const body = JSON.stringify(webhookBody(JSON.parse(row.payload) as AlertPayload, o.siteUrl, at));
    const id = `msg_alert_${row.id}`;
    try {
      const res = await fetch(f.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'NextSeason-Webhooks/1',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': new Webhook(f.secret).sign(id, at, body),
        },
        body,
      });
      await res.body?.cancel();
      if (res.ok) return { ok: true };
      // 410 Gone is the receiver saying it wants no more (Standard Webhooks).
      return { ok: false, error: `HTTP ${res.status}`, permanent: res.status === 410 };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      return { ok: false, error: e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message), permanent: false };
    }
  }

  /** Delivers one follower's claimed rows: one mail (a digest if several), or one POST per row. */
  async function deliver(f: Follower, rows: Claimed[], result: { sent: number; failed: number }) {
    const batches = f.channel === 'email' && f.digest === 'daily' ? [rows] : rows.map((r) => [r]);
    for (const batch of batches) {
      const outcome = f.channel === 'email' ? await sendEmail(f, batch) : await sendWebhook(f, batch[0] as Claimed);
      const now = o.now();
      if (outcome.ok) {
        await markSent(
          o.db,
          batch.map((r) => r.id),
          now,
        );
        result.sent += batch.length;
        continue;
      }
      result.failed += batch.length;
      let gaveUp = false;
      for (const row of batch) gaveUp = (await markFailed(o.db, row, outcome, now, random())) || gaveUp;
      console.error(`alert #${batch[0]?.id} to follower #${f.id} (${f.channel}) not delivered: ${outcome.error}`);
      if (gaveUp) {
        const tries = outcome.permanent ? 'at once' : `after ${MAX_ATTEMPTS} tries over a day`;
        await disableFollower(o.db.kysely, f.id, `${outcome.error}; given up ${tries} on ${now.toISOString().slice(0, 16)}Z`, now);
        return;
      }
    }
  }

  async function drain() {
    const result = { sent: 0, failed: 0 };
    for (;;) {
      const now = o.now();
      const rows = await claimDue(o.db, now, new Date(now.getTime() + (o.claimMs ?? 120_000)), o.batch ?? 200);
      if (rows.length === 0) return result;
      const followers = await o.db.kysely
        .selectFrom('followers')
        .select(['id', 'channel', 'email', 'url', 'secret', 'digest'])
        .where('id', 'in', [...new Set(rows.map((r) => r.follower_id))])
        .execute();
      const queue = followers.map((f) => ({ f, rows: rows.filter((r) => r.follower_id === f.id) }));
      const workers = Array.from({ length: o.parallel ?? 8 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await deliver(job.f, job.rows, result);
      });
      await Promise.all(workers);
    }
  }

  const loop = drainLoop(() => drain().then(() => undefined), 'alert outbox', 5_000);
  return {
    ...loop,
    drain,
    stop: () => {
      loop.stop();
      transport?.close();
    },
  };
}
