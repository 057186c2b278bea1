import ICAL from 'ical.js';
import { beforeEach, expect, it } from 'vitest';
import { PINGS_PER_HOUR } from '../alerts/alerts.queue.ts';
import type { Db } from '../db/database.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import type { MailSender } from '../mail/sender.ts';
import { buildApp } from '../server.ts';
import { validateEvent } from '../status/event.input.ts';
import { addEvent } from '../status/events.writes.ts';

// Following over HTTP: the form, the confirmation page and its button, management, one-click unsubscribe,
// the private calendar, and webhook endpoints through the API, on both engines.

const SITE = 'https://nextseason.test';
const idle: MailSender = { poke: () => {}, flush: async () => {}, stop: () => {} };
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const json = (body: unknown, token?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

async function confirmLink(db: Db) {
  const mail = await db.kysely
    .selectFrom('mail_outbox')
    .selectAll()
    .where('kind', '=', 'follow-confirm')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const token = /\/follows\/confirm\?token=([\w.-]+)/.exec(mail.text_body)?.[1];
  if (!token) throw new Error('no confirmation link');
  return { token, mail };
}

const uids = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));

describeEachEngine(
  'follow routes',
  (db, engine) => {
    const app = (allowPrivateWebhooks = false) =>
      buildApp({ db: db(), siteUrl: SITE, now: () => TEST_NOW, mail: idle, allowPrivateWebhooks });

    beforeEach(async () => {
      for (const table of ['alert_outbox', 'follows', 'followers', 'follow_requests', 'mail_outbox'] as const)
        await db().kysely.deleteFrom(table).execute();
    });

    it('follows by email: form, a confirmation page whose GET changes nothing, its button, then the private calendar and one-click unsubscribe', async () => {
      const email = `reader-${engine}@example.com`;
      const show = await app().request('/shows/severance');
      expect(await show.text()).toContain('<form method="post" action="/follows"');

      const asked = await app().request('/follows', form({ email, show: 'severance', threshold: '0.75' }));
      expect(asked.status).toBe(200);
      const page = await asked.text();
      expect(page).toContain('Check your inbox');
      expect(page).not.toContain(email);
      const { token, mail } = await confirmLink(db());
      expect(JSON.parse(mail.headers)['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

      const opened = await app().request(`/follows/confirm?token=${token}`);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain('<button type="submit">Yes, send me alerts</button>');
      const before = await db().kysely.selectFrom('followers').select('status').executeTakeFirstOrThrow();
      expect(before.status).toBe('unconfirmed');

      const confirmed = await app().request('/follows/confirm', form({ token }));
      expect(confirmed.status).toBe(200);
      expect(confirmed.headers.get('cache-control')).toBe('private, no-store');
      const manage = await confirmed.text();
      expect(manage).toContain(email);
      expect(manage).toContain('reaches 75%');
      const follower = await db().kysely.selectFrom('followers').selectAll().executeTakeFirstOrThrow();
      expect(follower.status).toBe('active');

      // The desk dates season 3: the private calendar has it, and nothing the reader does not follow.
      const severance = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'severance').executeTakeFirstOrThrow();
      const dated = validateEvent({
        kind: 'date_announced',
        season: '3',
        date: '2026-11-24',
        announced: '2027-03-19',
        tier: 'official',
        source_url: 'https://tv.apple.com/x',
      });
      if (!dated.ok) throw new Error('fixture');
      await addEvent(db().kysely, severance.id, dated.data, null, TEST_NOW);
      const ics = await app().request(`/follows/${follower.feed_key}/calendar.ics`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get('cache-control')).toBe('private, max-age=300');
      const body = await ics.text();
      expect(uids(body)).toContain('premiere-severance-s3@nextseason');
      expect(uids(body).every((u) => u.startsWith('premiere-severance-'))).toBe(true);
      expect(body.endsWith('\r\n')).toBe(true);
      const feed = await app().request(`/follows/${follower.feed_key}/feed.json`);
      expect(((await feed.json()) as { items: Array<{ title: string }> }).items.every((i) => i.title.startsWith('Severance'))).toBe(true);

      // A new link revokes the old one.
      await app().request('/follows/manage', form({ token, action: 'renew-feed' }));
      expect((await app().request(`/follows/${follower.feed_key}/calendar.ics`)).status).toBe(404);

      // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the header's URL.
      const gone = await app().request(`/follows/unsubscribe?token=${token}`, form({ 'List-Unsubscribe': 'One-Click' }));
      expect(gone.status).toBe(200);
      expect(await db().kysely.selectFrom('followers').selectAll().execute()).toEqual([]);
      expect(await db().kysely.selectFrom('follows').selectAll().execute()).toEqual([]);
      expect((await app().request(`/follows/unsubscribe?token=${token}`, form({ 'List-Unsubscribe': 'One-Click' }))).status).toBe(200);
    });

    it('offers the same follow form on the home page (the whole site) and on a platform page (that platform)', async () => {
      const home = await (await app().request('/')).text();
      expect(home).toContain('<form method="post" action="/follows"');
      expect(home).not.toContain('name="show"');
      expect(home).not.toContain('name="platform"');
      const board = await (await app().request('/platforms/netflix')).text();
      expect(board).toContain('<input type="hidden" name="platform" value="netflix"/>');
      const withoutMail = buildApp({ db: db(), siteUrl: SITE, now: () => TEST_NOW });
      expect(await (await withoutMail.request('/')).text()).not.toContain('action="/follows"');
    });

    it('refuses a bad address, an unknown show, a forged token, and too many requests from one network', async () => {
      expect((await app().request('/follows', form({ email: 'not an address', show: 'severance' }))).status).toBe(400);
      expect((await app().request('/follows', form({ email: 'a@example.com', show: 'no-such-show' }))).status).toBe(404);
      expect((await app().request('/follows/manage?token=1.forged')).status).toBe(400);
      expect((await app().request('/follows/confirm', form({ token: '1.forged' }))).status).toBe(400);
      for (let i = 0; i < 20; i++)
        expect((await app().request('/follows', form({ email: `n${i}@example.com`, platform: 'netflix' }))).status).toBe(200);
      const limited = await app().request('/follows', form({ email: 'one-more@example.com', platform: 'netflix' }));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('registers a webhook endpoint through the API: public addresses only, the secret once, its state to its owner only', async () => {
      const refused = await app().request('/api/follows', json({ url: 'http://127.0.0.1:9/hook', shows: ['severance'] }));
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: Array<{ field: string }> }).errors[0]?.field).toBe('url');
      for (const [body, status, field] of [
        [{ url: 'ftp://example.com/x', shows: ['severance'] }, 400, 'url'],
        [{ url: 'https://example.com/x' }, 400, 'shows'],
        [{ url: 'https://example.com/x', shows: ['Not A Slug'] }, 400, 'shows.0'],
        [{ url: 'https://example.com/x', shows: ['no-such-show'] }, 404, 'shows.0'],
        [{ url: 'https://example.com/x', site: true, extra: 1 }, 400, 'form'],
      ] as const) {
        const res = await app(true).request('/api/follows', json(body));
        expect([res.status, ((await res.json()) as { errors: Array<{ field: string }> }).errors[0]?.field]).toEqual([status, field]);
      }

      const made = await app(true).request(
        '/api/follows',
        json({ url: 'http://127.0.0.1:9/a', shows: ['severance'], platforms: ['netflix'] }),
      );
      expect(made.status).toBe(201);
      const a = (await made.json()) as { id: number; secret: string; token: string; follows: unknown[] };
      expect(a.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
      expect(a.follows).toHaveLength(2);
      const other = (await (await app(true).request('/api/follows', json({ url: 'http://127.0.0.1:9/b', site: true }))).json()) as {
        token: string;
      };

      const one = app(); // one app, one API cache, two owners
      expect((await one.request('/api/follows/me')).status).toBe(401);
      const me = await one.request('/api/follows/me', { headers: { authorization: `Bearer ${a.token}` } });
      expect(me.headers.get('cache-control')).toBe('private, no-store');
      const mine = (await me.json()) as Record<string, unknown>;
      expect(mine).toMatchObject({ id: a.id, url: 'http://127.0.0.1:9/a', status: 'active' });
      expect(mine).not.toHaveProperty('secret');
      // The API's cache keeps nothing of one owner's answer for another.
      const theirs = (await (
        await one.request('/api/follows/me', { headers: { authorization: `Bearer ${other.token}` } })
      ).json()) as Record<string, unknown>;
      expect(theirs.url).toBe('http://127.0.0.1:9/b');

      expect((await app().request('/api/follows/me/ping', json({}, a.token))).status).toBe(202);
      expect(await db().kysely.selectFrom('alert_outbox').select('kind').where('follower_id', '=', a.id).execute()).toEqual([
        { kind: 'ping' },
      ]);
      // Test pings are few an hour: a token cannot aim the sender at a URL over and over.
      const later = (minutes: number) =>
        buildApp({
          db: db(),
          siteUrl: SITE,
          now: () => new Date(TEST_NOW.getTime() + minutes * 60_000),
          mail: idle,
          allowPrivateWebhooks: true,
        });
      for (let i = 1; i < PINGS_PER_HOUR; i++) expect((await later(i).request('/api/follows/me/ping', json({}, a.token))).status).toBe(202);
      const tooMany = await later(PINGS_PER_HOUR).request('/api/follows/me/ping', json({}, a.token));
      expect([tooMany.status, tooMany.headers.get('retry-after')]).toEqual([429, '3600']);
      expect((await app().request('/api/follows/me', { method: 'DELETE', headers: { authorization: `Bearer ${a.token}` } })).status).toBe(
        204,
      );
      expect((await app().request('/api/follows/me', { headers: { authorization: `Bearer ${a.token}` } })).status).toBe(401);
    });

    it('answers bytes no key or URL can hold with 404 and 400, never 500, and two first requests for one address make one follower', async () => {
      for (const path of ['/follows/%00abc/feed.xml', '/follows/%00abc/calendar.ics', '/follows/x%20y/feed.json'])
        expect((await app().request(path)).status, path).toBe(404);
      const nul = await app(true).request('/api/follows', json({ url: 'http://93.184.215.14/\u0000', site: true }));
      expect(nul.status).toBe(400);
      const email = `twice-${engine}@example.com`;
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          app().request('/follows', {
            ...form({ email, show: 'severance' }),
            headers: { ...form({}).headers, 'x-forwarded-for': `198.51.100.${i}` },
          }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429, 429]);
      expect(await db().kysely.selectFrom('followers').select('id').where('email_key', '=', email).execute()).toHaveLength(1);
      const mailed = await db().kysely.selectFrom('mail_outbox').select('id').where('kind', '=', 'follow-confirm').execute();
      expect(mailed).toHaveLength(3);
    });

    it('shows no follower address or URL on public pages, feeds or the API', async () => {
      await app().request('/follows', form({ email: `secret-reader-${engine}@example.com`, show: 'severance' }));
      await app(true).request('/api/follows', json({ url: 'http://127.0.0.1:9/secret-hook', shows: ['severance'] }));
      for (const path of [
        '/shows/severance',
        '/shows/severance/feed.xml',
        '/shows/severance/calendar.ics',
        '/api/shows/severance',
        '/feed.json',
        '/',
      ]) {
        const text = await (await app().request(path)).text();
        expect(text).not.toContain('secret-reader');
        expect(text).not.toContain('secret-hook');
      }
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
