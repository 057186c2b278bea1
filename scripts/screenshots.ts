// Full-page screenshots of the pages a release is judged by, at a desktop and a phone width, with Debian's
// Chromium: `tsx scripts/screenshots.ts BASE_URL name=/path …` writes artifacts/screens/NAME-WIDTH.png.
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, launchBrowser } from '../src/testing/browser.ts';

const [base, ...pages] = process.argv.slice(2);
if (!base || pages.length === 0) throw new Error('usage: tsx scripts/screenshots.ts BASE_URL name=/path …');
const dir = path.join(ARTIFACTS, 'screens');
fs.mkdirSync(dir, { recursive: true });
const browser = await launchBrowser();
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: process.env.SCREEN_TOP ? 1600 : 900 } });
  for (const spec of pages) {
    const name = spec.slice(0, spec.indexOf('='));
    const url = spec.slice(spec.indexOf('=') + 1);
    const res = await page.goto(`${base}${url}`);
    const file = path.join(dir, `${name}-${width}.png`);
    // SCREEN_TOP=1 keeps the first screenful only, to read a long page's top at full size.
    await page.screenshot({ path: file, fullPage: !process.env.SCREEN_TOP });
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
    const wide = Number(await page.evaluate('document.documentElement.scrollWidth'));
    console.log(`${file}: ${res?.status()} ${wide}×${height} px${wide > width ? ' (wider than the screen)' : ''}`);
  }
  await page.close();
}
await browser.close();
