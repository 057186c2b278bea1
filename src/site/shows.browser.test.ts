import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../testing/browser.ts';
import { type RunningServer, startServer } from '../testing/server.ts';

describe.runIf(browserAvailable())('show page in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-browser-'));
    server = await startServer({ DATABASE_URL: `sqlite:${dir}/db.sqlite` });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([
    ['desktop', 1280],
    ['phone', 375],
  ])('shows every section of the Somos. page (%s, %i px)', async (name, width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const response = await page.goto(`${server.url}/shows/somos`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Somos. season 2: will it happen, and when? | Next Season');
    expect(await page.locator('h1').textContent()).toBe('Somos.');
    const headings = await page.locator('h2').allTextContents();
    expect(headings).toEqual([
      'Will there be a season 2?',
      'When will season 2 come out?',
      'How many seasons are there?',
      'Latest updates',
      'Cast and crew',
      'Ratings',
      'Episodes',
      'Similar shows',
      'Comments (0 comments)',
    ]);
    await expect(page.locator('#summary').textContent()).resolves.toContain('released on Netflix on 30 June 2021');
    expect(await page.locator('table tbody tr').count()).toBe(1);
    // One of the chart's two shapes shows, the one for the screen's width.
    const shown = await page
      .locator('#forecast svg.forecast-chart')
      .evaluateAll((svgs) => svgs.filter((s) => s.getClientRects().length > 0).length);
    expect(shown).toBe(1);
    await expect(page.locator('#forecast').textContent()).resolves.toMatch(/Chance of a season 2: [<>]?\d+%/);
    await page.screenshot({ path: path.join(ARTIFACTS, `somos-${name}.png`), fullPage: true });
    // Nothing overflows sideways on a phone.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('searches from the header form', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.fill('#q', 'sómos');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.click('text=Somos.');
    await page.waitForURL(/\/shows\/somos$/);
    expect(await page.locator('h1').textContent()).toBe('Somos.');
    await page.close();
  });
});
