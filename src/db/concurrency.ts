/**
 * At most `n` of these tasks at once; the rest wait in order. Used so a burst of writes queues in memory
 * instead of taking every pooled connection, leaving connections free for pages.
 */
export function concurrencyLimit(n: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
