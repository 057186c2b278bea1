import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../testing/browser.ts';
import { type RunningServer, runCli, startServer } from '../testing/server.ts';

// Where the desk's screenshots go, to be looked at: the event form at phone and desktop widths, light and dark.
const SHOTS = '/tmp/shots';

/** axe-core's WCAG 2.1 AA findings that are serious or critical, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.runIf(browserAvailable())("editors' desk in a real browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-desk-'));
    const env = { DATABASE_URL: `sqlite:${dir}/db.sqlite` };
    const created = await runCli(
      ['user', 'add', '--email', 'ed@nextseason.test', '--name', 'Ed Itor', '--role', 'editor'],
      env,
      'a long enough password\n',
    );
    expect(created.stdout).toContain('created editor ed@nextseason.test');
    const admin = await runCli(
      ['user', 'add', '--email', 'ad@nextseason.test', '--name', 'Ada Min', '--role', 'admin'],
      env,
      'another long password\n',
    );
    expect(admin.stdout).toContain('created admin ad@nextseason.test');
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startServer(env);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in, adds a renewal with its source, and sees the public page answer change', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin/shows/somos`);
    await page.waitForURL(/\/admin\/login\?next=/);
    await page.fill('#email', 'ed@nextseason.test');
    await page.fill('#password', 'a long enough password');
    await page.click('form[action="/admin/login"] button[type=submit]');
    await page.waitForURL(/\/admin\/shows\/somos$/);
    await page.selectOption('#kind', 'renewed');
    await page.fill('#season', '2');
    await page.fill('#date', '2026-11-20');
    await page.selectOption('#tier', 'official');
    await page.fill('#source_url', 'https://about.netflix.com/en/news/somos-season-2');
    await page.fill('#outlet', 'Netflix');
    await page.click('text=Add event');
    await page.waitForURL(/saved=1/);
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('Saved');
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-event-added.png'), fullPage: true });

    await page.goto(`${server.url}/shows/somos`);
    await expect(page.locator('#will + p').textContent()).resolves.toContain(
      'Netflix renewed Somos. for a second season on 20 November 2026.',
    );
    await expect(page.locator('#updates ~ ul a[href="https://about.netflix.com/en/news/somos-season-2"]').count()).resolves.toBeGreaterThan(
      0,
    );
    await page.close();
  });

  it('shows the login form at 375 px in light and dark, accessible', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}/admin/login`);
      expect(await seriousViolations(page), `login ${colorScheme}`).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `desk-login-375-${colorScheme}.png`), fullPage: true });
    }
    await context.close();
  });

  /** A page in a fresh context of this width, signed in. */
  async function signedIn(width: number, email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('form[action="/admin/login"] button[type=submit]');
    await page.waitForURL(/\/admin$/);
    return page;
  }

  it.each([375, 1280])('shows the event form at %i px in light and dark, accessible and within the screen', async (width) => {
    const page = await signedIn(width, 'ed@nextseason.test', 'a long enough password');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}/admin/shows/somos`);
      // The desk's own stylesheet is in force: fields sit in a grid.
      await expect(page.evaluate("getComputedStyle(document.querySelector('.fields')).display")).resolves.toBe('grid');
      const name = `${width}-${colorScheme}`;
      expect(await seriousViolations(page), `event form ${name}`).toEqual([]);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(Number(overflow), `event form ${name} overflows`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `desk-event-${name}.png`), fullPage: true });

      // Sent back with mistakes: each message beside its field, and still accessible.
      await page.fill('#season', 'two');
      await page.fill('#date', 'soon');
      await page.click('text=Add event');
      await expect(page.locator('#date-error').textContent()).resolves.toContain('the date must be a date');
      await expect(page.locator('#date').getAttribute('aria-describedby')).resolves.toBe('date-hint date-error');
      expect(await seriousViolations(page), `event form with errors ${name}`).toEqual([]);
      await page
        .locator('form.desk-form')
        .first()
        .screenshot({ path: path.join(SHOTS, `desk-event-errors-${name}.png`) });
    }
    await page.context().close();
  });

  it.each([375, 1280])(
    "shows the users page, the audit log and the moderators' and news pages at %i px, accessible and within the screen",
    async (width) => {
      const page = await signedIn(width, 'ad@nextseason.test', 'another long password');
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const [name, url] of [
          ['users', '/admin/users'],
          ['audit', '/admin/audit'],
          ['comments', '/admin/comments'],
          ['bans', '/admin/bans'],
          ['queue', '/admin/queue'],
          ['feeds', '/admin/feeds'],
        ]) {
          await page.goto(`${server.url}${url}`);
          expect(await seriousViolations(page), `${name} ${width} ${colorScheme}`).toEqual([]);
          const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
          expect(Number(overflow), `${name} ${width} ${colorScheme} overflows`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(SHOTS, `desk-${name}-${width}-${colorScheme}.png`), fullPage: true });
        }
      }
      await page.context().close();
    },
  );
});
