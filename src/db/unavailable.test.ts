import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { agent, formToken } from '../testing/agent.ts';
import { runCli } from '../testing/server.ts';
import { type Db, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { TEST_NOW } from './testing.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    [coded('57P01', 'terminating connection due to administrator command'), true],
    [coded('57P03', 'the database system is starting up'), true],
    [coded('08006'), true],
    [coded('53300', 'too many connections'), true],
    [coded('ECONNREFUSED'), true],
    [new Error('Connection terminated unexpectedly'), true],
    [new Error('timeout exceeded when trying to connect'), true],
    [coded('SQLITE_FULL', 'database or disk is full'), true],
    [coded('SQLITE_IOERR_WRITE'), true],
    [new Error('wrapped', { cause: coded('ECONNRESET') }), true],
    [new AggregateError([coded('ECONNREFUSED')]), true],
    [coded('23505', 'duplicate key value violates unique constraint'), false],
    [coded('22P02', 'invalid input syntax for type integer'), false],
    [coded('SQLITE_CONSTRAINT_UNIQUE'), false],
    [new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['not an error', false],
  ])('%s → %s', (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});

/** A small tmpfs of the test's own where the machine allows mounting one (root), so the disk really fills. */
function smallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('a full disk on SQLite', () => {
  let db: Db | undefined;
  let dir = '';
  let mounted = false;
  afterEach(async () => {
    await db?.close();
    if (mounted) execFileSync('umount', [dir]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('answers a comment post 503 with the text handed back, and logs SQLITE_FULL', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-full-'));
    mounted = smallDisk(dir);
    db = await openDatabase({ engine: 'sqlite', file: path.join(dir, 'full.db') });
    await migrate(db);
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    let t = TEST_NOW.getTime();
    const app = buildApp({ db, siteUrl: 'https://nextseason.test', now: () => new Date(t), trustProxy: true, mail: null });
    const reader = agent(app, '203.0.113.50');
    const token = await formToken(reader);
    t += 10_000;
    const sqlite = db.sqlite as NonNullable<Db['sqlite']>;
    if (mounted) {
      // Fill the disk: SQLite then ends the transaction itself, and the rollback after it must not hide why.
      fs.writeFileSync(path.join(dir, 'filler'), '');
      const chunk = Buffer.alloc(64 * 1024);
      try {
        for (;;) fs.appendFileSync(path.join(dir, 'filler'), chunk);
      } catch {
        // ENOSPC: the disk is full
      }
    } else {
      // No mount here: a page limit gives the same SQLITE_FULL.
      sqlite.exec('vacuum');
      sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const body = `A long comment that must not be lost. ${'Will there be a season three? '.repeat(150)}`;
    const sent = await reader('/shows/somos/comments', { form: { _form: token, name: 'Ana', email: 'ana@example.com', body } });

    expect(sent.status).toBe(503);
    expect(sent.headers.get('retry-after')).not.toBeNull();
    expect(sent.text).toContain('A long comment that must not be lost.');
    const lines = logged.mock.calls.map((c) => c.join(' '));
    expect(lines.some((l) => l.includes('SQLITE_FULL'))).toBe(true);
    expect(lines.some((l) => l.includes('no transaction is active'))).toBe(false);
  });
});

describe('a database file that cannot be used at start', () => {
  it('names the path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-bad-'));
    const notADatabase = path.join(dir, 'garbage.db');
    fs.writeFileSync(notADatabase, 'this is not a database file, just text that is long enough to have a header'.repeat(20));
    const underAFile = path.join(notADatabase, 'inside.db');
    try {
      for (const file of [notADatabase, underAFile]) {
        const run = await runCli(['migrate'], { DATABASE_URL: `sqlite:${file}` });
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain(file);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
