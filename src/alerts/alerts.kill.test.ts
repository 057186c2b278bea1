import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { testEngines } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { validateEvent } from '../status/event.input.ts';
import { addEvent } from '../status/events.writes.ts';
import { scratchDatabase } from '../testing/scratch.db.ts';
import { ROOT } from '../testing/server.ts';
import { type SmtpProcess, startSmtp } from '../testing/smtp.ts';
import { type Receiver, startReceiver } from '../testing/webhook.receiver.ts';
import { followTarget } from './follows.queries.ts';
import { confirmFollower, createWebhookFollower, requestEmailFollow } from './follows.writes.ts';

// `nextseason alerts send` killed with SIGKILL three times while it delivers one renewal to 100 mailboxes and
// 15 webhooks: after a last run, every mailbox holds the alert (one Message-ID), every endpoint got it with
// one webhook-id, and what arrived twice is only what was in flight at a kill.

const MAILS = 100;
const HOOKS = 15;
const KILLS = 3;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-alert-kill-'));
let smtp: SmtpProcess;
let hook: Receiver;
beforeAll(async () => {
  [smtp, hook] = await Promise.all([startSmtp(), startReceiver()]);
  hook.delayMs = 15; // a receiver a little slow, so kills land with deliveries in flight
});
afterAll(async () => {
  await Promise.all([smtp.stop(), hook.close()]);
});

for (const engine of testEngines()) {
  it(`delivers every alert through SIGKILL: once per mailbox, at least once with one webhook-id per endpoint [${engine}]`, async () => {
    const { url, drop } = await scratchDatabase(engine, dir);
    const db = await openDatabase(parseDatabaseUrl(url));
    const tag = `${engine}-${Date.now()}`;
    try {
      await migrate(db);
      const now = new Date();
      await importStarterCatalogue(db, loadStarterCatalogue(), now);
      const target = await followTarget(db.kysely, { show: 'severance' });
      if (!target) throw new Error('no severance');
      for (let i = 0; i < MAILS; i++) {
        await requestEmailFollow(
          db.kysely,
          { email: `k${i}-${tag}@example.com`, target, threshold: null, ipKey: `10.0.${i}.1` },
          { now, siteUrl: 'http://x.test', secret: 's' },
        );
      }
      for (const f of await db.kysely.selectFrom('followers').select('id').execute()) await confirmFollower(db.kysely, f.id, now);
      for (let i = 0; i < HOOKS; i++)
        await createWebhookFollower(
          db.kysely,
          { url: `${hook.url}/${tag}/${i}`, targets: [target], threshold: null, ipKey: `10.1.${i}.1` },
          now,
        );
      const severance = target.showId as number;
      const renewal = validateEvent({
        kind: 'renewed',
        season: '3',
        date: now.toISOString().slice(0, 10),
        tier: 'official',
        source_url: 'https://tv.apple.com/kill',
      });
      if (!renewal.ok) throw new Error('fixture');
      await addEvent(db.kysely, severance, renewal.data, null, now);
      expect(await db.kysely.selectFrom('alert_outbox').select('id').execute()).toHaveLength(MAILS + HOOKS);

      const mine = () => ({
        mails: smtp.mails.filter((m) => m.to.some((t) => t.endsWith(`-${tag}@example.com`))),
        hooks: hook.received.filter((r) => r.path.startsWith(`/hook/${tag}/`)),
      });
      const delivered = () => mine().mails.length + mine().hooks.length;
      const env = {
        ...process.env,
        DATABASE_URL: url,
        SMTP_URL: smtp.url,
        ALLOW_PRIVATE_WEBHOOKS: '1',
        ALERT_CLAIM_SECONDS: '1',
        SITE_URL: 'http://x.test',
      };
      const send = () => spawn(process.execPath, [path.join(ROOT, 'bin/nextseason.js'), 'alerts', 'send'], { env, cwd: ROOT });

      // Kill at 15%, 35% and 55% of the way, each time once the sender has delivered a few more.
      let kills = 0;
      const rounds: string[] = [];
      for (const share of [0.15, 0.35, 0.55]) {
        const child = send();
        const goal = Math.max(delivered() + 3, Math.floor((MAILS + HOOKS) * share));
        const exit = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
        const watch = setInterval(() => {
          if (delivered() >= goal) child.kill('SIGKILL');
        }, 2);
        const signal = await exit;
        clearInterval(watch);
        if (signal === 'SIGKILL') kills++;
        rounds.push(`${signal ?? 'exit'} at ${delivered()} (goal ${goal})`);
      }
      expect(kills, rounds.join('; ')).toBe(KILLS);

      // A last sender finishes the work, the killed ones' claims having run out.
      const last = send();
      let out = '';
      last.stdout.on('data', (d) => (out += d));
      last.stderr.on('data', (d) => (out += d));
      expect(await new Promise((resolve) => last.once('exit', resolve)), out).toBe(0);

      const rows = await db.kysely.selectFrom('alert_outbox').select(['id', 'follower_id', 'sent_at']).execute();
      expect(rows.filter((r) => r.sent_at === null)).toEqual([]);
      const { mails, hooks } = mine();
      const byAddress = new Map<string, Set<string>>();
      for (const m of mails) for (const to of m.to) byAddress.set(to, (byAddress.get(to) ?? new Set()).add(m.headers['message-id'] ?? ''));
      expect(byAddress.size).toBe(MAILS);
      expect([...byAddress.values()].filter((ids) => ids.size !== 1)).toEqual([]);
      const byEndpoint = new Map<string, Set<string>>();
      for (const h of hooks) byEndpoint.set(h.path, (byEndpoint.get(h.path) ?? new Set()).add(h.id));
      expect(byEndpoint.size).toBe(HOOKS);
      expect([...byEndpoint.values()].filter((ids) => ids.size !== 1)).toEqual([]);
      // Only what was in flight when a sender died can arrive twice: at most one batch of parallel deliveries per kill.
      const doubled = mails.length - MAILS + (hooks.length - HOOKS);
      expect(doubled).toBeLessThanOrEqual(KILLS * 8);
      console.log(
        `alerts through ${KILLS} SIGKILLs [${engine}]: ${mails.length} mails for ${MAILS} mailboxes, ${hooks.length} webhooks for ${HOOKS} endpoints (${doubled} in flight at a kill, sent again with the same id)`,
      );
    } finally {
      await db.close();
      await drop();
    }
  }, 120_000);
}
