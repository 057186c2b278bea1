import { createHash } from 'node:crypto';
import { z } from 'zod';
import { errorsByField, idField } from '../web/fields.ts';
import { safeHttpUrl } from '../web/urls.ts';
import { countLinks, LIMITS, reservedName } from './comment.rules.ts';
import { cleanBody, cleanLine, skeleton } from './text.rules.ts';

// A reader's comment form, checked field by field; every message says what is wrong and how to fix it.

const line = (label: string, max: number) =>
  z
    .string({ message: `${label} is required` })
    .transform(cleanLine)
    .pipe(z.string().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`));

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean());

export const commentInput = z.object({
  name: line('Your name', LIMITS.name).refine((n) => !reservedName(n), 'That name is kept for the site’s own staff; choose another'),
  email: z
    .string({ message: 'Your email is required' })
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .min(1, 'Your email is required')
        .max(LIMITS.email, `Your email must be at most ${LIMITS.email} characters`)
        .pipe(z.email('Enter an email address like name@example.com')),
    ),
  website: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform(cleanLine)
      .pipe(
        z
          .string()
          .max(LIMITS.website, `The website must be at most ${LIMITS.website} characters`)
          .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: 'The website must be an http:// or https:// address' }))
          .refine(
            (url) => safeHttpUrl(url) !== null,
            'The website must be an http:// or https:// address, without a user name or password',
          ),
      )
      .optional(),
  ),
  body: z
    .string({ message: 'Write a comment' })
    .transform(cleanBody)
    .pipe(
      z
        .string()
        .min(1, 'Write a comment')
        .max(LIMITS.body, `The comment must be at most ${LIMITS.body} characters`)
        .refine((b) => countLinks(b) <= LIMITS.links, `A comment may carry at most ${LIMITS.links} links`),
    ),
  season: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: 'Choose a season' }).int('Choose a season').min(1, 'Choose a season').max(999, 'Choose a season').optional(),
  ),
  parent: z.preprocess(blankToUndefined, idField('No such comment to reply to').optional()),
  spoiler: checkbox,
  notify: checkbox,
});

export type CommentInput = z.infer<typeof commentInput>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

export function validateComment(values: Record<string, string>): Checked<CommentInput> {
  const parsed = commentInput.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: errorsByField(parsed.error, 'body') };
}

/**
 * One key per mailbox: lower case, "+tag" dropped, and Gmail's dots (which it ignores) removed, so
 * "Ana.Lopez+tv@gmail.com" and "analopez@googlemail.com" count as one address for trust, limits and bans.
 */
export function emailKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).split('+')[0] || address.slice(0, at);
  const domain = address.slice(at + 1);
  const gmail = domain === 'gmail.com' || domain === 'googlemail.com';
  return gmail ? `${local.replace(/\./g, '')}@gmail.com` : `${local}@${domain}`;
}

/** A name as it looks, for matching an approved commenter's name: "Ana", " ana " and "АNA" (Cyrillic А) alike. */
export const nameKey = (name: string) => skeleton(name).replace(/\s+/g, ' ').trim();

/** The text as it looks, for spotting the same comment sent twice. */
export const bodyHash = (body: string) =>
  createHash('sha256').update(body.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex');
