import { z } from 'zod';
import { isPlainLine, lineField } from '../web/fields.ts';
import { parseRange } from './bans.writes.ts';

// A moderator's ban form: an email address or an IP range, and why; one message naming the field at fault.

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_EMAIL = 254;

export const banInput = z
  .object({
    kind: z.enum(['email', 'ip']).catch('email'),
    value: z.string().trim().catch(''),
    reason: z.preprocess((v) => (v === undefined ? '' : v), lineField(500)).transform((r) => r || null),
  })
  .superRefine((ban, ctx) => {
    const valid =
      ban.kind === 'ip' ? parseRange(ban.value) !== null : ban.value.length <= MAX_EMAIL && isPlainLine(ban.value) && EMAIL.test(ban.value);
    if (!valid)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: ban.kind === 'ip' ? 'Enter an IP address or a range such as 203.0.113.0/24 (at most /8 wide)' : 'Enter an email address',
      });
  });

export type BanInput = z.infer<typeof banInput>;

/** The ban, or the first problem in words ("The reason must not contain control characters"). */
export function validateBan(values: Record<string, string>): { ok: true; data: BanInput } | { ok: false; error: string } {
  const parsed = banInput.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue?.path[0] === 'reason' ? `The reason ${issue.message}` : (issue?.message ?? 'Enter an email address') };
}
