import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/database.ts';
import { siteSecret } from '../db/secrets.ts';
import { FORM_COOKIE, newFormCookie } from './form.token.ts';

// The reader's form cookie and the key that signs form tokens. Pages carry no token: the comment script asks
// for one when a reader starts to write, and a post without one is answered with a form that has it.

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
