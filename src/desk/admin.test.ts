import { expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { agent } from '../testing/agent.ts';

const PASSWORD = 'correct horse battery staple';
const ROUTES: Array<[string, string]> = [
  ['GET', '/admin'],
  ['GET', '/admin/shows/somos'],
  ['POST', '/admin/shows/somos/events'],
  ['POST', '/admin/shows/somos/facts'],
  ['POST', '/admin/events/1/retract'],
  ['GET', '/admin/events/1/edit'],
  ['POST', '/admin/events/1'],
  ['GET', '/admin/audit'],
  ['GET', '/admin/users'],
  ['POST', '/admin/users'],
  ['POST', '/admin/users/1/role'],
  ['POST', '/admin/users/1/disable'],
  ['POST', '/admin/users/1/enable'],
  ['GET', '/admin/queue'],
  ['POST', '/admin/queue/1/accept'],
  ['POST', '/admin/queue/1/reject'],
  ['GET', '/admin/feeds'],
  ['POST', '/admin/feeds'],
  ['POST', '/admin/logout'],
];

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function logIn(browse: ReturnType<typeof agent>, email: string, password = PASSWORD) {
  const form = await browse('/admin/login');
  return browse('/admin/login', { form: { _csrf: csrfOf(form.text), email, password, next: '/admin' } });
}

describeEachEngine(
  "editors' desk",
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });

    it('answers no admin route without a session', async () => {
      const browse = agent(app());
      for (const [method, path] of ROUTES) {
        const res = await browse(path, method === 'POST' ? { form: {} } : {});
        if (method === 'GET') {
          expect(res.status, path).toBe(303);
          expect(res.location).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
        } else expect(res.status, path).toBe(401);
      }
    });

    it('keeps each role to its own pages', async () => {
      const moderator = agent(app());
      expect((await logIn(moderator, 'mod@nextseason.test')).status).toBe(303);
      expect((await moderator('/admin')).location).toBe('/admin/comments');
      const csrf = csrfOf((await moderator('/admin/comments')).text);
      expect((await moderator('/admin/shows/somos')).status).toBe(403);
      expect(
        (await moderator('/admin/shows/somos/events', { form: { _csrf: csrf, kind: 'renewed', date: '2026-11-01', tier: 'official' } }))
          .status,
      ).toBe(403);
      expect((await moderator('/admin/audit')).status).toBe(403);
      for (const path of ['/admin/queue', '/admin/feeds']) expect((await moderator(path)).status, path).toBe(403);
      for (const path of ['/admin/queue/1/accept', '/admin/queue/1/reject', '/admin/feeds'])
        expect((await moderator(path, { form: { _csrf: csrf } })).status, path).toBe(403);
      const editor = agent(app());
      await logIn(editor, 'editor@nextseason.test');
      expect((await editor('/admin/audit')).status).toBe(403);
      expect((await editor('/admin/shows/somos')).status).toBe(200);
    });

    it('refuses a login form without its CSRF token, and a wrong password', async () => {
      const browse = agent(app());
      await browse('/admin/login');
      expect((await browse('/admin/login', { form: { email: 'editor@nextseason.test', password: PASSWORD } })).status).toBe(403);
      const wrong = await logIn(browse, 'editor@nextseason.test', 'not the password');
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('Wrong email or password.');
    });

    it('throttles repeated failures for an account, even with the right password after', async () => {
      const browse = agent(app());
      for (let i = 0; i < 5; i++) expect((await logIn(browse, 'mod@nextseason.test', `wrong ${i}`)).status).toBe(401);
      const blocked = await logIn(browse, 'mod@nextseason.test');
      expect(blocked.status).toBe(429);
      expect(blocked.text).toContain('Too many failed attempts');
    });

    it('lets an editor add a sourced renewal that changes the page, API and status at once, with an audit entry', async () => {
      const browse = agent(app());
      expect((await logIn(browse, 'editor@nextseason.test')).location).toBe('/admin');
      const form = await browse('/admin/shows/somos');
      const csrf = csrfOf(form.text);

      const noCsrf = await browse('/admin/shows/somos/events', {
        form: { kind: 'renewed', season: '2', date: '2026-11-20', tier: 'official' },
      });
      expect(noCsrf.status).toBe(403);

      const invalid = await browse('/admin/shows/somos/events', {
        form: { _csrf: csrf, kind: 'renewed', season: 'two', date: '20/11/2026', tier: 'official', quote: '<b>x</b>' },
      });
      expect(invalid.status).toBe(400);
      expect(invalid.text).toContain('must be a season number');
      expect(invalid.text).toContain('the date must be a date');
      expect(invalid.text).toContain('a source URL is needed unless the tier is rumour');
      expect(invalid.text).toContain('&lt;b&gt;x&lt;/b&gt;'); // the reader's text is kept, as text

      const saved = await browse('/admin/shows/somos/events', {
        form: {
          _csrf: csrf,
          kind: 'renewed',
          season: '2',
          date: '2026-11-20',
          tier: 'official',
          source_url: 'https://about.netflix.com/en/news/somos-season-2',
          outlet: 'Netflix',
          quote: '<script>alert(1)</script>',
        },
      });
      expect(saved.status).toBe(303);

      const page = await (await app().request('/shows/somos')).text();
      expect(page).toContain('Netflix renewed Somos. for a second season on 20 November 2026.');
      expect(page).toContain('href="https://about.netflix.com/en/news/somos-season-2"');
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).not.toContain('<script>alert(1)</script>');
      const api = (await (await app().request('/api/shows/somos')).json()) as { status: string };
      expect(api.status).toBe('renewed');
      const events = (await (await app().request('/api/shows/somos/events')).json()) as {
        items: Array<{ kind: string; tier: string; source: { url: string } }>;
      };
      expect(events.items[0]).toMatchObject({
        kind: 'renewed',
        tier: 'official',
        source: { url: 'https://about.netflix.com/en/news/somos-season-2' },
      });
      const forecast = (await (await app().request('/api/shows/somos/forecast')).json()) as { basis: string };
      expect(forecast.basis).toBe('renewed');

      const admin = agent(app());
      await logIn(admin, 'admin@nextseason.test');
      const audit = await admin('/admin/audit');
      expect(audit.status).toBe(200);
      expect(audit.text).toMatch(
        /editor@nextseason\.test<\/td><td data-label="What">Added an event <code class="meta">event\.add status_event #\d+/,
      );
      expect(audit.text).toContain('<span class="meta">kind:</span> Renewed');

      // Correcting it changes the answer too, and is audited.
      const eventId = /\/admin\/events\/(\d+)\/edit/.exec((await browse('/admin/shows/somos')).text)?.[1];
      const edit = await browse(`/admin/events/${eventId}/edit`);
      expect(edit.text).toContain('value="2026-11-20"');
      const fixed = await browse(`/admin/events/${eventId}`, {
        form: {
          _csrf: csrf,
          kind: 'renewed',
          season: '2',
          date: '2026-11-18',
          tier: 'official',
          source_url: 'https://about.netflix.com/en/news/somos-season-2',
          outlet: 'Netflix',
        },
      });
      expect(fixed.status).toBe(303);
      expect(await (await app().request('/shows/somos')).text()).toContain('for a second season on 18 November 2026.');
      expect((await admin('/admin/audit')).text).toContain('event.edit status_event');

      // Retracting it restores the previous answer.
      const id = /\/admin\/events\/(\d+)\/retract/.exec((await browse('/admin/shows/somos')).text)?.[1];
      expect((await browse(`/admin/events/${id}/retract`, { form: { _csrf: csrf } })).status).toBe(303);
      const after = (await (await app().request('/api/shows/somos')).json()) as { status: string };
      expect(after.status).toBe('dormant'); // as before the renewal: no decision, and quiet for over four years
    });

    it("edits a show's facts, which imports then leave alone, and shows a contrary report as a conflict", async () => {
      const browse = agent(app());
      await logIn(browse, 'editor@nextseason.test');
      const csrf = csrfOf((await browse('/admin/shows/kingdom')).text);
      const bad = await browse('/admin/shows/kingdom/facts', { form: { _csrf: csrf, title: '', official_site: 'not a url' } });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('is required');
      expect(bad.text).toContain('must be an http(s) URL');
      const ok = await browse('/admin/shows/kingdom/facts', {
        form: {
          _csrf: csrf,
          title: 'Kingdom',
          original_title: '킹덤',
          synopsis: 'Zombies in <Joseon> Korea.',
          basis: '',
          official_site: '',
          verified_on: '2026-11-24',
        },
      });
      expect(ok.status).toBe(303);
      const page = await (await app().request('/shows/kingdom')).text();
      expect(page).toContain('Zombies in &lt;Joseon&gt; Korea.');
      expect(page).toContain('last verified <time datetime="2026-11-24">24 November 2026</time>');

      for (const form of [
        {
          kind: 'renewed',
          season: '3',
          date: '2026-06-01',
          tier: 'official',
          source_url: 'https://about.netflix.com/kingdom-3',
          outlet: 'Netflix',
        },
        {
          kind: 'cancelled',
          season: '2',
          date: '2026-09-01',
          tier: 'report',
          source_url: 'https://gossip.test/kingdom-axed',
          outlet: 'Gossip',
        },
      ]) {
        expect((await browse('/admin/shows/kingdom/events', { form: { _csrf: csrf, ...form } })).status).toBe(303);
      }
      const answer = await (await app().request('/shows/kingdom')).text();
      expect(answer).toContain('Netflix renewed Kingdom for a third season on 1 June 2026.');
      expect(answer).toMatch(/Conflicting report:<\/strong> Report source Gossip says cancelled \(1 September 2026\)/);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    const passwordHash = await hashPassword(PASSWORD);
    for (const [email, role] of [
      ['admin@nextseason.test', 'admin'],
      ['editor@nextseason.test', 'editor'],
      ['mod@nextseason.test', 'moderator'],
    ] as const) {
      await createUser(db.kysely, { email, name: role, role, passwordHash }, TEST_NOW);
    }
  },
);
