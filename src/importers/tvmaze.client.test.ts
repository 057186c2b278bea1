import { describe, expect, it } from 'vitest';
import { rateLimiter } from './tvmaze.client.ts';
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
