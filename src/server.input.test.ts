import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createUser } from './accounts/accounts.queries.ts';
import { hashPassword } from './accounts/passwords.ts';
import { describeEachEngine, TEST_NOW } from './db/testing.ts';
import { importStarterCatalogue } from './importers/starter/starter.import.ts';
import { loadStarterCatalogue } from './importers/starter/starter.load.ts';
import { buildApp } from './server.ts';
import { type Agent, agent, formToken } from './testing/agent.ts';

// Hostile input is refused at the edge with the same answer on both engines: 404 for a path that names
// nothing, 400 naming the field for a form, 405 for a method the API does not take; never a 500.

const PASSWORD = 'correct horse battery staple';
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const fieldError = (html: string, field: string) => new RegExp(`id="${field}-error"[^>]*>\\s*([^<]*)<`).exec(html)?.[1]?.trim();

// Ids PostgreSQL's `integer` cannot hold, or that are not plain digits.
const BAD_IDS = ['3000000000', '2147483648', '1e20', '-1', '0x1f', '99999999999999999999999999'];

describeEachEngine(
  'hostile input',
  (db) => {
    let t = TEST_NOW.getTime();
    let app: ReturnType<typeof buildApp>;
    const errors: string[] = [];
    beforeEach(() => {
      app = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => new Date(t), trustProxy: true });
      errors.length = 0;
      vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ')));
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    async function editor(ip = '198.51.100.20'): Promise<{ browse: Agent; csrf: string }> {
      const browse = agent(app, ip);
      const form = await browse('/admin/login');
      await browse('/admin/login', {
        form: { _csrf: csrfOf(form.text), email: 'admin@nextseason.test', password: PASSWORD, next: '/admin' },
      });
      return { browse, csrf: csrfOf((await browse('/admin/shows/kingdom')).text) };
    }

    it('answers 404 to a path segment holding NUL or any other non-slug, on every route that takes one', async () => {
      for (const path of [
        '/shows/a%00b/feed.xml',
        '/shows/%00/feed.atom',
        '/shows/a%00b/calendar.ics',
        '/shows/a%00b/comments/feed.json',
        '/shows/a%00b',
        '/platforms/%00',
        '/platforms/a%00b/feed.json',
        '/platforms/%00/calendar.ics',
        '/platforms/%0D%0A',
        '/platforms/%ZZ',
      ]) {
        const res = await app.request(path);
        expect(res.status, path).toBe(404);
      }
      const { browse } = await editor();
      expect((await browse('/admin/shows/a%00b')).status).toBe(404);
      expect(errors).toEqual([]);
    });

    it('answers 404 to ids past 2³¹−1, 1e20 and other non-ids on every route with an :id', async () => {
      const { browse, csrf } = await editor();
      for (const id of BAD_IDS) {
        for (const path of [`/admin/events/${id}/edit`, `/admin/comments/${id}/edit`]) expect((await browse(path)).status, path).toBe(404);
        for (const path of [
          `/admin/events/${id}`,
          `/admin/events/${id}/retract`,
          `/admin/queue/${id}/accept`,
          `/admin/queue/${id}/reject`,
          `/admin/comments/${id}/approve`,
          `/admin/comments/${id}/delete`,
          `/admin/comments/${id}/edit`,
          `/admin/bans/${id}/lift`,
        ]) {
          const form = { _csrf: csrf, kind: 'renewed', date: '2026-11-01', tier: 'rumour', body: 'A fair edit.' };
          expect((await browse(path, { form })).status, path).toBe(404);
        }
      }
      const reader = agent(app, '203.0.113.50');
      const report = await reader('/comments/3000000000/report', { form: { _form: await formToken(reader), reason: 'spam' } });
      expect(report.status).toBe(404);
      expect(errors).toEqual([]);
    });

    it('names the field when a reply points at an id past 2³¹−1', async () => {
      const reader = agent(app, '203.0.113.51');
      const token = await formToken(reader);
      t += 10_000;
      const res = await reader('/shows/somos/comments', {
        form: { _form: token, name: 'Ana', email: 'ana@example.com', body: 'A reply.', parent: '2147483648' },
        headers: { accept: 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).errors).toEqual({ parent: 'No such comment to reply to' });
    });

    const CONTROL = 'must not contain control characters';
    it.each([
      ['outlet', { outlet: 'Vari\u0000ety' }, CONTROL],
      ['quote', { quote: 'It is\u0000 back.' }, CONTROL],
      ['notes', { notes: 'line\u0000two' }, CONTROL],
      ['notes', { notes: 'bell\u0007' }, CONTROL],
      ['date', { date: '0000' }, 'the date must be between 1900 and 2100'],
      ['date', { date: '0000-01' }, 'the date must be between 1900 and 2100'],
      ['date', { date: '0000-01-01' }, 'the date must be a date: 2025-07-23, 2025-07, 2025-Q3 or 2025'],
      ['announced', { kind: 'date_announced', announced: '0000-Q1' }, 'the announced date must be between 1900 and 2100'],
    ])('refuses an event whose %s is %j, naming the field', async (field, bad, message) => {
      const { browse, csrf } = await editor();
      const res = await browse('/admin/shows/kingdom/events', {
        form: { _csrf: csrf, kind: 'renewed', season: '3', date: '2026-11-01', tier: 'rumour', ...bad },
      });
      expect(res.status).toBe(400);
      expect(fieldError(res.text, field)).toBe(message);
      expect(errors).toEqual([]);
    });

    it('keeps tabs and newlines in an event’s notes, CR LF as LF', async () => {
      const { browse, csrf } = await editor();
      const res = await browse('/admin/shows/kingdom/events', {
        form: { _csrf: csrf, kind: 'renewed', season: '3', date: '2026-11-01', tier: 'rumour', notes: 'first\tline\r\nsecond line' },
      });
      expect(res.status).toBe(303);
      const row = await db().kysely.selectFrom('status_events').select('notes').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(row.notes).toBe('first\tline\nsecond line');
    });

    it('refuses NUL in a show’s facts, a ban reason and a feed name, naming the field', async () => {
      const { browse, csrf } = await editor();
      const facts = await browse('/admin/shows/kingdom/facts', { form: { _csrf: csrf, title: 'Kingdom', basis: 'a\u0000b' } });
      expect(facts.status).toBe(400);
      expect(fieldError(facts.text, 'basis')).toBe('must not contain control characters');
      const day = await browse('/admin/shows/kingdom/facts', { form: { _csrf: csrf, title: 'Kingdom', verified_on: '0000-01-01' } });
      expect(day.status).toBe(400);
      expect(fieldError(day.text, 'verified_on')).toBe('must be a day: YYYY-MM-DD');

      const ban = await browse('/admin/bans', { form: { _csrf: csrf, kind: 'email', value: 'spam@example.com', reason: 'spam\u0000' } });
      expect(ban.status).toBe(400);
      expect(ban.text).toContain('The reason must not contain control characters');
      const banValue = await browse('/admin/bans', { form: { _csrf: csrf, kind: 'email', value: 'sp\u0000am@example.com' } });
      expect(banValue.status).toBe(400);
      expect(banValue.text).toContain('Enter an email address');

      const feed = await browse('/admin/feeds', {
        form: { _csrf: csrf, url: 'https://news.example/rss', name: 'Ne\u0000ws', tier: 'trade' },
      });
      expect(feed.status).toBe(400);
      expect(feed.text).toContain('must not contain control characters');
      expect(errors).toEqual([]);
    });

    it('refuses a calendar month PostgreSQL has no date for', async () => {
      for (const month of ['0000-01', '0001-01', '9999-12']) {
        const res = await app.request(`/calendar?month=${month}`);
        expect(res.status, month).toBe(400);
        expect(await res.text()).toContain('month: must be YYYY-MM');
      }
      expect(errors).toEqual([]);
    });

    it('answers 400 with a plain message to a form it cannot read, on every kind of POST route', async () => {
      const { browse, csrf } = await editor();
      const body = '--other\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nx\r\n--other--\r\n';
      for (const path of [
        '/shows/somos/comments',
        '/comments/1/report',
        '/comments/subscriptions/confirm',
        '/admin/login',
        '/admin/bans',
      ]) {
        const res = await browse(path, { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=expected' } });
        expect(res.status, path).toBe(400);
        expect(res.text).toContain('The form could not be read');
      }
      const none = await browse('/admin/feeds', {
        method: 'POST',
        body: 'a=1',
        headers: { 'content-type': 'multipart/form-data', 'x-csrf-token': csrf },
      });
      expect(none.status).toBe(400);
      expect(errors).toEqual([]);
    });

    it.each([
      '/admin\r\nSet-Cookie: x=1',
      '/admin/queue\u0000',
      '//evil.test/admin',
      '/admin\\evil.test',
      'https://evil.test/admin',
      '/admin@evil.test',
    ])('ignores next=%j after a login and goes to the desk', async (next) => {
      const browse = agent(app, '198.51.100.30');
      const form = await browse('/admin/login');
      const res = await browse('/admin/login', {
        form: { _csrf: csrfOf(form.text), email: 'admin@nextseason.test', password: PASSWORD, next },
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/admin');
      expect(errors).toEqual([]);
    });

    it('still goes to the desk page a login was asked for', async () => {
      const browse = agent(app, '198.51.100.31');
      const form = await browse('/admin/login?next=%2Fadmin%2Fqueue');
      expect(form.text).toContain('value="/admin/queue"');
      const res = await browse('/admin/login', {
        form: { _csrf: csrfOf(form.text), email: 'admin@nextseason.test', password: PASSWORD, next: '/admin/queue' },
      });
      expect(res.location).toBe('/admin/queue');
    });

    it('refuses a login email with NUL in it before it reaches the database', async () => {
      const browse = agent(app, '198.51.100.32');
      const form = await browse('/admin/login');
      const res = await browse('/admin/login', {
        form: { _csrf: csrfOf(form.text), email: 'admin\u0000@nextseason.test', password: PASSWORD },
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Enter the email address you log in with.');
      expect(errors).toEqual([]);
    });

    it('answers 405 with Allow, as problem+json, to a method an API resource does not take', async () => {
      for (const [method, path] of [
        ['POST', '/api/shows/somos'],
        ['DELETE', '/api/shows/somos'],
        ['PUT', '/api/shows'],
        ['PATCH', '/api/shows/somos/forecast'],
        ['POST', '/api/shows/somos/comments'],
        ['POST', '/api/openapi.json'],
        ['POST', '/api/shows/a%00b'],
      ] as const) {
        const res = await app.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD');
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await res.json()).toMatchObject({ status: 405, title: 'Method not allowed' });
      }
      const missing = await app.request('/api/nothing-here', { method: 'POST' });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('allow')).toBeNull();
      expect((await app.request('/api/shows/somos', { method: 'HEAD' })).status).toBe(200);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    await createUser(
      db.kysely,
      { email: 'admin@nextseason.test', name: 'Admin', role: 'admin', passwordHash: await hashPassword(PASSWORD) },
      TEST_NOW,
    );
  },
);
