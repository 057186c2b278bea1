import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { freePort } from '../testing/server.ts';
import { type SmtpProcess, startSmtp } from '../testing/smtp.ts';
import { drainOutbox, enqueueMail } from './outbox.ts';

let smtp: SmtpProcess;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp?.stop());

describeEachEngine('mail outbox', (db, engine) => {
  const subject = `Hello from ${engine}`;
  it('retries a mail the SMTP server did not take, later, without naming the address in the log, then sends it once', async () => {
    let t = TEST_NOW.getTime();
    const now = () => new Date(t);
    await enqueueMail(db().kysely, { kind: 'test', to: 'reader@example.com', subject, text: 'Body', headers: { 'X-Test': '1' } }, now());
    const down = nodemailer.createTransport(`smtp://127.0.0.1:${await freePort()}`);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await drainOutbox(db().kysely, down, 'Next Season <no-reply@nextseason.test>', now)).toEqual({ sent: 0, failed: 1 });
    expect(log.mock.calls.join(' ')).toMatch(/mail #\d+ \(test\) not sent: ESOCKET; attempt 1 of 8/);
    expect(log.mock.calls.join(' ')).not.toContain('reader@example.com');
    log.mockRestore();

    const up = nodemailer.createTransport(smtp.url);
    expect(await drainOutbox(db().kysely, up, 'Next Season <no-reply@nextseason.test>', now)).toEqual({ sent: 0, failed: 0 }); // not due yet
    t += 61_000;
    expect(await drainOutbox(db().kysely, up, 'Next Season <no-reply@nextseason.test>', now)).toEqual({ sent: 1, failed: 0 });
    expect(await drainOutbox(db().kysely, up, 'Next Season <no-reply@nextseason.test>', now)).toEqual({ sent: 0, failed: 0 });
    const mail = await smtp.waitFor((m) => m.subject === subject);
    expect(mail).toMatchObject({ from: 'no-reply@nextseason.test', to: ['reader@example.com'], text: 'Body\n' });
    expect(mail.headers['x-test']).toBe('1');
    expect(smtp.mails.filter((m) => m.subject === subject)).toHaveLength(1);
  });
});
