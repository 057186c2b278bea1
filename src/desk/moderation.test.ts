import { expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import { hashPassword } from '../accounts/passwords.ts';
import type { Db } from '../db/database.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';
import { type Agent, agent } from '../testing/agent.ts';
import { QUEUE_PAGE } from './moderation.routes.tsx';

const PASSWORD = 'correct horse battery staple';
const WAITING = 2 * QUEUE_PAGE + 20;
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** The comment ids a queue page lists, in its order. */
const listed = (html: string) => [...html.matchAll(/<li id="queue-(\d+)"/g)].map((m) => Number(m[1]));

async function seed(db: Db) {
  const stamp = TEST_NOW.toISOString();
  const show = await db.kysely
    .insertInto('shows')
    .values({
      slug: 'somos',
      title: 'Somos.',
      type: 'scripted',
      derived_status: 'undecided',
      search_text: 'somos',
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Comments a minute apart, the first the oldest; two share a minute, so the order needs its tie-break.
  const comment = (n: number, status: 'pending' | 'published') => {
    const at = new Date(TEST_NOW.getTime() - (WAITING + 10 - Math.min(n, WAITING)) * 60_000).toISOString();
    return {
      show_id: show.id,
      author_name: `Reader ${n}`,
      author_email: `reader${n}@example.com`,
      email_key: `reader${n}@example.com`,
      body: `Comment ${n}`,
      body_hash: `hash-${n}`,
      status,
      ip: '203.0.113.9',
      ip_key: '203.0.113.9',
      form_key: `form-${n}`,
      created_at: at,
      updated_at: at,
      published_at: status === 'published' ? at : null,
    };
  };
  const rows = [...Array.from({ length: WAITING }, (_, i) => comment(i + 1, 'pending')), comment(WAITING + 1, 'pending')];
  rows.push(...[1, 2, 3].map((i) => comment(WAITING + 1 + i, 'published')));
  await db.kysely.insertInto('comments').values(rows).execute();
  await createUser(
    db.kysely,
    { email: 'mod@nextseason.test', name: 'Mod', role: 'moderator', passwordHash: await hashPassword(PASSWORD) },
    TEST_NOW,
  );
}

describeEachEngine(
  'comment queue paging',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    async function moderator(): Promise<Agent> {
      const browse = agent(app());
      const form = await browse('/admin/login');
      await browse('/admin/login', { form: { _csrf: csrfOf(form.text), email: 'mod@nextseason.test', password: PASSWORD } });
      return browse;
    }
    const waitingIds = async () =>
      (
        await db().kysely.selectFrom('comments').select('id').where('status', '=', 'pending').orderBy('created_at').orderBy('id').execute()
      ).map((r) => r.id);

    it('lists the waiting oldest first, a page at a time, with links to newer and older pages', async () => {
      const mod = await moderator();
      const all = await waitingIds();
      expect(all).toHaveLength(WAITING + 1);
      const first = await mod('/admin/comments');
      expect(first.status).toBe(200);
      expect(listed(first.text)).toEqual(all.slice(0, QUEUE_PAGE));
      expect(first.text).toContain('<a href="/admin/comments?status=pending&amp;page=2">Newer →</a>');
      expect(first.text).not.toContain('Older');

      const second = await mod('/admin/comments?status=pending&page=2');
      expect(listed(second.text)).toEqual(all.slice(QUEUE_PAGE, 2 * QUEUE_PAGE));
      expect(second.text).toContain('<a href="/admin/comments?status=pending">← Older</a>');
      expect(second.text).toContain('page=3">Newer →</a>');

      const last = await mod('/admin/comments?page=3');
      expect(listed(last.text)).toEqual(all.slice(2 * QUEUE_PAGE));
      expect(last.text).toContain('page=2">← Older</a>');
      expect(last.text).not.toContain('Newer →');

      const beyond = await mod('/admin/comments?page=9');
      expect(beyond.status).toBe(200);
      expect(listed(beyond.text)).toEqual([]);
      expect(beyond.text).toContain('Nothing here.');
    });

    it('lists the rest newest first; one page needs no links', async () => {
      const mod = await moderator();
      const published = await mod('/admin/comments?status=published');
      const ids = listed(published.text);
      expect(ids).toHaveLength(3);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      expect(published.text).not.toContain('class="pager"');
    });

    it('refuses a page that is not a whole number from 1, naming the field', async () => {
      const mod = await moderator();
      for (const page of ['0', '-1', 'two', '1.5', '1e2', '', '99999', '%00'])
        expect((await mod(`/admin/comments?page=${page}`)).status, page).toBe(400);
      const bad = await mod('/admin/comments?status=spam&page=abc');
      expect(bad.text).toContain('page: must be a whole number from 1 to 10000');
    });

    it('returns a moderator to the page they acted on', async () => {
      const mod = await moderator();
      const page = await mod('/admin/comments?page=2');
      const id = listed(page.text)[0];
      expect(page.text).toContain('<input type="hidden" name="page" value="2"/>');
      const done = await mod(`/admin/comments/${id}/hold`, { form: { _csrf: csrfOf(page.text), back: 'pending', page: '2' } });
      expect(done.status).toBe(303);
      expect(done.location).toMatch(/^\/admin\/comments\?status=pending&page=2&done=/);
      const odd = await mod(`/admin/comments/${id}/hold`, { form: { _csrf: csrfOf(page.text), back: 'pending', page: 'x' } });
      expect(odd.location).toMatch(/^\/admin\/comments\?status=pending&done=/);
    });
  },
  seed,
);
