import * as argon2 from '@node-rs/argon2';
import { beforeEach, expect, it, vi } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';
import { createUser } from './accounts.queries.ts';
import { hashPassword } from './passwords.ts';
import { THROTTLE } from './throttle.rules.ts';

// Every password check is counted: the real argon2, watched.
vi.mock('@node-rs/argon2', async (original) => {
  const real = await original<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});
const verify = vi.mocked(argon2.verify);

const PASSWORD = 'correct horse battery staple';

describeEachEngine(
  'login throttling and checks',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW, trustProxy: true });
    /** A login POST as a browser sends it, with its CSRF cookie and field, from `ip`. */
    const login = (a: ReturnType<typeof app>, email: string, password: string, ip: string) =>
      a.request('/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'ns_login_csrf=tok', 'x-forwarded-for': ip },
        body: new URLSearchParams({ _csrf: 'tok', email, password, next: '/admin' }).toString(),
      });
    const statuses = (answers: Response[]) => {
      const counts: Record<number, number> = {};
      for (const r of answers) counts[r.status] = (counts[r.status] ?? 0) + 1;
      return counts;
    };

    beforeEach(async () => {
      await db().kysely.deleteFrom('login_failures').execute();
      verify.mockClear();
    });

    it('checks at most the allowed number of passwords when 40 wrong ones arrive at once for one account', async () => {
      const a = app();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(a, 'editor@nextseason.test', `wrong ${i}`, '198.51.100.1')),
      );
      expect(statuses(answers)).toEqual({ 401: THROTTLE.perAccount, 429: 40 - THROTTLE.perAccount });
      expect(verify).toHaveBeenCalledTimes(THROTTLE.perAccount);
      const rows = await db().kysely.selectFrom('login_failures').select('email').execute();
      expect(rows).toHaveLength(THROTTLE.perAccount);
      // Locked out now, even with the right password, and without checking it.
      expect((await login(a, 'editor@nextseason.test', PASSWORD, '198.51.100.1')).status).toBe(429);
      expect(verify).toHaveBeenCalledTimes(THROTTLE.perAccount);
    });

    it('checks at most the allowed number of passwords when one address tries 40 accounts at once', async () => {
      const a = app();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(a, `nobody${i}@nextseason.test`, 'guess', '198.51.100.2')),
      );
      expect(statuses(answers)).toEqual({ 401: THROTTLE.perIp, 429: 40 - THROTTLE.perIp });
      expect(verify).toHaveBeenCalledTimes(THROTTLE.perIp);
    });

    it('runs the same password check for an unknown account as for a known one, and a success leaves no failure behind', async () => {
      const a = app();
      const unknown = await login(a, 'nobody@nextseason.test', 'some password', '198.51.100.3');
      expect(unknown.status).toBe(401);
      expect(verify).toHaveBeenCalledTimes(1);
      const [standIn] = verify.mock.calls[0] as [string, string];
      const stored = await db().kysely.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
      // The stand-in hash has the account hashes' algorithm and cost.
      expect(standIn.replace(/\$[^$]*\$[^$]*$/, '')).toBe(stored.password_hash.replace(/\$[^$]*\$[^$]*$/, ''));
      expect((await login(a, 'editor@nextseason.test', 'wrong password', '198.51.100.3')).status).toBe(401);
      expect(verify).toHaveBeenCalledTimes(2);
      const ok = await login(a, 'editor@nextseason.test', PASSWORD, '198.51.100.3');
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe('/admin');
      // The two failures count; the success does not.
      const rows = await db().kysely.selectFrom('login_failures').select('email').orderBy('email').execute();
      expect(rows.map((r) => r.email)).toEqual(['editor@nextseason.test', 'nobody@nextseason.test']);
    });
  },
  async (db) => {
    await createUser(
      db.kysely,
      { email: 'editor@nextseason.test', name: 'Editor', role: 'editor', passwordHash: await hashPassword(PASSWORD) },
      TEST_NOW,
    );
  },
);
