import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimiter, retryAfterMs, TvmazeError, tvmazeClient } from './tvmaze.client.ts';
import { updatesWindow } from './tvmaze.sync.ts';

describe('TVmaze client rules', () => {
  it('never lets more than 20 calls into any 10-second window', async () => {
    let clock = 0;
    const starts: number[] = [];
    const acquire = rateLimiter(
      20,
      10_000,
      () => clock,
      async (ms) => {
        clock += ms;
      },
    );
    for (let i = 0; i < 65; i++) {
      await acquire();
      starts.push(clock);
      clock += 7; // each call takes a little time
    }
    for (let i = 20; i < starts.length; i++) expect((starts[i] as number) - (starts[i - 20] as number)).toBeGreaterThanOrEqual(10_000);
    expect(starts[19]).toBeLessThan(1000); // the first 20 go at once
  });

  it('asks for the narrowest updates window that covers --since', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(updatesWindow(null, now)).toBeUndefined();
    expect(updatesWindow(new Date('2026-11-25T00:00:00Z'), now)).toBe('day');
    expect(updatesWindow(new Date('2026-11-20T00:00:00Z'), now)).toBe('week');
    expect(updatesWindow(new Date('2026-11-01T00:00:00Z'), now)).toBe('month');
    expect(updatesWindow(new Date('2026-01-01T00:00:00Z'), now)).toBeUndefined();
  });
});

// A TVmaze stand-in on 127.0.0.1: each show id answers a script of answers, one per call, the last repeated.
type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'cut';
const SHOW = { id: 1, name: 'Somos.' };
const scripts: Record<number, Answer[]> = {
  1: [
    { status: 503, body: 'busy' },
    { status: 200, body: JSON.stringify(SHOW) },
  ],
  2: [
    { status: 429, headers: { 'retry-after': '3' } },
    { status: 200, body: JSON.stringify(SHOW) },
  ],
  3: [
    { status: 429, headers: { 'retry-after': 'Wed, 25 Nov 2026 12:00:05 GMT' } },
    { status: 200, body: JSON.stringify(SHOW) },
  ],
  4: ['hang', { status: 200, body: JSON.stringify(SHOW) }],
  5: [{ status: 200, body: '{"id": 1, "name": "trunc' }],
  6: [{ status: 404, body: '{}' }],
  7: [{ status: 403, body: 'forbidden' }],
  8: ['cut', { status: 200, body: JSON.stringify(SHOW) }],
  9: [{ status: 500 }],
};
const calls = new Map<number, number>();
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const id = Number(/^\/shows\/(\d+)/.exec(req.url ?? '')?.[1]);
    const n = (calls.get(id) ?? 0) + 1;
    calls.set(id, n);
    const script = scripts[id] ?? [{ status: 404 }];
    const answer = script[Math.min(n, script.length) - 1] as Answer;
    if (answer === 'hang') return; // never answers: the client must time out
    if (answer === 'cut') {
      // Headers and half a body, then the connection drops.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"id": 1, "na');
      setImmediate(() => res.socket?.destroy());
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('TVmaze client against a local server', () => {
  const NOW = Date.parse('2026-11-25T12:00:00Z');
  /** A client whose waits are recorded (and not slept), with the clock and the jitter fixed. */
  const client = (jitter: number, retries = 3, timeoutMs = 10_000) => {
    const waits: number[] = [];
    const c = tvmazeClient({
      baseUrl: base,
      userAgent: 'nextseason/test',
      timeoutMs,
      retries,
      backoffMs: 100,
      rate: 1000,
      now: () => NOW,
      random: () => jitter,
      sleep: async (ms) => void waits.push(ms),
    });
    return { c, waits };
  };
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error as TvmazeError,
    );

  it('tries a 5xx again after a fully jittered wait, and returns the body', async () => {
    const { c, waits } = client(0.5);
    expect(await c.show(1)).toEqual(SHOW);
    expect(calls.get(1)).toBe(2);
    expect(waits).toEqual([50]); // half of the first step (100 ms)
  });

  it('waits as long as Retry-After asks on a 429, in seconds or as a date', async () => {
    const { c, waits } = client(0);
    expect(await c.show(2)).toEqual(SHOW);
    expect(await c.show(3)).toEqual(SHOW);
    expect(waits).toEqual([3000, 5000]);
    expect(retryAfterMs(null, NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBe(0);
    expect(retryAfterMs('Wed, 25 Nov 2026 11:00:00 GMT', NOW)).toBe(0); // already past
  });

  it('tries again after a timeout and after a body cut off halfway', async () => {
    // A short timeout, so the hanging call ends soon; on a busy machine the answer after it may time out too.
    const { c } = client(0, 3, 300);
    expect(await c.show(4)).toEqual(SHOW);
    expect(calls.get(4)).toBeGreaterThanOrEqual(2);
    expect(await client(0).c.show(8)).toEqual(SHOW);
    expect(calls.get(8)).toBe(2);
  });

  it('gives up after the last retry with the last error, the waits doubling up to it', async () => {
    const { c, waits } = client(1, 3);
    const malformed = await failure(c.show(5));
    expect(malformed).toBeInstanceOf(TvmazeError);
    expect(malformed.message).toMatch(/^GET \/shows\/5\?embed.*: the body is not JSON \(\{"id": 1, "name": "trunc…\)$/);
    expect(calls.get(5)).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
    const busy = await failure(client(0, 2).c.show(9));
    expect([busy.status, busy.message.endsWith('HTTP 500')]).toEqual([500, true]);
    expect(calls.get(9)).toBe(3);
  });

  it('never tries a 404 or another 4xx again', async () => {
    const { c, waits } = client(0);
    const missing = await failure(c.show(6));
    expect([missing.constructor, missing.status, missing.message]).toEqual([TvmazeError, 404, expect.stringMatching(/not found$/)]);
    const forbidden = await failure(c.show(7));
    expect([forbidden.constructor, forbidden.status]).toEqual([TvmazeError, 403]);
    expect([calls.get(6), calls.get(7), waits]).toEqual([1, 1, []]);
  });
});
