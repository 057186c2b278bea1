import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../testing/browser.ts';
import { type RunningServer, runCli, startServer } from '../testing/server.ts';
import { type SmtpProcess, startSmtp } from '../testing/smtp.ts';
import { MIN_FILL_MS } from './form.token.ts';
import { XSS_PAYLOADS } from './xss.corpus.ts';

const MOD = { email: 'mod@nextseason.test', password: 'a long enough password' };

describe.runIf(browserAvailable())('reader comments in a real browser, with a real SMTP server', () => {
  let server: RunningServer;
  let smtp: SmtpProcess;
  let browser: Browser;
  let dbFile: string;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-comments-'));
    dbFile = `${dir}/db.sqlite`;
    const env = { DATABASE_URL: `sqlite:${dbFile}` };
    await runCli(['user', 'add', '--email', MOD.email, '--name', 'Mo', '--role', 'moderator'], env, `${MOD.password}\n`);
    smtp = await startSmtp();
    server = await startServer({ ...env, SMTP_URL: smtp.url, MAIL_FROM: 'Next Season <no-reply@nextseason.test>' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.stop();
  });

  /** Fills the comment form as a reader does, pausing as a person would before sending. */
  async function fillAndSend(page: Page, f: { name: string; email: string; body: string; notify?: boolean }) {
    await page.fill('#c-body', f.body);
    await page.fill('#c-name', f.name);
    await page.fill('#c-email', f.email);
    if (f.notify) await page.check('#c-notify');
    await page.waitForTimeout(MIN_FILL_MS); // the form refuses posts sent sooner than a person could
    await page.click('#respond button[type=submit]');
  }

  it('post, held, approved in /admin, published, replied to, and the reply mail arrives', async () => {
    const ana = await (await browser.newContext()).newPage();
    // A first visit gets the page every reader gets: an ETag, shared caching, and no cookie.
    const first = await ana.goto(`${server.url}/shows/somos`);
    const headers = (await first?.allHeaders()) ?? {};
    expect(headers.etag).toMatch(/^"[\w-]+"$/);
    expect(headers['cache-control']).toContain('public');
    expect(headers['set-cookie']).toBeUndefined();
    await expect(ana.locator('#comment-count').textContent()).resolves.toBe('0 comments');
    await ana.evaluate('window.stayed = true');
    await fillAndSend(ana, {
      name: 'Ana',
      email: 'ana.reader@example.com',
      body: 'Will there be a **season 2**? I hope so.',
      notify: true,
    });
    await expect.poll(() => ana.locator('#form-status').textContent()).toContain('waiting for a moderator');
    await expect.poll(() => ana.locator('#form-status').textContent()).toContain('confirm reply notifications');
    // Posted without a reload: the page's own state is still there.
    await expect(ana.evaluate('window.stayed')).resolves.toBe(true);
    await ana.locator('#form-status').screenshot({ path: path.join(ARTIFACTS, 'comments-held.png') });

    const mod = await (await browser.newContext()).newPage();
    await mod.goto(`${server.url}/admin`);
    await mod.fill('#email', MOD.email);
    await mod.fill('#password', MOD.password);
    await mod.click('form[action="/admin/login"] button[type=submit]');
    await mod.waitForURL(/\/admin\/comments$/);
    await expect.poll(() => mod.locator('.queue-item').first().textContent()).toContain('ana.reader@example.com');
    await mod.screenshot({ path: path.join(ARTIFACTS, 'comments-queue.png'), fullPage: true });
    await mod.click('.queue-item >> text=Approve');
    await expect.poll(() => mod.locator('[role=status]').textContent()).toContain('Comment approved.');

    // Approved, the comment sets off the confirmation Ana asked for.
    const confirm = await smtp.waitFor(
      (m) => m.to.includes('ana.reader@example.com') && m.subject.startsWith('Confirm reply notifications'),
    );
    expect(confirm.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const confirmUrl = /(http\S+\/comments\/subscriptions\/confirm\?token=\S+)/.exec(confirm.text)?.[1] as string;
    await ana.goto(confirmUrl);
    await ana.click('text=Yes, email me about replies');
    await expect.poll(() => ana.locator('main').textContent()).toContain('We will email you when someone replies');

    await ana.goto(`${server.url}/shows/somos`);
    await expect.poll(() => ana.locator('#comment-count').textContent()).toBe('1 comment');
    await expect.poll(() => ana.locator('.comment-body').first().textContent()).toContain('Will there be a season 2? I hope so.');
    await expect.poll(() => ana.locator('.comment-body strong').first().textContent()).toBe('season 2');

    // Approved now, Ana's next comment appears at once, added to the thread without a reload.
    await ana.evaluate('window.stayed = true');
    await fillAndSend(ana, { name: 'Ana', email: 'ana.reader@example.com', body: 'Also: _Allende_ deserves more.' });
    await expect.poll(() => ana.locator('#form-status').textContent()).toBe('Your comment is published.');
    await expect.poll(() => ana.locator('#comment-list > .comment').count()).toBe(2);
    await expect(ana.evaluate('window.stayed')).resolves.toBe(true);

    // A second reader, without JavaScript: plain form, POST and redirect.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const ben = await noJs.newPage();
    await ben.goto(`${server.url}/shows/somos`);
    await ben.click('.comment >> nth=0 >> text=Reply');
    await expect.poll(() => ben.locator('#reply-title').textContent()).toBe('Reply to Ana');
    await fillAndSend(ben, { name: 'Ben', email: 'ben.reader@example.com', body: 'Netflix has said nothing yet, sadly.' });
    // The cached page had no token for him: his text comes back on a form that has one, to send once more.
    await expect.poll(() => ben.locator('#form-problem').textContent()).toContain('Please send it once more');
    await expect(ben.locator('#c-body').inputValue()).resolves.toBe('Netflix has said nothing yet, sadly.');
    await expect(ben.locator('#reply-title').textContent()).resolves.toBe('Reply to Ana');
    await ben.waitForTimeout(MIN_FILL_MS); // the new token starts the pause again
    await ben.click('#respond button[type=submit]');
    await ben.waitForURL(/comment=held/);
    await expect.poll(() => ben.locator('#comment-status').textContent()).toContain('waiting for a moderator');

    await mod.goto(`${server.url}/admin/comments`);
    await expect.poll(() => mod.locator('.queue-item').first().textContent()).toContain('replying to #');
    await mod.click('.queue-item >> text=Approve');
    await expect.poll(() => mod.locator('[role=status]').textContent()).toContain('Comment approved.');

    const reply = await smtp.waitFor(
      (m) => m.to.includes('ana.reader@example.com') && m.subject === 'Ben replied to your comment on Somos.',
    );
    expect(reply.text).toContain('> Netflix has said nothing yet, sadly.');
    expect(reply.text).not.toContain('ben.reader@example.com');
    expect(reply.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:\d+\/comments\/subscriptions\/unsubscribe\?token=[\w.-]+>$/);

    await ana.goto(`${server.url}/shows/somos`);
    await expect.poll(() => ana.locator('.comment-replies .comment').textContent()).toContain('Netflix has said nothing yet, sadly.');
    await ana.screenshot({ path: path.join(ARTIFACTS, 'comments-thread.png'), fullPage: true });
    // The thread, the form, the report boxes and the admin queue all pass axe-core's WCAG 2.1 AA checks.
    for (const [name, page] of [
      ['thread', ana],
      ['queue', mod],
    ] as const) {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        name,
      ).toEqual([]);
    }

    // One-click unsubscribe as a mail client does it (RFC 8058).
    const unsubscribe = /<(.+)>/.exec(reply.headers['list-unsubscribe'] ?? '')?.[1] as string;
    const res = await fetch(unsubscribe, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
    expect(res.status).toBe(200);
    await expect(res.text()).resolves.toContain('You will get no more mail about this comment.');

    for (const email of ['ana.reader@example.com', 'ben.reader@example.com']) {
      expect(server.output()).not.toContain(email);
      for (const p of ['/shows/somos', '/api/shows/somos/comments', '/shows/somos/feed.xml', '/sitemap.xml']) {
        await expect((await fetch(`${server.url}${p}`)).text()).resolves.not.toContain(email);
      }
    }
  }, 90_000);

  it('runs none of a corpus of hostile payloads, in any field', async () => {
    const db = await openDatabase({ engine: 'sqlite', file: dbFile });
    const show = await db.kysely.selectFrom('shows').select('id').where('slug', '=', 'dark').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    // Written straight to the database, past the form's checks: output must be safe whatever is stored.
    await db.kysely
      .insertInto('comments')
      .values(
        XSS_PAYLOADS.map((payload, i) => ({
          show_id: show.id,
          author_name: payload,
          author_email: `x${i}@example.com`,
          email_key: `x${i}@example.com`,
          author_url: i % 2 ? `javascript:window.__xss=${i}` : `https://example.com/"><script>window.__xss=${i}</script>`,
          body: payload,
          body_hash: `xss-${i}`,
          spoiler: i % 3 === 0 ? 1 : 0,
          status: 'published' as const,
          ip: '192.0.2.1',
          ip_key: '192.0.2.1',
          form_key: `xss-${i}`,
          created_at: now,
          updated_at: now,
          published_at: now,
        })),
      )
      .execute();
    await db.close();

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await expect
      .poll(async () => (await (await fetch(`${server.url}/shows/dark`)).text()).includes(`${XSS_PAYLOADS.length} comments`))
      .toBe(true);
    await page.goto(`${server.url}/shows/dark`);
    for (const details of await page.locator('.comment details.spoiler').all()) await details.locator('summary').click();
    for (const link of await page.locator('.comment-body a, .comment-author a').all()) await link.hover();
    const found = (await page.evaluate(`({
      ran: window.__xss,
      elements: document.querySelectorAll('#comment-list :is(script, img, svg, iframe, object, style, math, body)').length,
      handlers: [...document.querySelectorAll('#comment-list *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      badLinks: [...document.querySelectorAll('#comment-list a')].filter((a) => !/^(https?:|\\/|#)/.test(a.getAttribute('href') ?? '')).map((a) => a.getAttribute('href')),
      names: [...document.querySelectorAll('#comment-list .comment-author')].map((el) => el.textContent),
    })`)) as { ran: unknown; elements: number; handlers: number; badLinks: string[]; names: string[] };
    expect(found).toMatchObject({ elements: 0, handlers: 0, badLinks: [] });
    expect(found.ran).toBeUndefined();
    expect(dialogs).toEqual([]);
    // Every name comes out exactly as it was typed, as text.
    expect(found.names.sort()).toEqual([...XSS_PAYLOADS].sort());
    await page.screenshot({ path: path.join(ARTIFACTS, 'comments-xss.png'), fullPage: false });
  }, 60_000);
});
