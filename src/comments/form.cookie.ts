import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/database.ts';
import { siteSecret } from '../db/secrets.ts';
import type { Personalize } from '../site/page.cache.ts';
import { FORM_COOKIE, issueFormToken, newFormCookie } from './form.token.ts';

// Cached pages carry a placeholder where the form token goes; each response gets its reader's own token.

// Random per process, so no reader can type it into a comment and have it filled in.
export const FORM_TOKEN_SLOT = `__ns_form_${randomBytes(12).toString('hex')}__`;

// One read of the signing key per database, shared by every route that signs or checks forms.
const secrets = new WeakMap<Db, Promise<string>>();

export function formSecret(db: Db): () => Promise<string> {
  return () => {
    let secret = secrets.get(db);
    if (!secret) {
      secret = siteSecret(db.kysely, 'comment-form');
      secret.catch(() => secrets.delete(db)); // a failed read is tried again next time
      secrets.set(db, secret);
    }
    return secret;
  };
}

/** The reader's form cookie, set now if they have none. */
export function formCookie(c: Context, secure: boolean): string {
  const existing = getCookie(c, FORM_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const fresh = newFormCookie();
  setCookie(c, FORM_COOKIE, fresh, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: 30 * 86_400 });
  return fresh;
}

/** Fills each cached page's token slot with a token for this reader's own cookie. */
export function formTokenFiller({ secret, now, secure }: { secret: () => Promise<string>; now: () => Date; secure: boolean }): Personalize {
  return { slot: FORM_TOKEN_SLOT, fill: async (c) => issueFormToken(await secret(), formCookie(c, secure), now()) };
}
