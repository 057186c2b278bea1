import { expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { changeUser } from '../accounts/users.writes.ts';
import type { Db } from '../db/database.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';
import { type Agent, agent } from '../testing/agent.ts';

const PASSWORD = 'correct horse battery staple';
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function logIn(browse: Agent, email: string, password = PASSWORD) {
  const form = await browse('/admin/login');
  return browse('/admin/login', { form: { _csrf: csrfOf(form.text), email, password, next: '/admin' } });
}

async function seedUsers(db: Db, users: Array<[string, 'admin' | 'editor' | 'moderator']>) {
  const passwordHash = await hashPassword(PASSWORD);
  for (const [email, role] of users)
    await createUser(db.kysely, { email, name: email.split('@')[0] as string, role, passwordHash }, TEST_NOW);
}

const idOf = async (db: Db, email: string) =>
  (await db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

const auditOf = (db: Db, entityId: number) =>
  db.kysely
    .selectFrom('audit_log')
    .select(['actor', 'action', 'entity', 'before', 'after'])
    .where('entity', '=', 'user')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();

describeEachEngine(
  'users page',
  (db, engine) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    /** An admin's agent, signed in, with the users page's form token. */
    async function admin() {
      const browse = agent(app());
      expect((await logIn(browse, 'boss@nextseason.test')).status).toBe(303);
      const page = await browse('/admin/users');
      expect(page.status).toBe(200);
      return { browse, csrf: csrfOf(page.text), page };
    }

    it('is for admins only: others get 403, and no session is sent to log in', async () => {
      for (const email of ['ed@nextseason.test', 'mo@nextseason.test']) {
        const browse = agent(app());
        await logIn(browse, email);
        const csrf = csrfOf((await browse('/admin/comments')).text);
        expect((await browse('/admin/users')).status, email).toBe(403);
        expect(
          (
            await browse('/admin/users', {
              form: { _csrf: csrf, email: 'x@nextseason.test', name: 'X', role: 'admin', password: PASSWORD },
            })
          ).status,
        ).toBe(403);
        const self = await idOf(db(), email);
        expect((await browse(`/admin/users/${self}/role`, { form: { _csrf: csrf, role: 'admin' } })).status).toBe(403);
        expect((await browse(`/admin/users/${self}/disable`, { form: { _csrf: csrf } })).status).toBe(403);
        // The desk's bar links the page only for admins.
        expect((await browse('/admin/comments')).text).not.toContain('href="/admin/users"');
      }
      expect((await db().kysely.selectFrom('users').select('email').where('email', '=', 'x@nextseason.test').execute()).length).toBe(0);
      const stranger = agent(app());
      expect((await stranger('/admin/users')).location).toBe('/admin/login?next=%2Fadmin%2Fusers');
      expect((await stranger('/admin/users/1/disable', { form: {} })).status).toBe(401);
    });

    it('lists accounts with their role, last sign-in and access', async () => {
      const { page } = await admin();
      expect(page.text).toContain('href="/admin/users" aria-current="page"');
      for (const email of ['boss@nextseason.test', 'ed@nextseason.test', 'mo@nextseason.test']) expect(page.text).toContain(email);
      const boss = await idOf(db(), 'boss@nextseason.test');
      const row = new RegExp(`<tr id="user-${boss}">[\\s\\S]*?</tr>`).exec(page.text)?.[0] ?? '';
      expect(row).toContain('(you)');
      expect(row).toContain('<option value="admin" selected="">Admin</option>');
      expect(row).toContain('2026-11-25 12:00 UTC'); // signed in just now
      expect(row).not.toContain('/disable'); // no button to disable oneself
    });

    it('adds a user who can then log in, with an audit entry; bad input is named field by field', async () => {
      const { browse, csrf } = await admin();
      const noCsrf = await browse('/admin/users', {
        form: { email: 'nia@nextseason.test', name: 'Nia', role: 'editor', password: PASSWORD },
      });
      expect(noCsrf.status).toBe(403);

      const bad = await browse('/admin/users', {
        form: { _csrf: csrf, email: 'not an address', name: '', role: 'owner', password: 'short' },
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('id="email-error">must be an email address');
      expect(bad.text).toContain('id="name-error">is required');
      expect(bad.text).toContain('id="role-error">must be one of admin, editor, moderator');
      expect(bad.text).toContain('id="password-error">must have at least 12 characters');
      expect(bad.text).toContain('value="not an address"'); // what was typed stays, but never the password
      expect(bad.text).not.toContain('value="short"');
      const missing = await browse('/admin/users', { form: { _csrf: csrf } });
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('id="email-error">is required');

      const added = await browse('/admin/users', {
        form: { _csrf: csrf, email: ' Nia@NextSeason.test ', name: 'Nia Ortiz', role: 'editor', password: PASSWORD },
      });
      expect(added.status).toBe(303);
      const id = await idOf(db(), 'nia@nextseason.test');
      expect(added.location).toBe(`/admin/users?done=added&user=${id}#user-${id}`);
      const list = await browse(added.location as string);
      expect(list.text).toContain('nia@nextseason.test: added.');
      expect(list.text).toContain('Nia Ortiz');

      const again = await browse('/admin/users', {
        form: { _csrf: csrf, email: 'nia@nextseason.test', name: 'Nia', role: 'admin', password: PASSWORD },
      });
      expect(again.status).toBe(400);
      expect(again.text).toContain('an account for nia@nextseason.test exists already');

      const nia = agent(app());
      expect((await logIn(nia, 'nia@nextseason.test')).location).toBe('/admin');
      expect((await nia('/admin')).status).toBe(200);
      expect(await auditOf(db(), id)).toEqual([
        {
          actor: 'boss@nextseason.test',
          action: 'user.add',
          entity: 'user',
          before: null,
          after: JSON.stringify({ email: 'nia@nextseason.test', role: 'editor' }),
        },
      ]);
    });

    it("changes a user's role, which their open session follows at once", async () => {
      await seedUsers(db(), [['rui@nextseason.test', 'editor']]);
      const id = await idOf(db(), 'rui@nextseason.test');
      const rui = agent(app());
      await logIn(rui, 'rui@nextseason.test');
      expect((await rui('/admin')).status).toBe(200);

      const { browse, csrf } = await admin();
      const bad = await browse(`/admin/users/${id}/role`, { form: { _csrf: csrf, role: 'owner' } });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('role: must be one of admin, editor, moderator');
      expect((await browse('/admin/users/999999/role', { form: { _csrf: csrf, role: 'editor' } })).status).toBe(404);
      expect((await browse('/admin/users/abc/role', { form: { _csrf: csrf, role: 'editor' } })).status).toBe(404);

      const changed = await browse(`/admin/users/${id}/role`, { form: { _csrf: csrf, role: 'moderator' } });
      expect(changed.status).toBe(303);
      expect((await browse(changed.location as string)).text).toContain('rui@nextseason.test: role changed.');
      expect((await rui('/admin')).location).toBe('/admin/comments');
      expect((await rui('/admin/shows/somos')).status).toBe(403);
      // The same role again changes nothing and writes nothing.
      expect((await browse(`/admin/users/${id}/role`, { form: { _csrf: csrf, role: 'moderator' } })).location).toContain('done=unchanged');
      expect(await auditOf(db(), id)).toEqual([
        {
          actor: 'boss@nextseason.test',
          action: 'user.role',
          entity: 'user',
          before: JSON.stringify({ role: 'editor' }),
          after: JSON.stringify({ role: 'moderator' }),
        },
      ]);
    });

    it('disables a user: their session ends and their password no longer opens the desk, until re-enabled', async () => {
      await seedUsers(db(), [['sol@nextseason.test', 'editor']]);
      const id = await idOf(db(), 'sol@nextseason.test');
      const sol = agent(app());
      const other = agent(app(), '198.51.100.4'); // a second device
      await logIn(sol, 'sol@nextseason.test');
      await logIn(other, 'sol@nextseason.test');
      expect((await sol('/admin')).status).toBe(200);
      const solCsrf = csrfOf((await sol('/admin')).text);

      const { browse, csrf } = await admin();
      const disabled = await browse(`/admin/users/${id}/disable`, { form: { _csrf: csrf } });
      expect(disabled.status).toBe(303);
      const list = await browse(disabled.location as string);
      expect(list.text).toContain('sol@nextseason.test: disabled; their sessions have ended.');
      expect(new RegExp(`<tr id="user-${id}" class="is-disabled">[\\s\\S]*?Disabled 2026-11-25`).test(list.text)).toBe(true);

      for (const device of [sol, other]) expect((await device('/admin')).location).toBe('/admin/login?next=%2Fadmin');
      const write = await sol('/admin/shows/somos/events', {
        form: { _csrf: solCsrf, kind: 'renewed', date: '2026-11-01', tier: 'rumour' },
      });
      expect(write.status).toBe(401);
      const login = await logIn(agent(app(), '198.51.100.5'), 'sol@nextseason.test');
      expect(login.status).toBe(401);
      expect(login.text).toContain('Wrong email or password.');
      const live = await db()
        .kysely.selectFrom('sessions')
        .select('token_hash')
        .where('user_id', '=', id)
        .where('expires_at', '>', TEST_NOW.toISOString())
        .execute();
      expect(live).toEqual([]);

      const enabled = await browse(`/admin/users/${id}/enable`, { form: { _csrf: csrf } });
      expect(enabled.status).toBe(303);
      expect((await browse(enabled.location as string)).text).toContain('sol@nextseason.test: re-enabled.');
      expect((await logIn(agent(app(), '198.51.100.6'), 'sol@nextseason.test')).location).toBe('/admin');
      expect((await auditOf(db(), id)).map((a) => [a.action, a.after])).toEqual([
        ['user.disable', JSON.stringify({ disabled: true, sessions_ended: 2 })],
        ['user.enable', JSON.stringify({ disabled: false })],
      ]);
    });

    it('refuses to let an admin disable their own account', async () => {
      const { browse, csrf } = await admin();
      const self = await idOf(db(), 'boss@nextseason.test');
      const refused = await browse(`/admin/users/${self}/disable`, { form: { _csrf: csrf } });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('<p role="alert" class="form-problems">You cannot disable your own account. Ask another admin.</p>');
      expect((await browse('/admin/users')).status).toBe(200);
      const row = await db().kysely.selectFrom('users').select('disabled_at').where('id', '=', self).executeTakeFirstOrThrow();
      expect(row.disabled_at).toBeNull();
      expect((await auditOf(db(), self)).filter((a) => a.action === 'user.disable')).toEqual([]);
    });

    it(`answers the same on ${engine} for ids no account has`, async () => {
      const { browse, csrf } = await admin();
      for (const id of ['0', '2147483648', '1e3', '-1'])
        expect((await browse(`/admin/users/${id}/disable`, { form: { _csrf: csrf } })).status, id).toBe(404);
    });
  },
  (db) =>
    seedUsers(db, [
      ['boss@nextseason.test', 'admin'],
      ['ed@nextseason.test', 'editor'],
      ['mo@nextseason.test', 'moderator'],
    ]),
);

describeEachEngine(
  'the last admin',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });

    it('cannot give up the admin role while no one else has it', async () => {
      const solo = agent(app());
      await logIn(solo, 'solo@nextseason.test');
      const csrf = csrfOf((await solo('/admin/users')).text);
      const self = await idOf(db(), 'solo@nextseason.test');
      const refused = await solo(`/admin/users/${self}/role`, { form: { _csrf: csrf, role: 'editor' } });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('solo@nextseason.test is the last admin. Make another account admin first.');
      expect((await solo('/admin/users')).status).toBe(200);

      // With a second admin, the first may step down, and lands on the desk it still has.
      const other = await idOf(db(), 'next@nextseason.test');
      expect((await solo(`/admin/users/${other}/role`, { form: { _csrf: csrf, role: 'admin' } })).status).toBe(303);
      const stepped = await solo(`/admin/users/${self}/role`, { form: { _csrf: csrf, role: 'editor' } });
      expect(stepped.location).toBe('/admin');
      expect((await solo('/admin/users')).status).toBe(403);
    });
  },
  (db) =>
    seedUsers(db, [
      ['solo@nextseason.test', 'admin'],
      ['next@nextseason.test', 'editor'],
    ]),
);

describeEachEngine(
  'two admins at once',
  (db) => {
    it('cannot demote each other both: one change waits for the other and is refused', async () => {
      const [a, b] = await Promise.all(['a@nextseason.test', 'b@nextseason.test'].map((e) => idOf(db(), e)));
      const as = (id: number, email: string) => ({ id, email, name: email, role: 'admin' as const });
      // Two connections open before the race (PostgreSQL), so neither change waits for a connection.
      await Promise.all([1, 2].map(() => idOf(db(), 'a@nextseason.test')));
      const results = await Promise.all([
        changeUser(db(), b as number, { kind: 'role', role: 'editor' }, as(a as number, 'a@nextseason.test'), TEST_NOW),
        changeUser(db(), a as number, { kind: 'disable' }, as(b as number, 'b@nextseason.test'), TEST_NOW),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ status: 400, message: expect.stringContaining('is the last admin') });
      const admins = await db()
        .kysely.selectFrom('users')
        .select('email')
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .execute();
      expect(admins).toHaveLength(1);
    });
  },
  (db) =>
    seedUsers(db, [
      ['a@nextseason.test', 'admin'],
      ['b@nextseason.test', 'admin'],
    ]),
);
