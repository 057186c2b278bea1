import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { syntheticShow } from '../../bench/tvmaze-synthetic.ts';
import { openDatabase } from '../db/database.ts';
import { testEngines } from '../db/testing.ts';
import { scratchDatabase } from '../testing/scratch.db.ts';
import { ROOT, runCli } from '../testing/server.ts';

// An import killed with SIGKILL half way leaves whole batches behind; running it again completes it.

const SHOWS = 3000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-kill-'));
const file = path.join(dir, 'shows.ndjson');
fs.writeFileSync(file, `${Array.from({ length: SHOWS }, (_, i) => JSON.stringify(syntheticShow(i, 5))).join('\n')}\n`);

for (const engine of testEngines()) {
  it(`survives SIGKILL half way and completes on the next run, without duplicates [${engine}]`, async () => {
    const { url, drop } = await scratchDatabase(engine, dir);
    const env = { ...process.env, DATABASE_URL: url, NEXTSEASON_PROGRESS_MS: '0' };
    await runCli(['migrate'], { DATABASE_URL: url });
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/nextseason.js'), 'import', 'tvmaze', file], { env, cwd: ROOT });
    // Kill it as soon as it reports 600 records written (three batches), long before the end.
    const killedAt = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        const m = /(\d+) records/.exec(d.toString());
        if (m && Number(m[1]) >= 600 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`import finished (${code}) before it could be killed`)));
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(killedAt).toBeLessThan(SHOWS);

    const db = await openDatabase(
      engine === 'sqlite' ? { engine: 'sqlite', file: url.slice('sqlite:'.length) } : { engine: 'postgres', url },
    );
    const counts = async () => {
      const one = async (table: 'shows' | 'episodes' | 'seasons') =>
        Number(
          (
            await db.kysely
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return { shows: await one('shows'), seasons: await one('seasons'), episodes: await one('episodes') };
    };
    const partial = await counts();
    expect(partial.shows).toBeGreaterThan(0);
    expect(partial.shows).toBeLessThan(SHOWS);
    expect(partial.episodes).toBe(partial.shows * 5); // whole shows only: no half-written show

    const rerun = await runCli(['import', 'tvmaze', file, '--quiet'], { DATABASE_URL: url });
    expect(rerun.code).toBe(0);
    expect(await counts()).toEqual({ shows: SHOWS, seasons: SHOWS, episodes: SHOWS * 5 });
    const third = await runCli(['import', 'tvmaze', file, '--quiet'], { DATABASE_URL: url });
    expect(third.stdout).toContain('nothing changed');
    await db.close();
    await drop();
  });
}
