import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { validateEvent } from '../status/event.input.ts';
import { addEvent, retractEvent, updateEvent } from '../status/events.writes.ts';
import { type SmtpProcess, startSmtp } from '../testing/smtp.ts';
import { waitUntil } from '../testing/wait.ts';
import { type Receiver, signatureValid, startReceiver } from '../testing/webhook.receiver.ts';
import { type DatedPremiere, queueEventAlerts, queueForecastAlerts, queuePremiereAlerts } from './alerts.queue.ts';
import { MAX_ATTEMPTS, nextAttempt } from './alerts.rules.ts';
import { alertSender } from './alerts.sender.ts';
import { followTarget } from './follows.queries.ts';
import { confirmFollower, createWebhookFollower, LIMITS, requestEmailFollow, setDigest } from './follows.writes.ts';

// Alerts on a real database, sent through a real SMTP server process and received by a real HTTP server.

const SITE = 'https://nextseason.test';
let smtp: SmtpProcess;
let hook: Receiver;
beforeAll(async () => {
  [smtp, hook] = await Promise.all([startSmtp(), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([smtp.stop(), hook.close()]);
});

const event = (fields: Record<string, string>) => {
  const checked = validateEvent({ tier: 'official', source_url: 'https://tv.apple.com/press/severance', ...fields });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.data;
};

async function showId(db: Db, slug: string) {
  return (await db.kysely.selectFrom('shows').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

async function emailFollower(db: Db, email: string, target: { show?: string; platform?: string }, ip = '203.0.113.7') {
  const t = await followTarget(db.kysely, target);
  if (!t) throw new Error('no target');
  const outcome = await requestEmailFollow(
    db.kysely,
    { email, target: t, threshold: null, ipKey: ip },
    { now: TEST_NOW, siteUrl: SITE, secret: 's' },
  );
  expect(outcome.kind).toBe('mailed');
  const { id } = await db.kysely
    .selectFrom('followers')
    .select('id')
    .where('email_key', '=', email.toLowerCase())
    .executeTakeFirstOrThrow();
  return id;
}

const outbox = (db: Db) => db.kysely.selectFrom('alert_outbox').selectAll().orderBy('id').execute();

describeEachEngine(
  'alerts',
  (db, engine) => {
    /** One sender's pass over what is due at `now`, its SMTP pool closed after. */
    const drain = async (now = TEST_NOW) => {
      const s = alertSender({
        db: db(),
        siteUrl: SITE,
        smtpUrl: smtp.url,
        from: 'Next Season <alerts@nextseason.test>',
        now: () => now,
        allowPrivateWebhooks: true,
        random: () => 0.5,
      });
      try {
        return await s.drain();
      } finally {
        s.stop();
      }
    };

    beforeEach(async () => {
      for (const table of ['alert_outbox', 'follows', 'followers', 'follow_requests', 'mail_outbox'] as const)
        await db().kysely.deleteFrom(table).execute();
    });

    it('queues one alert per confirmed follower of the show, its platform or the site, and none for the unconfirmed', async () => {
      const severance = await showId(db(), 'severance');
      const both = await emailFollower(db(), `both-${engine}@example.com`, { show: 'severance' });
      await confirmFollower(db().kysely, both, TEST_NOW);
      const t = await followTarget(db().kysely, { platform: 'apple-tv-plus' });
      await requestEmailFollow(
        db().kysely,
        { email: `both-${engine}@example.com`, target: t as never, threshold: null, ipKey: 'x' },
        { now: TEST_NOW, siteUrl: SITE, secret: 's' },
      );
      await confirmFollower(db().kysely, both, TEST_NOW);
      const waiting = await emailFollower(db(), `waiting-${engine}@example.com`, { show: 'severance' });
      const other = await emailFollower(db(), `other-${engine}@example.com`, { show: 'somos' });
      await confirmFollower(db().kysely, other, TEST_NOW);

      const id = await addEvent(
        db().kysely,
        severance,
        event({ kind: 'date_announced', season: '3', date: '2026-11-24', announced: '2027-03-19' }),
        null,
        TEST_NOW,
      );
      const rows = await outbox(db());
      expect(rows.map((r) => [r.follower_id, r.alert_key, r.kind])).toEqual([[both, `event:${id}`, 'date_announced']]);
      expect(rows.some((r) => r.follower_id === waiting)).toBe(false);
      const payload = JSON.parse(rows[0]?.payload ?? '{}');
      expect(payload.event).toMatchObject({
        tier: 'official',
        source: { url: 'https://tv.apple.com/press/severance' },
        premiere: { date: '2027-03-19', precision: 'day' },
      });

      // A retried queueing of the same change adds nothing: the key is unique per follower.
      expect(await queueEventAlerts(db().kysely, id, 'added', TEST_NOW)).toBe(0);
      expect(await outbox(db())).toHaveLength(1);
    });

    it('alerts no one of history filled in, rumours or casting news', async () => {
      const severance = await showId(db(), 'severance');
      await confirmFollower(db().kysely, await emailFollower(db(), `quiet-${engine}@example.com`, { show: 'severance' }), TEST_NOW);
      await addEvent(db().kysely, severance, event({ kind: 'renewed', season: '2', date: '2022-04-06' }), null, TEST_NOW);
      await addEvent(db().kysely, severance, event({ kind: 'renewed', season: '4', date: '2026-11-24', tier: 'rumour' }), null, TEST_NOW);
      await addEvent(db().kysely, severance, event({ kind: 'cast_joined', date: '2026-11-24' }), null, TEST_NOW);
      expect(await outbox(db())).toEqual([]);
    });

    it('sends a correction to those alerted when an event is edited, and a withdrawal when it is retracted', async () => {
      const severance = await showId(db(), 'severance');
      const f = await emailFollower(db(), `fix-${engine}@example.com`, { show: 'severance' });
      await confirmFollower(db().kysely, f, TEST_NOW);
      const id = await addEvent(
        db().kysely,
        severance,
        event({ kind: 'date_announced', season: '3', date: '2026-11-24', announced: '2027-03-19' }),
        null,
        TEST_NOW,
      );
      const later = new Date(TEST_NOW.getTime() + 60_000);
      await updateEvent(
        db().kysely,
        id,
        event({ kind: 'date_announced', season: '3', date: '2026-11-24', announced: '2027-03-26' }),
        null,
        later,
      );
      await retractEvent(db().kysely, id, null, new Date(later.getTime() + 60_000));
      const rows = await outbox(db());
      expect(rows.map((r) => [r.kind, JSON.parse(r.payload).change])).toEqual([
        ['date_announced', 'new'],
        ['date_announced', 'corrected'],
        ['date_announced', 'retracted'],
      ]);
      expect(JSON.parse(rows[1]?.payload ?? '{}').event.premiere.date).toBe('2027-03-26');
    });

    it('mails each alert once with one-click unsubscribe, and posts a signed webhook the receiver verifies on its own', async () => {
      const severance = await showId(db(), 'severance');
      const email = `mail-${engine}@example.com`;
      await confirmFollower(db().kysely, await emailFollower(db(), email, { show: 'severance' }), TEST_NOW);
      const target = await followTarget(db().kysely, { show: 'severance' });
      const made = await createWebhookFollower(
        db().kysely,
        { url: hook.url, targets: [target as never], threshold: null, ipKey: 'h' },
        TEST_NOW,
      );
      if ('limited' in made) throw new Error('limited');
      const before = hook.received.length;
      const id = await addEvent(db().kysely, severance, event({ kind: 'renewed', season: '3', date: '2026-11-24' }), null, TEST_NOW);
      expect(await drain()).toEqual({ sent: 2, failed: 0 });

      const mail = await smtp.waitFor((m) => m.to.includes(email));
      expect(mail.subject).toBe('Severance is renewed for season 3');
      expect(mail.text).toContain('Source: tv.apple.com (official announcement) https://tv.apple.com/press/severance');
      expect(mail.text).toContain(`${SITE}/shows/severance`);
      expect(mail.headers['list-unsubscribe']).toMatch(/^<https:\/\/nextseason\.test\/follows\/unsubscribe\?token=\d+\.[\w-]+>$/);
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(1);

      await hook.waitFor(before + 1);
      const got = hook.received.at(-1);
      expect(got && signatureValid(made.secret, got)).toBe(true);
      expect(got && signatureValid(`whsec_${Buffer.from('wrong key').toString('base64')}`, got)).toBe(false);
      expect(got?.json).toMatchObject({
        type: 'show.renewed',
        data: { season: 3, event: { id, tier: 'official' }, show: { slug: 'severance' } },
      });
      const rows = await outbox(db());
      expect(rows.every((r) => r.sent_at !== null && r.attempts === 1)).toBe(true);
      expect(got?.id).toBe(`msg_alert_${rows.find((r) => r.follower_id === made.id)?.id}`);
      // Nothing is due now: a second drain sends nothing.
      expect(await drain()).toEqual({ sent: 0, failed: 0 });
    });

    it('retries a failing webhook on the Standard Webhooks schedule, then gives up and stops the endpoint with its reason', async () => {
      const severance = await showId(db(), 'severance');
      const target = await followTarget(db().kysely, { show: 'severance' });
      const made = await createWebhookFollower(
        db().kysely,
        { url: hook.url, targets: [target as never], threshold: null, ipKey: 'h' },
        TEST_NOW,
      );
      if ('limited' in made) throw new Error('limited');
      await addEvent(db().kysely, severance, event({ kind: 'cancelled', date: '2026-11-24' }), null, TEST_NOW);
      hook.answer = 503;
      try {
        let clock = TEST_NOW.getTime();
        const waits: number[] = [];
        for (let i = 0; i < MAX_ATTEMPTS; i++) {
          expect(await drain(new Date(clock))).toEqual({ sent: 0, failed: 1 });
          const row = (await outbox(db()))[0];
          if (row?.dead_at) break;
          waits.push(Math.round((new Date(row?.due_at as string).getTime() - clock) / 1000));
          clock = new Date(row?.due_at as string).getTime();
        }
        // The schedule, 10% later at this test's jitter (random 0.5); never earlier, so even with no jitter the tries span a day.
        expect(waits).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000].map((w) => Math.round(w * 1.1)));
        const unjittered = Array.from(
          { length: MAX_ATTEMPTS - 1 },
          (_, i) => (nextAttempt(i + 1, TEST_NOW, 0) as Date).getTime() - TEST_NOW.getTime(),
        );
        expect(unjittered.reduce((a, b) => a + b, 0)).toBeGreaterThan(86_400_000);
        expect(nextAttempt(MAX_ATTEMPTS, TEST_NOW, 0.5)).toBeNull();
        const [row] = await outbox(db());
        expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, last_error: 'HTTP 503' });
        expect(row?.dead_at).not.toBeNull();
        const f = await db().kysely.selectFrom('followers').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
        expect(f.status).toBe('disabled');
        expect(f.disabled_reason).toMatch(/^HTTP 503; given up after 8 tries over a day/);
      } finally {
        hook.answer = 200;
      }
    });

    it('sends a digest follower one mail a day with all its alerts', async () => {
      const severance = await showId(db(), 'severance');
      const email = `digest-${engine}@example.com`;
      const f = await emailFollower(db(), email, { show: 'severance' });
      await confirmFollower(db().kysely, f, TEST_NOW);
      await setDigest(db().kysely, f, 'daily');
      await addEvent(db().kysely, severance, event({ kind: 'renewed', season: '3', date: '2026-11-24' }), null, TEST_NOW);
      await addEvent(
        db().kysely,
        severance,
        event({ kind: 'date_announced', season: '3', date: '2026-11-25', announced: '2027-03-19' }),
        null,
        TEST_NOW,
      );
      expect(await drain()).toEqual({ sent: 0, failed: 0 }); // not yet 07:00
      expect(await drain(new Date('2026-11-26T07:00:01Z'))).toEqual({ sent: 2, failed: 0 });
      const mail = await smtp.waitFor((m) => m.to.includes(email));
      expect(mail.subject).toBe('2 updates from Next Season: Severance is renewed for season 3 and more');
      expect(mail.text).toContain('Severance season 3 premieres 19 March 2027');
    });

    it('queues premiere alerts for today and tomorrow once however often the daily job runs, and forecast alerts once per crossing', async () => {
      const severance = await showId(db(), 'severance');
      const f = await emailFollower(db(), `clock-${engine}@example.com`, { show: 'severance' });
      await confirmFollower(db().kysely, f, TEST_NOW);
      await db().kysely.updateTable('follows').set({ threshold: 0.6 }).where('follower_id', '=', f).execute();
      await addEvent(
        db().kysely,
        severance,
        event({ kind: 'date_announced', season: '3', date: '2026-11-25', announced: '2026-11-26' }),
        null,
        TEST_NOW,
      );
      await db().kysely.deleteFrom('alert_outbox').execute();
      const soon: DatedPremiere[] = [{ slug: 'severance', season: 3, premiere: { date: '2026-11-26' } }];
      expect(await queuePremiereAlerts(db().kysely, soon, TEST_NOW)).toBe(1);
      expect(await queuePremiereAlerts(db().kysely, soon, TEST_NOW)).toBe(0);
      expect(await queuePremiereAlerts(db().kysely, soon, new Date('2026-11-26T00:00:05Z'))).toBe(1);
      expect((await outbox(db())).map((r) => r.kind)).toEqual(['premiere_tomorrow', 'premiere_today']);

      let p = 0.55;
      const chance = async (slug: string) => (slug === 'severance' ? p : null);
      expect(await queueForecastAlerts(db().kysely, chance, TEST_NOW)).toBe(0);
      p = 0.62;
      expect(await queueForecastAlerts(db().kysely, chance, TEST_NOW)).toBe(1);
      expect(await queueForecastAlerts(db().kysely, chance, new Date('2026-11-27T00:00:00Z'))).toBe(0); // still above: no repeat
      p = 0.58; // within the hysteresis band: not reset
      await queueForecastAlerts(db().kysely, chance, new Date('2026-11-28T00:00:00Z'));
      p = 0.64;
      expect(await queueForecastAlerts(db().kysely, chance, new Date('2026-11-29T00:00:00Z'))).toBe(0);
      p = 0.4;
      await queueForecastAlerts(db().kysely, chance, new Date('2026-11-30T00:00:00Z'));
      p = 0.7;
      expect(await queueForecastAlerts(db().kysely, chance, new Date('2026-12-01T00:00:00Z'))).toBe(1);
    });

    it('keeps mail waiting while no mail server is set or it cannot be reached, and never stops an address for it', async () => {
      const severance = await showId(db(), 'severance');
      const f = await emailFollower(db(), `waiting-${engine}@example.com`, { show: 'severance' });
      await confirmFollower(db().kysely, f, TEST_NOW);
      await addEvent(db().kysely, severance, event({ kind: 'renewed', season: '3', date: '2026-11-24' }), null, TEST_NOW);
      const sender = (smtpUrl: string | null, now: Date) =>
        alertSender({ db: db(), siteUrl: SITE, smtpUrl, from: 'a@nextseason.test', now: () => now, random: () => 0.5 });
      const unset = sender(null, TEST_NOW);
      expect(await unset.drain()).toEqual({ sent: 0, failed: 0 });
      unset.stop();
      expect((await outbox(db()))[0]).toMatchObject({ attempts: 0, claimed_until: null, sent_at: null });
      // A server that refuses connections for a day: the row gives up, the follower stays active.
      let clock = TEST_NOW.getTime();
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        const down = sender('smtp://127.0.0.1:9', new Date(clock));
        await down.drain();
        down.stop();
        clock = new Date((await outbox(db()))[0]?.due_at as string).getTime();
      }
      expect((await outbox(db()))[0]?.dead_at).not.toBeNull();
      const follower = await db().kysely.selectFrom('followers').select('status').where('id', '=', f).executeTakeFirstOrThrow();
      expect(follower.status).toBe('active');
    });

    it('corrects a stopped endpoint too: turned on again, it hears the withdrawal after the alert it still holds', async () => {
      const severance = await showId(db(), 'severance');
      const target = await followTarget(db().kysely, { show: 'severance' });
      const made = await createWebhookFollower(
        db().kysely,
        { url: hook.url, targets: [target as never], threshold: null, ipKey: 'd' },
        TEST_NOW,
      );
      if ('limited' in made) throw new Error('limited');
      const id = await addEvent(db().kysely, severance, event({ kind: 'renewed', season: '3', date: '2026-11-24' }), null, TEST_NOW);
      await db().kysely.updateTable('followers').set({ status: 'disabled', disabled_at: TEST_NOW.toISOString() }).execute();
      await retractEvent(db().kysely, id, null, TEST_NOW);
      expect((await outbox(db())).map((r) => JSON.parse(r.payload).change)).toEqual(['new', 'retracted']);
    });

    it('starts no delivery it could not finish inside its claim: two senders with short claims send each webhook once', async () => {
      const severance = await showId(db(), 'severance');
      const target = await followTarget(db().kysely, { show: 'severance' });
      const made = await createWebhookFollower(
        db().kysely,
        { url: `${hook.url}/claims-${engine}`, targets: [target as never], threshold: null, ipKey: 'c' },
        TEST_NOW,
      );
      if ('limited' in made) throw new Error('limited');
      for (const [kind, date] of [
        ['renewed', '2026-11-20'],
        ['cancelled', '2026-11-21'],
        ['renewed', '2026-11-22'],
        ['ended', '2026-11-23'],
      ])
        await addEvent(db().kysely, severance, event({ kind: kind as string, season: '3', date: date as string }), null, TEST_NOW);
      const before = hook.received.length;
      hook.delayMs = 120;
      try {
        const sender = () =>
          alertSender({
            db: db(),
            siteUrl: SITE,
            smtpUrl: null,
            from: 'a@x.test',
            now: () => new Date(),
            allowPrivateWebhooks: true,
            claimMs: 300,
          });
        const [a, b] = [sender(), sender()];
        // Rows are due at TEST_NOW (in the past): each sender drains until nothing is left.
        const allSent = async () => (await outbox(db())).every((r) => r.sent_at !== null);
        const until = (s: ReturnType<typeof sender>) => waitUntil(async () => (await s.drain()) && allSent(), 10_000, 'every webhook sent');
        await Promise.all([until(a), until(b)]);
        a.stop();
        b.stop();
      } finally {
        hook.delayMs = 0;
      }
      const ids = hook.received.slice(before).map((r) => r.id);
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);
    });

    it('limits confirmation mails per address and per network each day', async () => {
      const t = await followTarget(db().kysely, { show: 'somos' });
      const ask = (email: string, ip: string) =>
        requestEmailFollow(
          db().kysely,
          { email, target: t as never, threshold: null, ipKey: ip },
          { now: TEST_NOW, siteUrl: SITE, secret: 's' },
        );
      for (let i = 0; i < LIMITS.perAddress; i++) expect((await ask('Same@Example.com', `198.51.100.${i}`)).kind).toBe('mailed');
      expect(await ask('same@example.com', '198.51.100.99')).toMatchObject({ kind: 'limited' });
      for (let i = 0; i < LIMITS.perNetwork; i++) expect((await ask(`n${i}@example.com`, '192.0.2.1')).kind).toBe('mailed');
      const limited = await ask('fresh@example.com', '192.0.2.1');
      expect(limited.kind).toBe('limited');
      const queued = await db().kysely.selectFrom('mail_outbox').select('kind').where('kind', '=', 'follow-confirm').execute();
      expect(queued).toHaveLength(LIMITS.perAddress + LIMITS.perNetwork);
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
