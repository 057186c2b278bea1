// A polite client for the TVmaze public API: at most `rate` calls per `per` ms, retries with
// exponential backoff and jitter on 429, 5xx, timeouts and unreadable bodies, and a User-Agent naming us.

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

export function tvmazeClient(options: ClientOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const doFetch = options.fetch ?? fetch;
  const retries = options.retries ?? 5;
  const backoff = options.backoffMs ?? 1000;
  const acquire = rateLimiter(options.rate ?? 20, options.perMs ?? 10_000, now, sleep);
  const base = options.baseUrl.replace(/\/+$/, '');

  async function get<T>(path: string): Promise<T> {
    let lastError: TvmazeError | null = null;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        // Full jitter: anywhere up to the exponential step, so many clients do not retry in step.
        const retryAfter = lastError?.status === 429 ? retryAfterMs : 0;
        await sleep(Math.max(retryAfter, random() * backoff * 2 ** (attempt - 1)));
      }
      await acquire();
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, {
          headers: { 'user-agent': options.userAgent, accept: 'application/json' },
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        lastError = new TvmazeError(
          `GET ${path}: ${(error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message}`,
          null,
        );
        continue;
      }
      if (response.status === 404) throw new TvmazeError(`GET ${path}: not found`, 404);
      if (response.status === 429 || response.status >= 500) {
        retryAfterMs = Number(response.headers.get('retry-after') ?? 0) * 1000;
        await response.body?.cancel();
        lastError = new TvmazeError(`GET ${path}: HTTP ${response.status}`, response.status);
        continue;
      }
      if (!response.ok) throw new TvmazeError(`GET ${path}: HTTP ${response.status}`, response.status);
      const text = await response.text();
      try {
        return JSON.parse(text) as T;
      } catch {
        lastError = new TvmazeError(`GET ${path}: the body is not JSON (${text.slice(0, 40).replace(/\s+/g, ' ')}…)`, response.status);
      }
    }
    throw lastError ?? new TvmazeError(`GET ${path}: failed`, null);
  }
  let retryAfterMs = 0;

  return {
    /** Show id → last-updated epoch seconds; `since` is TVmaze's day, week or month window, or all. */
    updates: (since?: 'day' | 'week' | 'month') => get<Record<string, number>>(`/updates/shows${since ? `?since=${since}` : ''}`),
    show: (id: number) => get<unknown>(`/shows/${id}?embed[]=episodes&embed[]=seasons`),
  };
}

export type TvmazeClient = ReturnType<typeof tvmazeClient>;
