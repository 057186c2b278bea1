import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../testing/browser.ts';
import { type RunningServer, startServer } from '../testing/server.ts';

// Every public page type in Chromium, in English and Spanish, light and dark: no serious or critical axe-core
// violation, nothing wider than a phone, keyboard focus reaches the content, and a screenshot of each.

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['show', '/shows/somos'],
  ['renewed', '/shows/wednesday'],
  ['person', '/people/james-schamus'],
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

  // A phone and a desktop in the light scheme, and a phone in the dark one: contrast is checked in each scheme.
  const VIEWS = [
    [375, 'light'],
    [1280, 'light'],
    [375, 'dark'],
  ] as const;

  it.each(PAGES.flatMap(([name, url]) => [[`${name} (en)`, url, 'en'] as const, [`${name} (es)`, `/es${url}`, 'es'] as const]))(
    '%s page is accessible and fits 375 and 1280 px, light and dark',
    async (label, url, lang) => {
      const name = label.replace(/ \((en|es)\)$/, '');
      for (const [width, scheme] of VIEWS) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(`${server.url}${url}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `${label} at ${width}px, ${scheme}`,
        ).toEqual([]);
        const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect(Number(overflow), `${label} at ${width}px overflows`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(ARTIFACTS, `page-${name}-${lang}-${width}-${scheme}.png`), fullPage: true });
        await context.close();
      }
    },
  );

  it('keeps the forecast chart legible and the tap targets large on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/shows/wednesday`);
    // The rendered size of each visible chart label: its font size times the SVG's scale on screen.
    const sizes = (await page.evaluate(`[...document.querySelectorAll('.forecast-chart text')]
      .filter((t) => t.getClientRects().length > 0)
      .map((t) => Number(t.getAttribute('font-size')) * t.getScreenCTM().a)`)) as number[];
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    const targets = (await page.evaluate(`[...document.querySelectorAll('.sitenav a, .search button, .search input')]
      .map((e) => [e.textContent.trim() || e.tagName, e.getBoundingClientRect().height])`)) as Array<[string, number]>;
    expect(targets.length).toBeGreaterThanOrEqual(5);
    for (const [what, height] of targets) expect(height, what).toBeGreaterThanOrEqual(44);
    await context.close();
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
