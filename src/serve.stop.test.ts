import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followTarget } from './alerts/follows.queries.ts';
import { createWebhookFollower } from './alerts/follows.writes.ts';
import { parseDatabaseUrl } from './config.ts';
import { openDatabase } from './db/database.ts';
import { testEngines } from './db/testing.ts';
import { validateEvent } from './status/event.input.ts';
import { addEvent } from './status/events.writes.ts';
import { scratchDatabase } from './testing/scratch.db.ts';
import { ROOT, startServer } from './testing/server.ts';
import { waitUntil } from './testing/wait.ts';
import { type Receiver, startReceiver } from './testing/webhook.receiver.ts';

// Operators' signals on real processes: SIGTERM lets a request in flight finish and refuses new ones, a
// sender hands back the alerts it had claimed, both exit 0; `serve --workers 2` and two separate processes
// on one PostgreSQL database see each other's writes; /healthz and /readyz answer.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-stop-'));
const exitOf = (child: { once: (e: 'exit', f: (code: number | null, signal: string | null) => void) => void }) =>
  new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(String(code ?? signal))));

/** Sends a request's head and half its body: the request stays in flight until `finish()`. */
async function halfSentPost(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const body = 'email=slow%40example.com&show=somos';
  socket.write(
    `POST /follows HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
  );
  socket.write(body.slice(0, 10));
  let answer = '';
  socket.on('data', (d) => (answer += d));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  return {
    finish: async () => {
      socket.end(body.slice(10));
      await closed;
      return answer;
    },
  };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

describe('stopping and health', () => {
  let hook: Receiver;
  beforeAll(async () => {
    hook = await startReceiver();
  });
  afterAll(async () => {
    await hook.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('on SIGTERM finishes a request in flight, accepts no new one, and exits 0', async () => {
    const server = await startServer({ DATABASE_URL: `sqlite:${path.join(dir, 'stop.db')}` });
    const port = Number(new URL(server.url).port);
    expect(await (await fetch(`${server.url}/healthz`)).text()).toBe('ok');
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ ready: true, database: 'sqlite' });

    const inFlight = await halfSentPost(port);
    const exited = exitOf(server.child);
    server.child.kill('SIGTERM');
    await waitUntil(() => refused(port), 5_000, 'new connections refused');
    const answer = await inFlight.finish();
    expect(answer).toMatch(/^HTTP\/1\.1 (200|400|404) /);
    expect(await exited).toBe('0');
  }, 30_000);

  it('refuses --workers on SQLite with a clear message', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/nextseason.js'), 'serve', '--workers', '2'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'w.db')}` },
      cwd: ROOT,
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await exitOf(child)).toBe('2');
    expect(err).toContain('--workers needs PostgreSQL');
  });

  for (const engine of testEngines())
    it(`alerts send --watch hands back the alerts it had claimed when stopped, and exits 0 [${engine}]`, async () => {
      const { url, drop } = await scratchDatabase(engine, dir);
      const server = await startServer({ DATABASE_URL: url }); // migrates and loads the starter catalogue
      await server.stop();
      const db = await openDatabase(parseDatabaseUrl(url));
      const tag = `stop-${engine}-${Date.now()}`;
      try {
        const now = new Date();
        const target = await followTarget(db.kysely, { show: 'severance' });
        if (!target) throw new Error('no severance');
        for (let i = 0; i < 40; i++)
          await createWebhookFollower(
            db.kysely,
            { url: `${hook.url}/${tag}/${i}`, targets: [target], threshold: null, ipKey: `10.2.${i}.1` },
            now,
          );
        const renewal = validateEvent({
          kind: 'renewed',
          season: '3',
          date: now.toISOString().slice(0, 10),
          tier: 'official',
          source_url: 'https://tv.apple.com/stop',
        });
        if (!renewal.ok) throw new Error('fixture');
        await addEvent(db.kysely, target.showId as number, renewal.data, null, now);
        hook.delayMs = 200;
        const env = { ...process.env, DATABASE_URL: url, ALLOW_PRIVATE_WEBHOOKS: '1', SMTP_URL: '' };
        const sender = spawn(process.execPath, [path.join(ROOT, 'bin/nextseason.js'), 'alerts', 'send', '--watch'], { env, cwd: ROOT });
        const exited = exitOf(sender);
        const mine = () => hook.received.filter((r) => r.path.startsWith(`/hook/${tag}/`)).length;
        await waitUntil(() => mine() >= 3, 20_000, 'first deliveries');
        sender.kill('SIGTERM');
        expect(await exited).toBe('0');
        const rows = await db.kysely.selectFrom('alert_outbox').select(['sent_at', 'claimed_until']).execute();
        const sent = rows.filter((r) => r.sent_at !== null).length;
        expect(sent).toBe(mine()); // what was in flight finished and was marked
        expect(sent).toBeLessThan(40);
        expect(rows.filter((r) => r.sent_at === null && r.claimed_until !== null)).toEqual([]);
      } finally {
        hook.delayMs = 0;
        await db.close();
        await drop();
      }
    }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('several processes on one PostgreSQL database', () => {
  it('serve --workers 2 answers, and a write by another process shows on both of two servers at once', async () => {
    const { url, drop } = await scratchDatabase('postgres', dir);
    const workers = await startServer({ DATABASE_URL: url }, { args: ['--workers', '2'] });
    const other = await startServer({ DATABASE_URL: url });
    const db = await openDatabase(parseDatabaseUrl(url));
    try {
      await waitUntil(() => (workers.output().match(/is running at/g) ?? []).length === 2, 20_000, 'two workers');
      for (const s of [workers, other]) {
        expect(await (await fetch(`${s.url}/readyz`)).json()).toMatchObject({ ready: true, changes: 'listening' });
        expect(await (await fetch(`${s.url}/shows/somos`)).text()).not.toContain('Seen by every process');
      }
      const wrote = Date.now();
      await db.kysely
        .updateTable('shows')
        .set({ synopsis: 'Seen by every process', updated_at: new Date().toISOString() })
        .where('slug', '=', 'somos')
        .execute();
      for (const s of [workers, other])
        await waitUntil(async () => (await (await fetch(`${s.url}/shows/somos`)).text()).includes('Seen by every process'), 5_000, s.url);
      console.log(`a write seen by both servers (three processes) ${Date.now() - wrote} ms after it committed`);
      const exited = exitOf(workers.child);
      workers.child.kill('SIGTERM');
      expect(await exited).toBe('0');
    } finally {
      await db.close();
      await other.stop();
      await workers.stop();
      await drop();
    }
  }, 90_000);
});
