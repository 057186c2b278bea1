// Login throttling: too many recent failures for one account, or from one address, and logins wait.

export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perIp: 20 };

export interface ThrottleVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** `failures*` are the failure times (ms) inside the window, oldest first. */
export function loginAllowed({
  accountFailures,
  ipFailures,
  now,
}: {
  accountFailures: number[];
  ipFailures: number[];
  now: number;
}): ThrottleVerdict {
  const wait = (failures: number[], limit: number) =>
    failures.length >= limit ? (failures[failures.length - limit] as number) + THROTTLE.windowMs - now : 0;
  const ms = Math.max(wait(accountFailures, THROTTLE.perAccount), wait(ipFailures, THROTTLE.perIp));
  return { allowed: ms <= 0, retryAfterSeconds: Math.max(0, Math.ceil(ms / 1000)) };
}
