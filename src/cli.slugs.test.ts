import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngines } from './db/testing.ts';
import { scratchDatabase } from './testing/scratch.db.ts';
import { runCli } from './testing/server.ts';

// `nextseason show rename-slug` and `nextseason slugs fix`, as an operator runs them.

for (const engine of testEngines()) {
  describe(`nextseason show rename-slug and slugs fix [${engine}]`, () => {
    it('renames a show once, says so on a retry, and names the argument at fault', { timeout: 120_000 }, async () => {
      const scratch = await scratchDatabase(engine, fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-slugs-')));
      const env = { DATABASE_URL: scratch.url };
      try {
        expect((await runCli(['seed'], env)).code).toBe(0);
        const renamed = await runCli(['show', 'rename-slug', 'somos', 'somos-mexico'], env);
        expect([renamed.code, renamed.stdout.trim()]).toEqual([
          0,
          'Somos.: /shows/somos is now /shows/somos-mexico; the old address answers 301',
        ]);
        const again = await runCli(['show', 'rename-slug', 'somos', 'somos-mexico'], env);
        expect([again.code, again.stdout.trim()]).toEqual([0, 'Somos. has the slug "somos-mexico" already; nothing changed']);

        const unknown = await runCli(['show', 'rename-slug', 'no-such-show', 'anything'], env);
        expect([unknown.code, unknown.stderr.trim()]).toEqual([2, 'nextseason: OLD: no show has the slug "no-such-show"']);
        const bad = await runCli(['show', 'rename-slug', 'somos-mexico', 'Somos México'], env);
        expect([bad.code, bad.stderr.trim()]).toEqual([
          2,
          'nextseason: NEW: "Somos México" is not a slug: use lower-case letters a-z, digits and single hyphens, at most 120 characters',
        ]);
        // The starter catalogue spells every slug in Latin letters: nothing to fix.
        const fix = await runCli(['slugs', 'fix'], env);
        expect([fix.code, fix.stdout.trim()]).toEqual([0, 'no slug to fix']);
        expect((await runCli(['slugs', 'fix', '--help'], {})).stdout).toMatch(/--dry-run[\s\S]*Reads DATABASE_URL/);
      } finally {
        await scratch.drop();
      }
    });
  });
}
