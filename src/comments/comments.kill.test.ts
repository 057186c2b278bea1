import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseDatabaseUrl } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { siteSecret } from '../db/secrets.ts';
import { testEngines } from '../db/testing.ts';
import { scratchDatabase } from '../testing/scratch.db.ts';
import { startServer } from '../testing/server.ts';
import { issueFormToken } from './form.token.ts';

// `serve` killed with SIGKILL in the middle of 200 concurrent comment posts: every post it acknowledged is
// stored, none twice, and sending the others again after a restart stores each of them once.

const POSTS = 200;
const WORKERS = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-comment-kill-'));

for (const engine of testEngines()) {
  it(`keeps every acknowledged comment through SIGKILL, and a resend never doubles one [${engine}]`, async () => {
    const { url, drop } = await scratchDatabase(engine, dir);
    const env = { DATABASE_URL: url, TRUST_PROXY: '1', SMTP_URL: '' };
    let server = await startServer(env);
    const db = await openDatabase(parseDatabaseUrl(url));
    try {
      const secret = await siteSecret(db.kysely, 'comment-form');
      const readers = Array.from({ length: POSTS }, (_, n) => ({ n, cookie: randomBytes(24).toString('base64url') }));
      const body = (n: number) => `Killed-server comment ${n}: is season 2 coming?`;
      /** A reader's post with a form served ten seconds ago, so the "too fast" rule does not apply. */
      const send = async (base: string, r: (typeof readers)[number]) => {
        const token = issueFormToken(secret, r.cookie, new Date(Date.now() - 10_000));
        const res = await fetch(`${base}/shows/somos/comments`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            cookie: `ns_form=${r.cookie}`,
            'x-forwarded-for': `10.88.${r.n >> 8}.${r.n & 255}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ _form: token, name: `Reader ${r.n}`, email: `r${r.n}@kill.example`, body: body(r.n) }).toString(),
        });
        await res.text();
        return res.status === 303 && /comment=(held|published|duplicate)/.test(res.headers.get('location') ?? '');
      };

      const acknowledged = new Set<number>();
      let next = 0;
      const first = server;
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          while (next < POSTS) {
            const r = readers[next++] as (typeof readers)[number];
            if (acknowledged.size >= POSTS / 3 && first.child.exitCode === null) first.child.kill('SIGKILL');
            if (await send(first.url, r).catch(() => false)) acknowledged.add(r.n);
          }
        }),
      );
      await new Promise<void>((resolve) =>
        first.child.exitCode !== null || first.child.signalCode ? resolve() : first.child.once('exit', () => resolve()),
      );
      expect(first.child.signalCode).toBe('SIGKILL');

      const storedCounts = async () => {
        const rows = await db.kysely.selectFrom('comments').select('body').where('body', 'like', 'Killed-server comment %').execute();
        const counts = new Map<string, number>();
        for (const r of rows) counts.set(r.body, (counts.get(r.body) ?? 0) + 1);
        return counts;
      };
      const afterKill = await storedCounts();
      expect([...acknowledged].filter((n) => afterKill.get(body(n)) !== 1)).toEqual([]);
      expect([...afterKill.values()].filter((c) => c !== 1)).toEqual([]);
      expect(acknowledged.size).toBeLessThan(POSTS);

      // The readers whose posts were cut off send them again.
      server = await startServer(env);
      const resent = readers.filter((r) => !acknowledged.has(r.n));
      const answered = await Promise.all(resent.map((r) => send(server.url, r)));
      expect(answered.every(Boolean)).toBe(true);
      const final = await storedCounts();
      expect(readers.filter((r) => final.get(body(r.n)) !== 1).map((r) => r.n)).toEqual([]);
      console.log(
        `[${engine}] SIGKILL during ${POSTS} posts: ${acknowledged.size} acknowledged, ${afterKill.size} stored, ` +
          `${resent.length} sent again, ${final.size} stored once each`,
      );
    } finally {
      await server.stop();
      await db.close();
      await drop();
    }
  });
}
