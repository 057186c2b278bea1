import { parseFeed } from 'feedsmith';
import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import { hashPassword } from '../accounts/passwords.ts';
import type { Db } from '../db/database.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import type { MailSender } from '../mail/sender.ts';
import { buildApp } from '../server.ts';
import { type Agent, agent, formToken } from '../testing/agent.ts';
import { nameKey } from './comment.input.ts';
import { cleanLine } from './text.rules.ts';
import { XSS_PAYLOADS } from './xss.corpus.ts';

const PASSWORD = 'a long enough password';
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function setup(db: Db) {
  await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  await createUser(
    db.kysely,
    { email: 'mod@nextseason.test', name: 'Mo', role: 'moderator', passwordHash: await hashPassword(PASSWORD) },
    TEST_NOW,
  );
}

describeEachEngine(
  'reader comments',
  (db) => {
    let t = TEST_NOW.getTime();
    const now = () => new Date(t);
    const pokes: number[] = [];
    const mail: MailSender = { poke: () => void pokes.push(t), flush: async () => {}, stop: () => {} };
    let app: ReturnType<typeof buildApp>;
    const reader = (ip: string) => agent(app, ip);
    const later = (ms = 5_000) => {
      t += ms;
    };
    const statusOf = async (id: number) =>
      (await db().kysely.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const lastId = async () =>
      (
        await db()
          .kysely.selectFrom('comments')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id as number;

    /** Opens the Somos page, waits as a person would, and sends the form. */
    async function post(browse: Agent, fields: Record<string, string>, path = '/shows/somos', headers: Record<string, string> = {}) {
      await browse(path);
      const token = await formToken(browse);
      later();
      return browse('/shows/somos/comments', { form: { _form: token, ...fields }, headers });
    }

    async function moderator() {
      const browse = reader('198.51.100.1');
      const form = await browse('/admin/login');
      await browse('/admin/login', {
        form: { _csrf: csrfOf(form.text), email: 'mod@nextseason.test', password: PASSWORD, next: '/admin' },
      });
      return browse;
    }

    /** Ana's name and address approved once, as a moderator would: her comments then publish at once. */
    async function trustAna() {
      const sent = await post(reader('203.0.113.10'), { name: 'Ana', email: 'ana@example.com', body: `Ana checks in (${t}).` });
      if (!sent.location?.includes('comment=held')) return;
      const mod = await moderator();
      const queue = await mod('/admin/comments');
      await mod(`/admin/comments/${await lastId()}/approve`, { form: { _csrf: csrfOf(queue.text), back: 'pending' } });
    }

    /** Five readers' approved comments and Ana's reply to one: a thread as a feed or a privacy sweep meets it. */
    async function conversation() {
      await trustAna();
      const mod = await moderator();
      let first = 0;
      for (const n of [1, 2, 3, 4, 5]) {
        await post(reader(`203.0.113.${60 + n}`), {
          name: `Reader ${n}`,
          email: `reader${n}@example.net`,
          body: `Reader ${n} hopes (${t}).`,
        });
        const id = await lastId();
        first ||= id;
        const queue = await mod('/admin/comments');
        await mod(`/admin/comments/${id}/approve`, { form: { _csrf: csrfOf(queue.text), back: 'pending' } });
      }
      await post(reader('203.0.113.10'), { name: 'Ana', email: 'ana@example.com', body: `Agreed (${t}).`, parent: String(first) });
    }

    beforeAll(() => {
      app = buildApp({ db: db(), siteUrl: 'https://nextseason.test', now, trustProxy: true, mail });
    });

    it('holds a first comment, publishes it on approval, then trusts the address', async () => {
      const ana = reader('203.0.113.10');
      const sent = await post(ana, { name: 'Ana', email: 'Ana@Example.com', body: 'Will **Somos.** come back?', season: '1' });
      expect(sent.status).toBe(303);
      expect(sent.location).toBe('/shows/somos?comment=held#comments');
      const held = await ana(sent.location as string);
      expect(held.text).toContain('waiting for a moderator');
      expect(held.text).not.toContain('Will <strong>Somos.</strong> come back?');
      expect(held.text).toContain('>0 comments<');
      const id = await lastId();

      const mod = await moderator();
      const queue = await mod('/admin/comments');
      expect(queue.text).toContain('Will <strong>Somos.</strong> come back?');
      expect(queue.text).toContain('first comment from this address');
      const approved = await mod(`/admin/comments/${id}/approve`, { form: { _csrf: csrfOf(queue.text), back: 'pending' } });
      expect(approved.status).toBe(303);
      expect(await statusOf(id)).toBe('published');

      const page = await ana('/shows/somos');
      expect(page.text).toContain('Will <strong>Somos.</strong> come back?');
      expect(page.text).toContain('>1 comment<');
      expect(page.text).toContain('about season 1');

      const second = await post(ana, { name: 'Ana', email: 'ana@example.com', body: 'And a second thought.' });
      expect(second.location).toMatch(/^\/shows\/somos\?comment=published#comment-\d+$/);
      // Trust goes with the name and address together, as they were approved.
      const other = await post(ana, { name: 'Not Ana', email: 'ana@example.com', body: 'Someone using her address' });
      expect(other.location).toBe('/shows/somos?comment=held#comments');
      const audit = await db().kysely.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'comment').execute();
      expect(audit).toContainEqual({ action: 'comment.approve', actor: 'mod@nextseason.test' });
    });

    it('answers a bad form with a message per field and keeps the text', async () => {
      const res = await post(reader('203.0.113.11'), {
        name: '',
        email: 'not-an-email',
        website: 'javascript:alert(1)',
        body: 'My <precious> text & more',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Your name is required');
      expect(res.text).toContain('Enter an email address like name@example.com');
      expect(res.text).toContain('The website must be an http:// or https:// address');
      expect(res.text).toContain('>My &lt;precious&gt; text &amp; more</textarea>');
      expect(res.text).toContain('value="not-an-email"');
      const json = await post(
        reader('203.0.113.11'),
        { name: 'x'.repeat(80), email: 'a@b.example', body: 'y'.repeat(6000) },
        '/shows/somos',
        { accept: 'application/json' },
      );
      expect(json.status).toBe(400);
      expect(JSON.parse(json.text).errors).toEqual({
        name: 'Your name must be at most 60 characters',
        body: 'The comment must be at most 5000 characters',
      });
    });

    it('refuses posts without the page’s token, from another reader’s page, or sent at once', async () => {
      const browse = reader('203.0.113.12');
      const fields = { name: 'Bo', email: 'bo@example.com', body: 'Hello there' };
      const none = await browse('/shows/somos/comments', { form: fields });
      expect(none.status).toBe(403);
      expect(none.text).toContain('Please send it once more');
      expect(none.text).toContain('>Hello there</textarea>');
      const other = await formToken(reader('203.0.113.13'));
      await browse('/shows/somos');
      later();
      const forged = await browse('/shows/somos/comments', { form: { ...fields, _form: other } });
      expect(forged.status).toBe(403);
      const quick = await browse('/shows/somos/comments', { form: { ...fields, _form: await formToken(browse) } });
      expect(quick.status).toBe(400);
      expect(quick.text).toContain('sent very quickly');
      expect(await db().kysely.selectFrom('comments').select('id').where('email_key', '=', 'bo@example.com').execute()).toHaveLength(0);
    });

    it('answers a post without a token with a form that has one, which still waits the pause', async () => {
      const browse = reader('203.0.113.88');
      const fields = { name: 'Dee', email: 'dee@example.com', body: 'Sent without the script' };
      const none = await browse('/shows/somos/comments', { form: fields });
      expect(none.status).toBe(403);
      const token = /name="_form" value="([^"]+)"/.exec(none.text)?.[1] as string;
      const atOnce = await browse('/shows/somos/comments', { form: { ...fields, _form: token } });
      expect(atOnce.status).toBe(400); // two posts in a row cannot skip the pause
      expect(atOnce.text).toContain('sent very quickly');
      const again = /name="_form" value="([^"]+)"/.exec(atOnce.text)?.[1] as string;
      later();
      const sent = await browse('/shows/somos/comments', { form: { ...fields, _form: again } });
      expect(sent.location).toBe('/shows/somos?comment=held#comments');
    });

    it('files a filled honeypot as spam while telling the bot what a person is told', async () => {
      const res = await post(reader('203.0.113.14'), { name: 'Bot', email: 'bot@example.com', body: 'Buy now', fax: '555-0100' });
      expect(res.location).toBe('/shows/somos?comment=held#comments');
      expect(await statusOf(await lastId())).toBe('spam');
    });

    it('stores a comment sent twice once', async () => {
      const browse = reader('203.0.113.15');
      const fields = { name: 'Cy', email: 'cy@example.com', body: 'Same words twice' };
      await post(browse, fields);
      const again = await post(browse, { ...fields, body: '  same   WORDS twice ' });
      expect(again.location).toBe('/shows/somos?comment=duplicate#comments');
      // The same words and address from another browser learn nothing about the first comment.
      const elsewhere = await post(reader('203.0.113.19'), { ...fields, email: 'CY+x@example.com' }, '/shows/somos', {
        accept: 'application/json',
      });
      expect(JSON.parse(elsewhere.text)).toMatchObject({ ok: true, status: 'held', html: null });
      expect(JSON.parse(elsewhere.text).id).toBeUndefined();
      expect(await db().kysely.selectFrom('comments').select('id').where('email_key', '=', 'cy@example.com').execute()).toHaveLength(1);
    });

    it('limits a flood from one address with a clear 429', async () => {
      const browse = reader('203.0.113.16');
      const results = [];
      for (let i = 0; i < 6; i++)
        results.push(await post(browse, { name: 'Flo', email: `flo${i}@example.com`, body: `Comment number ${i}` }));
      expect(results.slice(0, 5).map((r) => r.status)).toEqual([303, 303, 303, 303, 303]);
      expect(results[5]?.status).toBe(429);
      expect(Number(results[5]?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(results[5]?.text).toContain('Too many comments from this network address in a short time. Please wait');
      expect(results[5]?.text).toContain('>Comment number 5</textarea>');
    });

    it('counts an IPv6 /64 as one address, for limits and for reports', async () => {
      later(3_600_000);
      const statuses = [];
      for (let i = 1; i <= 6; i++)
        statuses.push(
          (await post(reader(`2001:db8:1:1::${i}`), { name: 'Six', email: `six${i}@example.com`, body: `From one household, ${i}` }))
            .status,
        );
      expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    });

    it('spends a form token on the first post it carries', async () => {
      later(3_600_000);
      const browse = reader('203.0.113.60');
      const token = await formToken(browse);
      later();
      const first = await browse('/shows/somos/comments', {
        form: { _form: token, name: 'Una', email: 'una@example.com', body: 'First with this form' },
      });
      expect(first.status).toBe(303);
      const again = await browse('/shows/somos/comments', {
        form: { _form: token, name: 'Una', email: 'una@example.com', body: 'Second with the same form' },
      });
      expect(again.status).toBe(403);
      expect(again.text).toContain('This form has been sent already.');
      expect(again.text).toContain('>Second with the same form</textarea>');
      for (const variant of [`${token}.x`, `0${token}`, token.replace('.', '.0')]) {
        const res = await browse('/shows/somos/comments', {
          form: { _form: variant, name: 'Una', email: 'una@example.com', body: `Variant ${variant}` },
        });
        expect(res.status, variant).toBe(403);
      }
      expect(await db().kysely.selectFrom('comments').select('id').where('email_key', '=', 'una@example.com').execute()).toHaveLength(1);
    });

    it('holds restricted words and turns away banned addresses and ranges', async () => {
      await post(reader('203.0.113.17'), { name: 'Dee', email: 'ana@example.com', body: 'Great casino tips inside' });
      const held = await db()
        .kysely.selectFrom('comments')
        .select(['status', 'status_reason'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(held).toEqual({ status: 'pending', status_reason: 'contains a restricted word: “casino”' });

      const mod = await moderator();
      const bans = await mod('/admin/bans');
      const bad = await mod('/admin/bans', { form: { _csrf: csrfOf(bans.text), kind: 'ip', value: '10.0.0.0/4' } });
      expect(bad.status).toBe(400);
      await mod('/admin/bans', { form: { _csrf: csrfOf(bans.text), kind: 'ip', value: '192.0.2.0/24', reason: 'spam run' } });
      await mod('/admin/bans', { form: { _csrf: csrfOf(bans.text), kind: 'email', value: 'Troll@Example.com' } });
      const byRange = await post(reader('192.0.2.77'), { name: 'Eve', email: 'eve@example.com', body: 'From a banned range' });
      expect(byRange.status).toBe(403);
      expect(byRange.text).toContain('Comments from this address are not accepted.');
      const byEmail = await post(reader('203.0.113.18'), { name: 'Tr', email: 'troll@example.com', body: 'From a banned address' });
      expect(byEmail.status).toBe(403);
    });

    it('sends a comment back to the queue after three readers report it', async () => {
      await trustAna();
      const published = await post(reader('203.0.113.10'), { name: 'Ana', email: 'ana@example.com', body: 'A comment people dislike' });
      const id = Number(/comment-(\d+)/.exec(published.location as string)?.[1]);
      for (const ip of ['198.51.100.21', '198.51.100.21', '198.51.100.22', '198.51.100.23']) {
        const browse = reader(ip);
        const res = await browse(`/comments/${id}/report`, { form: { _form: await formToken(browse), reason: 'abuse' } });
        if ((await statusOf(id)) === 'published') expect(res.location).toBe(`/shows/somos?comment=reported#comment-${id}`);
      }
      expect(await statusOf(id)).toBe('pending');
      const queue = await (await moderator())('/admin/comments?status=reported');
      expect(queue.text).toContain('3 open reports (abuse ×3)');
      const audit = await db().kysely.selectFrom('audit_log').select(['actor', 'action']).where('entity_id', '=', id).execute();
      expect(audit).toContainEqual({ actor: 'readers', action: 'comment.hold' });
    });

    it('shows SQL metacharacters verbatim and marks a moderator’s edit', async () => {
      const body = `Robert'); DROP TABLE comments;-- 50% of "fans" \\o/`;
      await post(reader('203.0.113.10'), { name: "O'Brien; --", email: 'obrien@example.com', body });
      const stored = await db()
        .kysely.selectFrom('comments')
        .select(['id', 'author_name', 'body'])
        .where('email_key', '=', 'obrien@example.com')
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ author_name: "O'Brien; --", body });
      const id = stored.id;
      const mod = await moderator();
      const queue = await mod('/admin/comments');
      await mod(`/admin/comments/${id}/approve`, { form: { _csrf: csrfOf(queue.text) } });
      const page = await reader('203.0.113.10')('/shows/somos');
      expect(page.text).toContain(`<p>Robert'); DROP TABLE comments;-- 50% of "fans" \\o/</p>`);
      expect(page.text).toContain('O&#39;Brien; --');
      const form = await mod(`/admin/comments/${id}/edit`);
      await mod(`/admin/comments/${id}/edit`, { form: { _csrf: csrfOf(form.text), body: 'Edited to be kinder.' } });
      const after = await reader('203.0.113.10')('/shows/somos');
      expect(after.text).toMatch(new RegExp(`id="comment-${id}"[\\s\\S]*?edited by a moderator[\\s\\S]*?Edited to be kinder\\.`));
    });

    it('asks to confirm reply mail once the comment is approved, mails a confirmed reader once per reply, and stops on unsubscribe', async () => {
      await trustAna();
      later(3_600_000); // past earlier tests' rate windows
      const outbox = () => db().kysely.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
      const before = (await outbox()).length;
      const first = await post(reader('203.0.113.30'), {
        name: 'Gil',
        email: 'gil@example.com',
        body: 'Tell me when someone answers',
        notify: 'on',
      });
      expect(first.location).toBe('/shows/somos?comment=held&mail=later#comments');
      expect((await outbox()).slice(before)).toEqual([]); // nobody is mailed on the strength of an unmoderated form
      const gil = await db()
        .kysely.selectFrom('comments')
        .select('id')
        .where('email_key', '=', 'gil@example.com')
        .executeTakeFirstOrThrow();
      const mod = await moderator();
      const queue = await mod('/admin/comments');
      await mod(`/admin/comments/${gil.id}/approve`, { form: { _csrf: csrfOf(queue.text) } });
      const mails = (await outbox()).slice(before);
      expect(mails.map((m) => [m.kind, m.to_address])).toEqual([['comment-confirm', 'gil@example.com']]);
      const confirm = /(\/comments\/subscriptions\/confirm\?token=\S+)/.exec(mails[0]?.text_body ?? '')?.[1] as string;
      const page = await reader('203.0.113.30')(confirm);
      expect(page.text).toContain('Yes, email me about replies');
      const token = new URL(confirm, 'https://x').searchParams.get('token') as string;
      const confirmed = await reader('203.0.113.30')('/comments/subscriptions/confirm', { form: { token } });
      expect(confirmed.text).toContain('We will email you when someone replies');

      // Someone else giving Gil's address asks for mail: Gil is asked again (tomorrow), never signed up silently.
      later(86_400_000);
      await post(reader('203.0.113.32'), { name: 'Gil', email: 'GIL@example.com', body: 'Posing as Gil', notify: 'on' });
      const posing = await db().kysely.selectFrom('comments').select('id').where('body', '=', 'Posing as Gil').executeTakeFirstOrThrow();
      const sub = await db()
        .kysely.selectFrom('comment_subscriptions')
        .select('status')
        .where('comment_id', '=', posing.id)
        .executeTakeFirstOrThrow();
      expect(sub.status).toBe('unconfirmed');
      // Gil answered the first request, so the new sign-up is asked about too (published at once: same name and address).
      const asked = (await outbox()).filter((m) => m.kind === 'comment-confirm' && m.to_address.toLowerCase() === 'gil@example.com');
      expect(asked).toHaveLength(2);

      await post(reader('203.0.113.10'), { name: 'Ana', email: 'ana@example.com', body: 'Here is an answer', parent: String(gil.id) });
      await post(reader('203.0.113.30'), { name: 'Gil', email: 'gil@example.com', body: 'Answering myself', parent: String(gil.id) });
      const replies = (await outbox()).filter((m) => m.kind === 'comment-reply');
      expect(replies).toHaveLength(1);
      expect(replies[0]?.subject).toBe('Ana replied to your comment on Somos.');
      expect(JSON.parse(replies[0]?.headers ?? '{}')).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
      const unsubscribe = /<(.+)>/.exec(JSON.parse(replies[0]?.headers ?? '{}')['List-Unsubscribe'])?.[1] as string;
      const oneClick = await reader('203.0.113.31')(unsubscribe.replace('https://nextseason.test', ''), {
        form: { 'List-Unsubscribe': 'One-Click' },
      });
      expect(oneClick.text).toContain('You will get no more mail about this comment.');
      await post(reader('203.0.113.10'), { name: 'Ana', email: 'ana@example.com', body: 'Another answer', parent: String(gil.id) });
      expect((await outbox()).filter((m) => m.kind === 'comment-reply')).toHaveLength(1);
      expect(pokes.length).toBeGreaterThan(0);
    });

    it('will not publish a reply to a comment that was taken down meanwhile', async () => {
      await trustAna();
      later(3_600_000);
      const root = await post(reader('203.0.113.70'), { name: 'Ana', email: 'ana@example.com', body: 'Soon to be hidden' });
      const rootId = Number(/comment-(\d+)/.exec(root.location as string)?.[1]);
      await post(reader('203.0.113.71'), { name: 'Newcomer', email: 'new@example.com', body: 'A held reply', parent: String(rootId) });
      const reply = await db().kysely.selectFrom('comments').select('id').where('body', '=', 'A held reply').executeTakeFirstOrThrow();
      const mod = await moderator();
      const queue = await mod('/admin/comments');
      await mod(`/admin/comments/${rootId}/hide`, { form: { _csrf: csrfOf(queue.text) } });
      const res = await mod(`/admin/comments/${reply.id}/approve`, { form: { _csrf: csrfOf(queue.text) } });
      expect(decodeURIComponent(res.location ?? '')).toContain(`not approved: it answers comment #${rootId}, which is hidden`);
      expect(await statusOf(reply.id)).toBe('pending');
    });

    it('stores hostile input in every field verbatim and serves it as inert text', async () => {
      later(3_600_000);
      for (const [i, payload] of XSS_PAYLOADS.entries()) {
        await db()
          .kysely.insertInto('comment_authors')
          .values({
            email_key: `h${i}@example.com`,
            name_key: nameKey(cleanLine(payload.slice(0, 60))),
            approved_at: now().toISOString(),
            approved_by: 'test',
          })
          .execute();
        const res = await post(reader(`198.18.0.${i + 1}`), {
          name: payload.slice(0, 60),
          email: `h${i}@example.com`,
          website: `https://example.com/?q=${encodeURIComponent(payload)}`.slice(0, 200),
          body: payload,
        });
        expect(res.location, payload).toMatch(/comment=published/);
        const stored = await db()
          .kysely.selectFrom('comments')
          .select(['author_name', 'body'])
          .where('email_key', '=', `h${i}@example.com`)
          .executeTakeFirstOrThrow();
        expect(stored.body).toBe(payload.normalize('NFC'));
      }
      const bad = await post(reader('198.18.1.1'), {
        name: 'x',
        email: 'javascript:alert(1)@example.com"><script>',
        website: 'javascript:alert(1)',
        body: 'x',
      });
      expect(bad.status).toBe(400);
      const page = await reader('198.18.0.200')('/shows/somos');
      const list = /<ol class="comment-list"[\s\S]*?<form method="post" action="\/shows\//.exec(page.text)?.[0] ?? '';
      expect(list).not.toBe('');
      expect(list).not.toMatch(/<(script|img|svg|iframe|object|math|style|body|div style)[\s>/]/i);
      expect(list).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect([...list.matchAll(/<a\s[^>]*href="(?!https?:|\/|#)[^"]*"/gi)].map((m) => m[0])).toEqual([]);
    });

    it('keeps a removed first comment as a placeholder while its replies are published', async () => {
      await trustAna();
      later(3_600_000);
      const root = await post(reader('203.0.113.40'), { name: 'Ana', email: 'ana@example.com', body: 'A thread that will lose its start' });
      const rootId = Number(/comment-(\d+)/.exec(root.location as string)?.[1]);
      await post(reader('203.0.113.41'), { name: 'Ana', email: 'ana@example.com', body: 'A reply that stays', parent: String(rootId) });
      const mod = await moderator();
      const queue = await mod('/admin/comments?status=published');
      await mod(`/admin/comments/${rootId}/hide`, { form: { _csrf: csrfOf(queue.text), back: 'published' } });
      const page = await reader('203.0.113.42')('/shows/somos');
      expect(page.text).toMatch(
        new RegExp(
          `id="comment-${rootId}"><p class="meta">This comment was removed by a moderator.</p><ol class="comment-replies"><li class="comment" id="comment-\\d+">[\\s\\S]*?A reply that stays`,
        ),
      );
      expect(page.text).not.toContain('A thread that will lose its start');
      const api = JSON.parse((await reader('203.0.113.42')('/api/shows/somos/comments')).text);
      expect(api.comments.find((c: { id: number }) => c.id === rootId)).toMatchObject({
        removed: 'removed',
        name: '',
        html: '',
        replies: [{ html: '<p>A reply that stays</p>' }],
      });
    });

    it('publishes a show’s comments as RSS, Atom and JSON Feed, spoilers kept back', async () => {
      await conversation();
      later(3_600_000);
      await post(reader('203.0.113.50'), { name: 'Ana', email: 'ana@example.com', body: 'The ending *hurt*', spoiler: 'on' });
      const browse = reader('203.0.113.51');
      const rss = parseFeed((await browse('/shows/somos/comments/feed.xml')).text);
      const atom = parseFeed((await browse('/shows/somos/comments/feed.atom')).text);
      const jsonText = (await browse('/shows/somos/comments/feed.json')).text;
      const json = parseFeed(jsonText);
      if (rss.format !== 'rss' || atom.format !== 'atom' || json.format !== 'json') throw new Error('not RSS, Atom and JSON Feed');
      const items = rss.feed.items ?? [];
      expect(rss.feed.title).toBe('Somos.: comments | Next Season');
      expect(items.length).toBeGreaterThan(3);
      const links = items.map((i) => i.link);
      expect((atom.feed.entries ?? []).map((e) => e.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href)).toEqual(links);
      expect((json.feed.items ?? []).map((i) => i.url)).toEqual(links);
      expect(json.feed.title).toBe(rss.feed.title);
      expect(JSON.parse(jsonText).version).toBe('https://jsonfeed.org/version/1.1');
      const newest = items[0];
      const spoiler = '<p>This comment contains spoilers: read it on the site.</p>';
      expect(newest?.title).toBe('Ana on Somos.');
      expect(newest?.content?.encoded).toBe(spoiler);
      expect(newest?.dc?.creators).toEqual(['Ana']);
      expect(atom.feed.entries?.[0]?.content?.value).toBe(spoiler);
      expect(json.feed.items?.[0]).toMatchObject({ content_html: spoiler, authors: [{ name: 'Ana' }] });
      expect(items.some((i) => i.title?.startsWith('Ana replied'))).toBe(true);
    });

    it('never shows a commenter’s email in any public page, feed or API response', async () => {
      await conversation();
      const emails = (await db().kysely.selectFrom('comments').select('author_email').distinct().execute()).map((r) =>
        r.author_email.toLowerCase(),
      );
      expect(emails.length).toBeGreaterThan(5);
      const browse = reader('203.0.113.99');
      const paths = [
        '/',
        '/shows/somos',
        '/shows/somos?season=1',
        '/shows/somos?order=newest',
        '/api/shows/somos',
        '/api/shows/somos/comments',
        '/api/shows/somos/events',
        '/api/shows?q=somos',
        '/feed.xml',
        '/feed.atom',
        '/feed.json',
        '/shows/somos/feed.xml',
        '/shows/somos/feed.json',
        '/shows/somos/comments/feed.xml',
        '/shows/somos/comments/feed.atom',
        '/shows/somos/comments/feed.json',
        '/shows/somos/calendar.ics',
        '/calendar.ics',
        '/sitemap.xml',
        '/search?q=somos',
        '/browse',
        '/calendar',
        '/platforms/netflix',
        '/about',
      ];
      for (const path of paths) {
        const res = await browse(path);
        expect(res.status, path).toBe(200);
        for (const email of emails) expect(res.text.toLowerCase(), `${path} shows ${email}`).not.toContain(email);
      }
      const api = JSON.parse((await browse('/api/shows/somos/comments')).text);
      expect(api.total).toBeGreaterThan(2);
      expect(JSON.stringify(api)).not.toMatch(/email|"ip"/i);
    });
  },
  setup,
);
