import pRetry, { AbortError } from 'p-retry';

// A polite client for the TVmaze public API: at most `rate` calls per `per` ms, retries (p-retry) with
// exponential backoff and full jitter on 429, 5xx, timeouts and unreadable bodies, waiting at least as long
// as a Retry-After asks; 404 and other 4xx answers end at once. A User-Agent names us.

export interface ClientOptions {
  baseUrl: string;
  userAgent: string;
  rate?: number;
  perMs?: number;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  fetch?: typeof fetch;
}

export class TvmazeError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** What the answer's Retry-After asked for, in ms. */
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

/** Allows `rate` events in any window of `perMs`: a sliding log of recent call times. */
export function rateLimiter(rate: number, perMs: number, now: () => number, sleep: (ms: number) => Promise<void>) {
  const recent: number[] = [];
  return async function acquire(): Promise<void> {
    for (;;) {
      const t = now();
      while (recent.length > 0 && (recent[0] as number) <= t - perMs) recent.shift();
      if (recent.length < rate) {
        recent.push(t);
        return;
      }
      await sleep((recent[0] as number) + perMs - t);
    }
  };
}

/** How long a Retry-After header asks for, in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); 0 if absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number {
  if (!header) return 0;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}

export function tvmazeClient(options: ClientOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const doFetch = options.fetch ?? fetch;
  const retries = options.retries ?? 5;
  const backoff = options.backoffMs ?? 1000;
  const acquire = rateLimiter(options.rate ?? 20, options.perMs ?? 10_000, now, sleep);
  const base = options.baseUrl.replace(/\/+$/, '');
  const reason = (error: unknown) => ((error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message);

  /** One try: the parsed body, a TvmazeError worth another try, or an AbortError (404, other 4xx) that ends them. */
  async function attempt<T>(path: string): Promise<T> {
    await acquire();
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        headers: { 'user-agent': options.userAgent, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new TvmazeError(`GET ${path}: ${reason(error)}`, null);
    }
    if (response.status === 404) throw new AbortError(new TvmazeError(`GET ${path}: not found`, 404));
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      const wait = retryAfterMs(response.headers.get('retry-after'), now());
      throw new TvmazeError(`GET ${path}: HTTP ${response.status}`, response.status, wait);
    }
    if (!response.ok) throw new AbortError(new TvmazeError(`GET ${path}: HTTP ${response.status}`, response.status));
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new TvmazeError(`GET ${path}: the body could not be read (${reason(error)})`, response.status);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new TvmazeError(`GET ${path}: the body is not JSON (${text.slice(0, 40).replace(/\s+/g, ' ')}…)`, response.status);
    }
  }

  const get = <T>(path: string): Promise<T> =>
    pRetry(() => attempt<T>(path), {
      retries,
      // The waits are ours (below), through the injectable sleep: p-retry adds none of its own.
      minTimeout: 0,
      onFailedAttempt: async ({ error, retriesLeft, retriesConsumed }) => {
        if (retriesLeft === 0) return;
        // Full jitter: anywhere up to the exponential step, so many clients do not retry in step; never
        // sooner than the server's Retry-After.
        const step = random() * backoff * 2 ** retriesConsumed;
        await sleep(Math.max(step, (error as TvmazeError).retryAfterMs ?? 0));
      },
    });

  return {
    /** Show id → last-updated epoch seconds; `since` is TVmaze's day, week or month window, or all. */
    updates: (since?: 'day' | 'week' | 'month') => get<Record<string, number>>(`/updates/shows${since ? `?since=${since}` : ''}`),
    show: (id: number) => get<unknown>(`/shows/${id}?embed[]=episodes&embed[]=seasons`),
  };
}

export type TvmazeClient = ReturnType<typeof tvmazeClient>;
