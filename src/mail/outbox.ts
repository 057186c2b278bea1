import type { Kysely, Transaction } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/schema.ts';

// Mail is written to an outbox in the same transaction as the change that causes it, then sent by
// a sender that claims each row before sending, so a crash never loses a mail and two senders never send one twice.

export interface OutgoingMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

export const MAX_ATTEMPTS = 8;
const CLAIM_MS = 5 * 60_000;

export async function enqueueMail(db: Kysely<Database> | Transaction<Database>, mail: OutgoingMail, now: Date): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      headers: JSON.stringify(mail.headers ?? {}),
      created_at: now.toISOString(),
      next_attempt_at: now.toISOString(),
    })
    .execute();
}

export interface DrainResult {
  sent: number;
  failed: number;
}

/** Sends what is due; a failure waits 1, 2, 4 … minutes before the next try. Log lines name mails by id, never by address. */
export async function drainOutbox(
  db: Kysely<Database>,
  transport: Transporter,
  from: string,
  now: () => Date,
  limit = 50,
): Promise<DrainResult> {
  const due = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .where('next_attempt_at', '<=', now().toISOString())
    .orderBy('id')
    .limit(limit)
    .execute();
  const result = { sent: 0, failed: 0 };
  for (const mail of due) {
    const claimed = await db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: new Date(now().getTime() + CLAIM_MS).toISOString() })
      .where('id', '=', mail.id)
      .where('next_attempt_at', '=', mail.next_attempt_at)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      await transport.sendMail({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        headers: JSON.parse(mail.headers),
      });
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: now().toISOString(), attempts: mail.attempts + 1 })
        .where('id', '=', mail.id)
        .execute();
      result.sent++;
    } catch (error) {
      const code = (error as { code?: string; responseCode?: number }).responseCode ?? (error as { code?: string }).code ?? 'error';
      await db
        .updateTable('mail_outbox')
        .set({
          attempts: mail.attempts + 1,
          last_error: String(code),
          next_attempt_at: new Date(now().getTime() + 60_000 * 2 ** mail.attempts).toISOString(),
        })
        .where('id', '=', mail.id)
        .execute();
      console.error(`mail #${mail.id} (${mail.kind}) not sent: ${code}; attempt ${mail.attempts + 1} of ${MAX_ATTEMPTS}`);
      result.failed++;
    }
  }
  return result;
}
