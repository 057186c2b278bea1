import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../testing/browser.ts';
import { type RunningServer, startServer } from '../testing/server.ts';

// Every public page type in Chromium: no serious or critical axe-core violation, nothing wider than a
// phone, keyboard focus reaches the content, and a screenshot at 375 and 1280 px.

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['show', '/shows/somos'],
  ['search', '/search?q=dark'],
  ['scoreboard', '/platforms/netflix'],
  ['calendar', '/calendar?month=2026-08'],
  ['browse', '/browse?platform=netflix'],
  ['about', '/about'],
  ['forecasts', '/about/forecasts'],
  ['not-found', '/shows/nothing-here'],
];

describe.runIf(browserAvailable())('public pages in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-pages-'));
    server = await startServer({ DATABASE_URL: `sqlite:${dir}/db.sqlite` });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(PAGES)('%s page is accessible and fits 375 and 1280 px', async (name, url) => {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${url}`);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${name} at ${width}px`,
      ).toEqual([]);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(Number(overflow), `${name} at ${width}px overflows`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(ARTIFACTS, `page-${name}-${width}.png`), fullPage: true });
      await context.close();
    }
  });

  it('reaches the main content by keyboard: the skip link comes first', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/shows/somos`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.textContent.trim()')).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate('location.hash')).resolves.toBe('#main');
    await page.close();
  });
});
