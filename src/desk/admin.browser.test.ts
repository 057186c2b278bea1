import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../testing/browser.ts';
import { type RunningServer, runCli, startServer } from '../testing/server.ts';

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
});
