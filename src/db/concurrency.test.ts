import { expect, it } from 'vitest';
import { concurrencyLimit } from './concurrency.ts';

it('runs at most n tasks at once, in the order they came, and passes on results and errors', async () => {
  const limit = concurrencyLimit(2);
  let running = 0;
  let most = 0;
  const order: number[] = [];
  const gates = Array.from({ length: 5 }, () => {
    let resolve = () => {};
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  });
  const tasks = gates.map((gate, i) =>
    limit(async () => {
      running++;
      most = Math.max(most, running);
      order.push(i);
      await gate.promise;
      running--;
      if (i === 3) throw new Error('task 3 failed');
      return i;
    }),
  );
  for (const gate of gates) gate.resolve();
  const results = await Promise.allSettled(tasks);
  expect(most).toBe(2);
  expect(order).toEqual([0, 1, 2, 3, 4]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([0, 1, 2, 'task 3 failed', 4]);
});
