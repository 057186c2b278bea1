import type { CommentStatus } from '../db/schema.ts';
import { skeleton } from './text.rules.ts';

// What happens to a submitted comment: pure rules, `now` passed in.

export const LIMITS = { name: 60, email: 254, website: 200, body: 5000, links: 2 } as const;

export const RATE = {
  perIp: [
    { windowMs: 60_000, max: 5 },
    { windowMs: 3_600_000, max: 30 },
  ],
  perEmail: [
    { windowMs: 60_000, max: 3 },
    { windowMs: 3_600_000, max: 15 },
  ],
} as const;

/** How many reports from different readers send a published comment back to the queue. */
export const REPORTS_TO_HOLD = 3;

/** Words that hold a comment for a moderator; matched as they look, so "vіagra" with a Cyrillic і counts. */
export const RESTRICTED_WORDS = [
  'viagra',
  'cialis',
  'casino',
  'betting tips',
  'payday loan',
  'escort service',
  'crypto giveaway',
  'free followers',
  'buy followers',
  'essay writing service',
  'watch free online',
  'full episodes free',
];

const RESERVED_NAMES = ['admin', 'administrator', 'moderator', 'editor', 'nextseason', 'staff', 'support'];

export function restrictedWord(text: string, words: readonly string[] = RESTRICTED_WORDS): string | null {
  const seen = ` ${skeleton(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return words.find((w) => seen.includes(` ${skeleton(w)} `)) ?? null;
}

/** A name that reads as the site's own staff, in any alphabet or spacing. */
export function reservedName(name: string): boolean {
  const s = skeleton(name).replace(/[^\p{L}]+/gu, '');
  return RESERVED_NAMES.some((r) => s === skeleton(r) || s === `the${skeleton(r)}`);
}

/** Links a comment carries: URLs, www. addresses and Markdown links. */
export function countLinks(body: string): number {
  const urls = body.match(/\b(?:https?:\/\/|www\.)[^\s<>()]+/gi)?.length ?? 0;
  const bracketed = body.match(/\]\((?!https?:\/\/|www\.)[^)\s]+\)/gi)?.length ?? 0;
  return urls + bracketed;
}

export interface RateVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
  by: 'address' | 'email' | null;
}

/** `ipTimes` and `emailTimes` are the times (ms) of recent comments from this IP and this email. */
export function rateVerdict(ipTimes: readonly number[], emailTimes: readonly number[], now: number): RateVerdict {
  const wait = (times: readonly number[], rules: readonly { windowMs: number; max: number }[]) =>
    Math.max(
      0,
      ...rules.map(({ windowMs, max }) => {
        const inside = times.filter((t) => t > now - windowMs).sort((a, b) => a - b);
        return inside.length >= max ? (inside[inside.length - max] as number) + windowMs - now : 0;
      }),
    );
  const ip = wait(ipTimes, RATE.perIp);
  const email = wait(emailTimes, RATE.perEmail);
  const ms = Math.max(ip, email);
  return { allowed: ms <= 0, retryAfterSeconds: Math.max(0, Math.ceil(ms / 1000)), by: ms <= 0 ? null : ip >= email ? 'address' : 'email' };
}

export interface Placement {
  status: CommentStatus;
  reason: string | null;
}

/** Where a comment that passed the checks goes: spam, the moderators' queue, or straight onto the page. */
export function placeComment(s: { honeypot: boolean; approvedAuthor: boolean; restricted: string | null }): Placement {
  if (s.honeypot) return { status: 'spam', reason: 'the hidden field was filled in' };
  if (s.restricted) return { status: 'pending', reason: `contains a restricted word: “${s.restricted}”` };
  if (!s.approvedAuthor) return { status: 'pending', reason: 'first comment from this address' };
  return { status: 'published', reason: null };
}

export const MODERATION_ACTIONS = {
  approve: 'published',
  hide: 'hidden',
  spam: 'spam',
  delete: 'deleted',
  hold: 'pending',
} as const satisfies Record<string, CommentStatus>;
export type ModerationAction = keyof typeof MODERATION_ACTIONS;
