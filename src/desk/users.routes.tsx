import type { Context } from 'hono';
import { listUsers } from '../accounts/accounts.queries.ts';
import { validateNewUser, validateRole } from '../accounts/user.input.ts';
import type { AccountChange } from '../accounts/users.rules.ts';
import { addUser, changeUser } from '../accounts/users.writes.ts';
import type { AppDeps } from '../app.types.ts';
import { idParam } from '../web/fields.ts';
import { type AdminEnv, signedIn } from './auth.middleware.ts';
import { adminPage, formValues } from './desk.page.tsx';
import { UsersPage } from './users.pages.tsx';

type C = Context<AdminEnv>;

// What the list says after a change; the link names the change and the account, never the words.
const DONE: Record<string, string> = {
  added: 'added',
  role: 'role changed',
  disable: 'disabled; their sessions have ended',
  enable: 're-enabled',
  unchanged: 'nothing to change',
};

export function userPages({ db, now }: AppDeps) {
  async function page(c: C, extra: Omit<Parameters<typeof UsersPage>[0], 'user' | 'csrf' | 'users'>, status: 200 | 400 | 404 = 200) {
    const { user, csrf } = signedIn(c);
    return adminPage(c, 'Users', <UsersPage user={user} csrf={csrf} users={await listUsers(db.kysely)} {...extra} />, status);
  }

  const done = (c: C, what: string, id: number) => c.redirect(`/admin/users?done=${what}&user=${id}#user-${id}`, 303);

  async function apply(c: C, id: number | null, change: AccountChange) {
    const { user } = signedIn(c);
    if (!id) return page(c, { refusal: 'No such account.' }, 404);
    const result = await changeUser(db, id, change, user, now());
    if (!result.ok) return page(c, { refusal: result.message }, result.status);
    // An admin who gave up their own admin role has no users page to come back to.
    if (id === user.id && change.kind === 'role' && change.role !== 'admin') return c.redirect('/admin', 303);
    return done(c, result.changed ? change.kind : 'unchanged', id);
  }

  return {
    // GET /admin/users?done=&user=
    async list(c: C) {
      const users = await listUsers(db.kysely);
      const what = DONE[c.req.query('done') ?? ''];
      const about = users.find((u) => u.id === idParam(c.req.query('user')));
      const { user, csrf } = signedIn(c);
      const notice = what && about ? `${about.email}: ${what}.` : null;
      return adminPage(c, 'Users', <UsersPage user={user} csrf={csrf} users={users} notice={notice} />);
    },

    // POST /admin/users
    async add(c: C) {
      const { user } = signedIn(c);
      const values = await formValues(c);
      const again = { ...values, password: '' }; // a password is never sent back
      const checked = validateNewUser(values);
      if (!checked.ok) return page(c, { errors: checked.errors, values: again }, 400);
      const result = await addUser(db, checked.data, user, now());
      if (!result.ok) return page(c, { errors: result.errors, values: again }, 400);
      return done(c, 'added', result.user.id);
    },

    // POST /admin/users/:id/role
    async role(c: C) {
      const role = validateRole(await formValues(c));
      if (!role.ok) return page(c, { refusal: `role: ${role.errors.role}` }, 400);
      return apply(c, idParam(c.req.param('id')), { kind: 'role', role: role.data.role });
    },

    // POST /admin/users/:id/disable
    disable: (c: C) => apply(c, idParam(c.req.param('id')), { kind: 'disable' }),

    // POST /admin/users/:id/enable
    enable: (c: C) => apply(c, idParam(c.req.param('id')), { kind: 'enable' }),
  };
}
