import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { ROOT } from './server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'artifacts');

/** Whether browser tests can run here; on CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  const found = fs.existsSync(CHROMIUM);
  if (!found && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}; .ci/run installs it with apt-get install chromium`);
  if (!found) console.log(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
  return found;
}

// Debian's Chromium, with the flags that keep it off the network.
export function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
