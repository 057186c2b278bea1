import { createHmac } from 'node:crypto';
import { sameToken } from '../accounts/accounts.queries.ts';
import type { OutgoingMail } from '../mail/outbox.ts';

// The two mails a commenter can get. Each carries a one-click unsubscribe (RFC 8058) and a link to it.

/** A subscription's token: its id, signed, so links need no stored secret per reader. */
export function subscriptionToken(secret: string, id: number): string {
  return `${id}.${createHmac('sha256', secret).update(`subscription.${id}`).digest('base64url')}`;
}

export function subscriptionFromToken(secret: string, token: string): number | null {
  const id = Number(token.split('.')[0]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return sameToken(token, subscriptionToken(secret, id)) ? id : null;
}

interface MailContext {
  siteUrl: string;
  to: string;
  token: string;
  showTitle: string;
}

function unsubscribeHeaders(unsubscribe: string) {
  return { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export function confirmationMail({ siteUrl, to, token, showTitle }: MailContext): OutgoingMail {
  const confirm = `${siteUrl}/comments/subscriptions/confirm?token=${token}`;
  const unsubscribe = `${siteUrl}/comments/subscriptions/unsubscribe?token=${token}`;
  return {
    kind: 'comment-confirm',
    to,
    subject: `Confirm reply notifications for your comment on ${showTitle}`,
    text: [
      `You asked Next Season to email you when someone replies to your comment on ${showTitle}.`,
      '',
      `Confirm here: ${confirm}`,
      '',
      'If this was not you, ignore this mail: nothing more will be sent.',
      `Stop all mail about this comment: ${unsubscribe}`,
    ].join('\n'),
    headers: unsubscribeHeaders(unsubscribe),
  };
}

export function replyMail(ctx: MailContext & { replier: string; replyText: string; replyUrl: string }): OutgoingMail {
  const unsubscribe = `${ctx.siteUrl}/comments/subscriptions/unsubscribe?token=${ctx.token}`;
  const quoted = ctx.replyText.length > 1200 ? `${ctx.replyText.slice(0, 1200)}…` : ctx.replyText;
  return {
    kind: 'comment-reply',
    to: ctx.to,
    subject: `${ctx.replier} replied to your comment on ${ctx.showTitle}`,
    text: [
      `${ctx.replier} replied to your comment on ${ctx.showTitle}:`,
      '',
      ...quoted.split('\n').map((l) => `> ${l}`),
      '',
      `Read and answer: ${ctx.replyUrl}`,
      '',
      `Stop these mails: ${unsubscribe}`,
    ].join('\n'),
    headers: unsubscribeHeaders(unsubscribe),
  };
}
