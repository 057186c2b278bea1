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
import { waitUntil } from '../testing/wait.ts';
import { type Receiver, signatureValid, startReceiver } from '../testing/webhook.receiver.ts';

// End to end: a reader follows Severance in Chromium and confirms from the mail; a webhook endpoint is
// registered through the API; an editor enters the renewal and the premiere date in the desk; the mail and
// the signed webhook arrive once each; the private calendar has the date; one-click unsubscribe ends it all.

const EDITOR = { email: 'ed@nextseason.test', password: 'a long enough password' };
const READER = 'follower.reader@example.com';

describe.runIf(browserAvailable())('following a show in a real browser, with a real SMTP server and webhook receiver', () => {
  let server: RunningServer;
  let smtp: SmtpProcess;
  let hook: Receiver;
  let browser: Browser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-follows-'));

  beforeAll(async () => {
    const env = { DATABASE_URL: `sqlite:${dir}/db.sqlite` };
    await runCli(['user', 'add', '--email', EDITOR.email, '--name', 'Ed', '--role', 'editor'], env, `${EDITOR.password}\n`);
    [smtp, hook] = await Promise.all([startSmtp(), startReceiver()]);
    server = await startServer({
      ...env,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Next Season <alerts@nextseason.test>',
      ALLOW_PRIVATE_WEBHOOKS: '1',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([smtp?.stop(), hook?.close()]);
  });

  const noSerious = async (page: Page) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  };
  const link = (text: string, pattern: RegExp) => {
    const found = pattern.exec(text)?.[0];
    if (!found) throw new Error(`no link ${pattern} in: ${text}`);
    return found;
  };

  it('follow, confirm, the desk renews and dates it, one mail and one signed webhook, the private calendar, one-click unsubscribe', async () => {
    const registered = await fetch(`${server.url}/api/follows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${hook.url}/severance`, shows: ['severance'] }),
    });
    expect(registered.status).toBe(201);
    const endpoint = (await registered.json()) as { secret: string; token: string };

    // The reader, without an account and without the script's help: a plain form.
    const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await reader.goto(`${server.url}/shows/severance`);
    await reader.locator('form.follow').screenshot({ path: path.join(ARTIFACTS, 'follow-form.png') });
    await reader.fill('form.follow input[name=email]', READER);
    await reader.selectOption('form.follow select[name=threshold]', '0.75');
    await reader.click('form.follow button[type=submit]');
    await expect(reader.locator('h1').textContent()).resolves.toBe('Check your inbox');

    const confirmation = await smtp.waitFor((m) => m.to.includes(READER) && m.subject.startsWith('Confirm'));
    expect(confirmation.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    await reader.goto(link(confirmation.text, /http:\/\/\S+\/follows\/confirm\?token=\S+/));
    await expect(reader.locator('h1').textContent()).resolves.toBe('Confirm your alerts');
    await reader.click('form[action="/follows/confirm"] button[type=submit]');
    await expect(reader.locator('[role=status]').textContent()).resolves.toContain('Confirmed');
    await expect(reader.locator('main').textContent()).resolves.toContain('reaches 75%');
    await reader.screenshot({ path: path.join(ARTIFACTS, 'follow-manage.png'), fullPage: true });
    // axe runs as a script: its checks use a page with JavaScript on.
    const checker = await (await browser.newContext()).newPage();
    for (const url of [`${server.url}/shows/severance`, link(confirmation.text, /http:\/\/\S+\/follows\/manage\?token=\S+/)]) {
      await checker.goto(url);
      await noSerious(checker);
    }
    const calendarUrl = await reader.locator('a', { hasText: 'calendar (.ics)' }).getAttribute('href');

    // The editor enters the renewal and, a moment later, the premiere date.
    const desk = await (await browser.newContext()).newPage();
    await desk.goto(`${server.url}/admin/login`);
    await desk.fill('#email', EDITOR.email);
    await desk.fill('#password', EDITOR.password);
    await desk.click('form[action="/admin/login"] button[type=submit]');
    const today = new Date().toISOString().slice(0, 10);
    for (const e of [
      { kind: 'renewed', announced: '' },
      { kind: 'date_announced', announced: '2027-03-19' },
    ]) {
      await desk.goto(`${server.url}/admin/shows/severance`);
      await desk.selectOption('#kind', e.kind);
      await desk.fill('#season', '3');
      await desk.fill('#date', today);
      await desk.fill('#announced', e.announced);
      await desk.selectOption('#tier', 'official');
      await desk.fill('#source_url', 'https://tv.apple.com/newsroom/severance-3');
      await desk.click(`form[action="/admin/shows/severance/events"] button[type=submit]`);
      await desk.waitForURL(/saved=1/, { timeout: 10_000 }).catch(async (error) => {
        await desk.screenshot({ path: path.join(ARTIFACTS, 'follow-desk-failed.png'), fullPage: true });
        throw error;
      });
    }

    const renewal = await smtp.waitFor((m) => m.to.includes(READER) && m.subject === 'Severance is renewed for season 3');
    const dated = await smtp.waitFor((m) => m.to.includes(READER) && m.subject === 'Severance season 3 premieres 19 March 2027');
    expect(renewal.text).toContain('Source: tv.apple.com (official announcement) https://tv.apple.com/newsroom/severance-3');
    expect(dated.text).toContain(`${server.url}/shows/severance`);
    await hook.waitFor(2);
    const hooks = hook.received.filter((r) => r.path === '/hook/severance');
    expect(hooks.map((h) => h.json.type).sort()).toEqual(['show.date_announced', 'show.renewed']);
    expect(hooks.every((h) => signatureValid(endpoint.secret, h))).toBe(true);
    // Sent once: once the outbox holds nothing unsent, nothing more can come.
    const db = await openDatabase({ engine: 'sqlite', file: path.join(dir, 'db.sqlite') });
    try {
      await waitUntil(
        async () => (await db.kysely.selectFrom('alert_outbox').select('id').where('sent_at', 'is', null).execute()).length === 0,
        15_000,
        'every alert sent',
      );
    } finally {
      await db.close();
    }
    expect(smtp.mails.filter((m) => m.to.includes(READER) && !m.subject.startsWith('Confirm'))).toHaveLength(2);
    expect(hook.received.filter((r) => r.path === '/hook/severance')).toHaveLength(2);

    const ics = await (await fetch(calendarUrl as string)).text();
    expect(ics).toContain('UID:premiere-severance-s3@nextseason');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270319');

    // The mail client's one-click unsubscribe: a POST to the header's URL with the RFC 8058 body.
    const unsubscribe = link(renewal.headers['list-unsubscribe'] ?? '', /http:\/\/[^>]+/);
    const gone = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(gone.status).toBe(200);
    expect((await fetch(calendarUrl as string)).status).toBe(404);
    await reader.goto(link(renewal.text, /http:\/\/\S+\/follows\/manage\?token=\S+/));
    await expect(reader.locator('h1').textContent()).resolves.toBe('This link is not valid');

    // The endpoint's owner sees it active, then leaves.
    const me = await fetch(`${server.url}/api/follows/me`, { headers: { authorization: `Bearer ${endpoint.token}` } });
    expect(((await me.json()) as { status: string }).status).toBe('active');
  }, 90_000);
});
