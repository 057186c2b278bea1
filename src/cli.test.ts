import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, startServer } from './testing/server.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-cli-'));

describe('nextseason CLI', () => {
  it("lists an option's allowed values and the environment each command reads in its help", async () => {
    const help = (await runCli(['event', 'add', '--help'], {})).stdout.replace(/\s+/g, ' ');
    for (const word of ['renewed', 'date_changed', 'rumour', 'official', 'trade', 'DATABASE_URL']) expect(help).toContain(word);
    for (const command of [
      ['migrate'],
      ['import'],
      ['export'],
      ['backup'],
      ['restore'],
      ['serve'],
      ['alerts', 'send'],
      ['forecast'],
      ['sync'],
    ])
      expect((await runCli([...command, '--help'], {})).stdout, command.join(' ')).toMatch(/Reads (no environment variable|[A-Z_]+)/);
  });

  it('says its version and the Node it runs on', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version'], {});
    expect([result.code, result.stdout.trim()]).toEqual([0, `nextseason ${version} (Node ${process.versions.node})`]);
  });

  // On CI, `npm ci` has just built dist/ (it runs prepare), so every test that starts the command runs the
  // bundle. Were the build skipped or stale, bin/nextseason.js would fall back to tsx and those tests would
  // pass without ever running what `npm start` runs; this says so instead. Elsewhere, an edit to src/ makes
  // the bundle stale and the fallback is meant.
  it.runIf(process.env.CI === 'true')('runs the compiled bundle that npm ci built (CI only)', () => {
    const newest = (dir: string): number =>
      Math.max(
        ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
          const file = path.join(dir, e.name);
          return e.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs;
        }),
      );
    const bundle = fs.statSync(path.join(ROOT, 'dist/nextseason.mjs'), { throwIfNoEntry: false });
    expect(bundle, 'dist/nextseason.mjs: npm ci did not build it').toBeDefined();
    const sources = Math.max(newest(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'package-lock.json')).mtimeMs);
    expect(bundle?.mtimeMs, 'dist/nextseason.mjs is older than src/: bin/nextseason.js would run tsx').toBeGreaterThan(sources);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/nextseason.mjs'), '--version'], { encoding: 'utf8' });
    expect([run.status, run.stdout]).toEqual([0, expect.stringMatching(/^nextseason \d/)]);
  });

  it('refuses a bad DATABASE_URL with one clear line and exit code 2', async () => {
    const result = await runCli(['serve'], { DATABASE_URL: 'mysql://root@localhost/db', PORT: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'nextseason: DATABASE_URL has unsupported scheme "mysql": use postgres://user@host:5432/db or sqlite:path/to/file.db',
    ]);
  });

  it('refuses a bad PORT with one clear line', async () => {
    const result = await runCli(['serve'], { PORT: 'eighty', DATABASE_URL: `sqlite:${tmp()}/db.sqlite` });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('nextseason: PORT must be a whole number from 0 to 65535, got "eighty"');
  });

  it('purges old personal data from comments on request, refusing a bad --days', async () => {
    const env = { DATABASE_URL: `sqlite:${tmp()}/db.sqlite` };
    const bad = await runCli(['comments', 'purge', '--days', 'ninety'], env);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'nextseason: --days must be a whole number of days, 1 or more, got "ninety"']);
    const ok = await runCli(['comments', 'purge', '--days', '30'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe(
      'older than 30 days: 0 IP addresses forgotten, 0 spam or deleted comments removed, 0 sent mails removed, 0 unconfirmed sign-ups removed, 0 reports removed',
    );
  });

  it('says so in one line when PostgreSQL cannot be reached', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^nextseason: cannot connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says so in one line when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const result = await runCli(['serve'], { PORT: String(port), DATABASE_URL: `sqlite:${tmp()}/db.sqlite` });
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`nextseason: cannot listen on 127.0.0.1:${port}: port ${port} is in use; set PORT to a free port`);
  });

  it('serves the starter catalogue from an empty database, run from any directory, and seeds idempotently', async () => {
    const file = `${tmp()}/db.sqlite`;
    // Not from the project's folder: the command must still find its own TypeScript settings (JSX).
    const server = await startServer({ DATABASE_URL: `sqlite:${file}` }, { cwd: tmp() });
    try {
      expect(server.output()).toContain('loaded the starter catalogue');
      const res = await fetch(`${server.url}/shows/somos`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Will there be a season 2?');
    } finally {
      await server.stop();
    }
    const seed = await runCli(['seed'], { DATABASE_URL: `sqlite:${file}` });
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain('nothing changed');
    const migrate = await runCli(['migrate'], { DATABASE_URL: `sqlite:${file}` });
    expect(migrate.stdout).toMatch(/up to date at schema version \d+/);
  });
});

describe('nextseason user add and event add', () => {
  it('creates an account from a password on standard input, and scripts an event with field errors named', async () => {
    const env = { DATABASE_URL: `sqlite:${tmp()}/db.sqlite` };
    const short = await runCli(['user', 'add', '--email', 'a@b.test', '--name', 'A', '--role', 'editor'], env, 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr.trim()).toBe('nextseason: the password (from standard input) must have at least 12 characters');
    const ok = await runCli(['user', 'add', '--email', 'a@b.test', '--name', 'A', '--role', 'editor'], env, 'a long enough password\n');
    expect(ok.stdout.trim()).toBe('created editor a@b.test');
    await runCli(['seed'], env);
    const bad = await runCli(['event', 'add', '--show', 'somos', '--kind', 'renewed', '--date', 'soon', '--tier', 'official'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--date: the date must be a date');
    expect(bad.stderr).toContain('--source-url: a source URL is needed unless the tier is rumour');
    const added = await runCli(
      [
        'event',
        'add',
        '--show',
        'somos',
        '--kind',
        'cancelled',
        '--season',
        '1',
        '--date',
        '2026-11-01',
        '--tier',
        'trade',
        '--source-url',
        'https://variety.com/somos',
      ],
      env,
    );
    expect(added.stdout).toMatch(/^added event #\d+ to somos; status now cancelled/);
  });
});
