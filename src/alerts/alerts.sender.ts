import { sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/database.ts';
import { siteSecret } from '../db/secrets.ts';
import { drainLoop, type MailSender } from '../mail/sender.ts';
import { type AlertPayload, MAX_ATTEMPTS, nextAttempt, webhookBody } from './alerts.rules.ts';
import { alertMail, digestMail, followLinks } from './follow.mails.ts';
import { disableFollower } from './follows.writes.ts';
import { postWebhook } from './webhook.address.ts';

// Sends the alert outbox. A sender claims every due row of a few followers (FOR UPDATE SKIP LOCKED on
// PostgreSQL, so several processes share the work; SQLite has one writer) for a while, delivers, then marks
// each sent; it starts no delivery it could not finish inside its claim, so no other sender takes a row it is
// still sending. A sender killed mid-way leaves its rows to be claimed again once the claim runs out: a webhook
// may then get a row twice, always with the same webhook-id, and a mail twice with the same Message-ID (a
// digest's too: it is made of all its follower's due rows), which mailbox deduplication drops. A sender that
// stops (SIGTERM) finishes its deliveries in flight and hands back the rows it had not started.

export interface AlertSenderOptions {
  db: Db;
  siteUrl: string;
  /** Unset: email followers' alerts wait in the outbox until mail is configured. */
  smtpUrl: string | null;
  from: string;
  now: () => Date;
  /** Tests send webhooks to 127.0.0.1; production refuses private addresses. */
  allowPrivateWebhooks?: boolean;
  /** How long a claim holds its rows (default two minutes). */
  claimMs?: number;
  /** Followers claimed at once (default 50). */
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
// A delivery starts only with its timeout and this margin left in its claim (or half a claim, if claims are
// set shorter than that, as tests do).
const CLAIM_MARGIN_MS = 5_000;

/**
 * Claims every due row of up to `limit` followers (a digest must go out whole); they are this sender's until
 * `until`. Without a mail server, email followers' rows wait unclaimed.
 */
async function claimDue(db: Db, now: Date, until: Date, limit: number, withEmail: boolean): Promise<Claimed[]> {
  const lock = db.engine === 'postgres' ? sql`for update of o skip locked` : sql``;
  const stamp = now.toISOString();
  const channels = withEmail ? sql`('email', 'webhook')` : sql`('webhook')`;
  const due = (o: string) => sql`${sql.ref(`${o}.sent_at`)} is null and ${sql.ref(`${o}.dead_at`)} is null
        and ${sql.ref(`${o}.due_at`)} <= ${stamp}
        and (${sql.ref(`${o}.claimed_until`)} is null or ${sql.ref(`${o}.claimed_until`)} < ${stamp})`;
  // The followers of the first due rows (in the due index's order), then every due row of theirs.
  const { rows } = await sql<Claimed>`
    update alert_outbox set claimed_until = ${until.toISOString()}
    where id in (
      select o.id from alert_outbox o
      where ${due('o')} and o.follower_id in (
        select n.follower_id from alert_outbox n inner join followers f on f.id = n.follower_id
        where ${due('n')} and f.status = 'active' and f.channel in ${channels}
        order by n.due_at, n.id limit ${limit})
      ${lock})
    returning id, follower_id, kind, payload, attempts`.execute(db.kysely);
  return rows.sort((a, b) => a.id - b.id);
}

/** Hands back claimed rows not delivered: the next sender takes them at once. */
async function release(db: Db, ids: number[]) {
  if (ids.length === 0) return;
  await db.kysely.updateTable('alert_outbox').set({ claimed_until: null }).where('id', 'in', ids).where('sent_at', 'is', null).execute();
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
export function alertSender(
  o: AlertSenderOptions,
): MailSender & { drain(): Promise<{ sent: number; failed: number }>; shutdown(): Promise<void> } {
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
    const at = o.now();
    const body = JSON.stringify(webhookBody(JSON.parse(row.payload) as AlertPayload, o.siteUrl, at));
    const id = `msg_alert_${row.id}`;
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'NextSeason-Webhooks/1',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(f.secret).sign(id, at, body),
    };
    const answer = await postWebhook(f.url, headers, body, {
      allowPrivate: o.allowPrivateWebhooks ?? false,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    });
    if (answer.refused) return { ok: false, error: 'URL points at a private address', permanent: true };
    if (answer.status === null) return { ok: false, error: answer.error ?? 'no answer', permanent: false };
    if (answer.status >= 200 && answer.status < 300) return { ok: true };
    // 410 Gone is the receiver saying it wants no more (Standard Webhooks).
    return { ok: false, error: `HTTP ${answer.status}`, permanent: answer.status === 410 };
  }

  /** Rows claimed and not yet finished: what a stop hands back. */
  const held = new Set<number>();
  const claimMs = o.claimMs ?? 120_000;
  const guardMs = Math.min(WEBHOOK_TIMEOUT_MS + CLAIM_MARGIN_MS, claimMs / 2);
  let stopping = false;

  /** Delivers one follower's claimed rows: one mail (a digest if several), or one POST per row. */
  async function deliver(f: Follower, rows: Claimed[], until: number, result: { sent: number; failed: number }) {
    const batches = f.channel === 'email' && f.digest === 'daily' ? [rows] : rows.map((r) => [r]);
    for (const batch of batches) {
      // Too close to the claim's end (or stopping): the rest waits for a sender with time to finish it.
      if (stopping || o.now().getTime() + guardMs > until) return;
      const outcome = f.channel === 'email' ? await sendEmail(f, batch) : await sendWebhook(f, batch[0] as Claimed);
      const now = o.now();
      for (const row of batch) held.delete(row.id);
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
      // The follower's number and the reason only: never its address or URL.
      console.error(`alert #${batch[0]?.id} to follower #${f.id} (${f.channel}) not delivered: ${outcome.error}`);
      // A mail server we cannot reach is our fault, not the follower's: only a webhook or a bounced mailbox stops a follower.
      if (gaveUp && (f.channel === 'webhook' || outcome.permanent)) {
        const tries = outcome.permanent ? 'at once' : `after ${MAX_ATTEMPTS} tries over a day`;
        await disableFollower(o.db.kysely, f.id, `${outcome.error}; given up ${tries} on ${now.toISOString().slice(0, 16)}Z`, now);
        return;
      }
    }
  }

  async function drain() {
    const result = { sent: 0, failed: 0 };
    while (!stopping) {
      const now = o.now();
      const until = now.getTime() + claimMs;
      const rows = await claimDue(o.db, now, new Date(until), o.batch ?? 50, transport !== null);
      if (rows.length === 0) return result;
      for (const r of rows) held.add(r.id);
      const followers = await o.db.kysely
        .selectFrom('followers')
        .select(['id', 'channel', 'email', 'url', 'secret', 'digest'])
        .where('id', 'in', [...new Set(rows.map((r) => r.follower_id))])
        .execute();
      const queue = followers.map((f) => ({ f, rows: rows.filter((r) => r.follower_id === f.id) }));
      const workers = Array.from({ length: o.parallel ?? 8 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await deliver(job.f, job.rows, until, result);
      });
      await Promise.all(workers);
      // What a follower's turn left undone (the claim ran short) goes back at once.
      await release(
        o.db,
        rows.filter((r) => held.delete(r.id)).map((r) => r.id),
      );
    }
    return result;
  }

  const loop = drainLoop(() => drain().then(() => undefined), 'alert outbox', 5_000);
  return {
    ...loop,
    drain,
    stop: () => {
      loop.stop();
      transport?.close();
    },
    /** Stops claiming, lets deliveries in flight finish, and hands back every row not delivered. */
    async shutdown() {
      stopping = true;
      loop.stop();
      await loop.flush();
      await release(o.db, [...held.keys()]);
      held.clear();
      transport?.close();
    },
  };
}
