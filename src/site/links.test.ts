import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { agent } from '../testing/agent.ts';

// Links built from stored data: only http(s) ones are rendered, whatever got into the database, and the
// desk's forms let no other kind in.

const PASSWORD = 'a long enough password';
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
const SAFE_HREF = /^(https?:\/\/|\/(?!\/)|#|\?|mailto:)/i;
const HOSTILE = [
  'javascript:window.__xss=1',
  'JAVASCRIPT:window.__xss=1',
  'java\tscript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
];
const FACTS = { title: 'Somos.', original_title: '', synopsis: '', basis: '', verified_on: '' };
const TRICKS = [
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'https://www.netflix.com@evil.test/',
  'https://ex\tample.com/',
  'https://example.com/\u202egnp.exe',
];

describeEachEngine(
  'links from stored data',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    async function editor() {
      const browse = agent(app());
      const form = await browse('/admin/login');
      await browse('/admin/login', { form: { _csrf: csrfOf(form.text), email: 'editor@nextseason.test', password: PASSWORD } });
      return browse;
    }

    it('renders no link to a javascript: or data: URL on show pages, the desk or the API, and keeps the text', async () => {
      const browse = await editor();
      const csrf = csrfOf((await browse('/admin/shows/kingdom')).text);
      // A decision and a conflicting report, both sourced; their links are then spoiled in the database.
      for (const form of [
        {
          kind: 'renewed',
          season: '3',
          date: '2026-06-01',
          tier: 'official',
          source_url: 'https://netflix.test/kingdom',
          outlet: 'Netflix',
        },
        { kind: 'cancelled', season: '2', date: '2026-09-01', tier: 'report', source_url: 'https://gossip.test/kingdom', outlet: 'Gossip' },
      ]) {
        expect((await browse('/admin/shows/kingdom/events', { form: { _csrf: csrf, ...form } })).status).toBe(303);
      }
      await db().kysely.updateTable('sources').set({ url: HOSTILE[0] }).where('url', '=', 'https://netflix.test/kingdom').execute();
      await db().kysely.updateTable('sources').set({ url: HOSTILE[1] }).where('url', '=', 'https://gossip.test/kingdom').execute();
      await db().kysely.updateTable('shows').set({ official_site: HOSTILE[2] }).where('slug', '=', 'kingdom').execute();
      await db().kysely.updateTable('shows').set({ official_site: HOSTILE[3] }).where('slug', '=', 'somos').execute();
      // The starter catalogue's own sources, spoiled too: ratings and season facts cite them.
      await db()
        .kysely.updateTable('sources')
        .set({ url: sql<string>`'javascript:window.__xss=1;//' || id` })
        .where('url', 'like', 'https://%')
        .execute();

      const reader = agent(app());
      for (const path of ['/shows/kingdom', '/shows/somos', '/admin/shows/kingdom', '/admin/shows/somos', '/admin']) {
        const res = await (path.startsWith('/admin') ? browse : reader)(path);
        expect(res.status, path).toBe(200);
        for (const href of hrefs(res.text)) expect(href, `${path}: ${href}`).toMatch(SAFE_HREF);
      }
      const kingdom = await (await app().request('/shows/kingdom')).text();
      expect(kingdom).toContain('Conflicting report:');
      expect(kingdom).toContain('Gossip');
      expect(kingdom).not.toContain('official site');
      const api = (await (await app().request('/api/shows/kingdom')).json()) as { officialSite: string | null };
      expect(api.officialSite).toBeNull();
    });

    it('refuses source URLs and official sites that are not plain http(s) links at the desk', async () => {
      const browse = await editor();
      const csrf = csrfOf((await browse('/admin/shows/somos')).text);
      for (const url of TRICKS) {
        const event = await browse('/admin/shows/somos/events', {
          form: { _csrf: csrf, kind: 'renewed', season: '2', date: '2026-11-20', tier: 'official', source_url: url },
        });
        expect(event.status, JSON.stringify(url)).toBe(400);
        expect(event.text).toContain('must be an http(s) URL');
        const facts = await browse('/admin/shows/somos/facts', { form: { _csrf: csrf, ...FACTS, official_site: url } });
        expect(facts.status, JSON.stringify(url)).toBe(400);
        expect(facts.text).toContain('must be an http(s) URL');
      }
      const ok = await browse('/admin/shows/somos/facts', {
        form: { _csrf: csrf, ...FACTS, official_site: ' https://www.netflix.com/title/81113928 ' },
      });
      expect(ok.status).toBe(303);
      const somos = await db().kysely.selectFrom('shows').select('official_site').where('slug', '=', 'somos').executeTakeFirstOrThrow();
      expect(somos.official_site).toBe('https://www.netflix.com/title/81113928');
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    await createUser(
      db.kysely,
      { email: 'editor@nextseason.test', name: 'Editor', role: 'editor', passwordHash: await hashPassword(PASSWORD) },
      TEST_NOW,
    );
  },
);
