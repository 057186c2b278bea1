import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSession, sameToken, type User } from '../accounts/accounts.queries.ts';
import type { AppDeps } from '../app.types.ts';
import type { Role } from '../db/schema.ts';
import { readForm } from '../web/form.ts';
import { forbiddenPage } from './desk.page.tsx';

export const SESSION_COOKIE = 'ns_session';

export type AdminEnv = { Variables: { session: { user: User; csrf: string } | null } };

/** The signed-in user and their form token, behind `requireRole` (which answers for a request without one). */
export function signedIn(c: Context<AdminEnv>): { user: User; csrf: string } {
  const session = c.get('session');
  if (!session) throw new Error(`${c.req.path} is served without requireRole`);
  return session;
}

/** Loads the session named by the cookie, if any and still valid. */
export function loadSession({ db, now }: Pick<AppDeps, 'db' | 'now'>): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('session', token ? await findSession(db.kysely, token, now()) : null);
    c.header('cache-control', 'no-store');
    await next();
  };
}

/** Only these roles get through; a POST must also carry the session's CSRF token. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) {
      if (c.req.method === 'GET') return c.redirect(`/admin/login?next=${encodeURIComponent(c.req.path)}`, 303);
      return c.text('Log in first.', 401);
    }
    if (!roles.includes(session.user.role))
      return forbiddenPage(c, `This needs the ${roles.join(' or ')} role; you are ${session.user.role}.`);
    if (c.req.method !== 'GET' && !(await csrfOk(c, session.csrf)))
      return forbiddenPage(c, 'The form had expired or did not come from this site. Reload the page and try again.');
    await next();
  };
}

async function csrfOk(c: Context, expected: string): Promise<boolean> {
  const body = await readForm(c);
  const sent = typeof body._csrf === 'string' ? body._csrf : (c.req.header('x-csrf-token') ?? '');
  return sent !== '' && sameToken(sent, expected);
}

export const ALL_ROLES: Role[] = ['admin', 'editor', 'moderator'];
