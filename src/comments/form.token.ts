import { createHmac, randomBytes } from 'node:crypto';
import { sameToken } from '../accounts/accounts.queries.ts';

// The comment form's token: when the form was served, bound to the reader's CSRF cookie and signed.
// It proves the post came from our page (CSRF) and that a person had time to read it (bots post at once).

export const FORM_COOKIE = 'ns_form';
export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 2 * 86_400_000;

export const newFormCookie = () => randomBytes(24).toString('base64url');

const sign = (secret: string, issued: number, cookie: string) =>
  createHmac('sha256', secret).update(`${issued}.${cookie}`).digest('base64url');

export function issueFormToken(secret: string, cookie: string, now: Date): string {
  const issued = now.getTime();
  return `${issued}.${sign(secret, issued, cookie)}`;
}

export type TokenCheck = { ok: true } | { ok: false; problem: 'missing' | 'forged' | 'too_fast' | 'expired'; waitSeconds?: number };

export function checkFormToken(secret: string, token: string, cookie: string | undefined, now: Date, minFillMs = MIN_FILL_MS): TokenCheck {
  // Exactly the shape we issue, so no other spelling of one token can pass as a new one.
  const shape = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!cookie || !shape) return { ok: false, problem: 'missing' };
  const issued = Number(shape[1]);
  const signature = shape[2] as string;
  if (!sameToken(signature, sign(secret, issued, cookie))) return { ok: false, problem: 'forged' };
  const age = now.getTime() - issued;
  if (age < minFillMs) return { ok: false, problem: 'too_fast', waitSeconds: Math.ceil((minFillMs - age) / 1000) };
  if (age > MAX_FORM_AGE_MS) return { ok: false, problem: 'expired' };
  return { ok: true };
}

export const TOKEN_MESSAGES: Record<Exclude<TokenCheck, { ok: true }>['problem'], string> = {
  missing:
    'Please send it once more in a few seconds: this step shows it came from this page (cookies must be allowed for this site). Your text is kept below.',
  forged: 'The form did not come from this page, or your cookie changed. Send it again from here; your text is kept below.',
  too_fast: 'That was sent very quickly. Wait a moment and send it again; your text is kept below.',
  expired: 'The form had expired. Send it again; your text is kept below.',
};
