import { signId } from '../db/secrets.ts';
import type { OutgoingMail } from '../mail/outbox.ts';
import { type AlertPayload, alertHeadline, alertLines } from './alerts.rules.ts';

// The mails a follower gets. Every one carries RFC 8058 one-click unsubscribe and the management link.

export const FOLLOWER_PURPOSE = 'follower';

export interface FollowLinks {
  token: string;
  confirm: string;
  manage: string;
  unsubscribe: string;
}

/** One signed token per follower opens its confirmation, management and unsubscribe pages. */
export function followLinks(siteUrl: string, secret: string, followerId: number): FollowLinks {
  const token = signId(secret, FOLLOWER_PURPOSE, followerId);
  return {
    token,
    confirm: `${siteUrl}/follows/confirm?token=${token}`,
    manage: `${siteUrl}/follows/manage?token=${token}`,
    unsubscribe: `${siteUrl}/follows/unsubscribe?token=${token}`,
  };
}

export const unsubscribeHeaders = (links: FollowLinks) => ({
  'List-Unsubscribe': `<${links.unsubscribe}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

const footer = (links: FollowLinks) => [
  '',
  '—',
  `Change what you follow, or get a daily digest: ${links.manage}`,
  `Stop all mail from Next Season: ${links.unsubscribe}`,
];

export function confirmFollowMail({ to, name, links }: { to: string; name: string; links: FollowLinks }): OutgoingMail {
  return {
    kind: 'follow-confirm',
    to,
    subject: `Confirm: alerts about ${name} from Next Season`,
    text: [
      `Someone (we hope you) asked Next Season to email this address when ${name} is renewed, cancelled or dated.`,
      '',
      `Confirm on this page: ${links.confirm}`,
      '',
      'If this was not you, ignore this mail: nothing more will be sent.',
      ...footer(links),
    ].join('\n'),
    headers: unsubscribeHeaders(links),
  };
}

export function alertMail({ to, payload, links, siteUrl }: { to: string; payload: AlertPayload; links: FollowLinks; siteUrl: string }) {
  return {
    to,
    subject: alertHeadline(payload),
    text: [...alertLines(payload, siteUrl), ...footer(links)].join('\n'),
    headers: unsubscribeHeaders(links),
  };
}

/** A day's alerts for a digest follower, in one mail. */
export function digestMail({
  to,
  payloads,
  links,
  siteUrl,
}: {
  to: string;
  payloads: AlertPayload[];
  links: FollowLinks;
  siteUrl: string;
}) {
  const first = payloads[0] as AlertPayload;
  return {
    to,
    subject: payloads.length === 1 ? alertHeadline(first) : `${payloads.length} updates from Next Season: ${alertHeadline(first)} and more`,
    text: [...payloads.flatMap((p) => [...alertLines(p, siteUrl), '', '']), ...footer(links)].join('\n'),
    headers: unsubscribeHeaders(links),
  };
}
