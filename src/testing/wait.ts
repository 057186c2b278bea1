// Tests wait on a condition, never on a duration.

/** Resolves once `check` holds, asking every few ms; fails after `ms`, naming `what`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, ms = 5_000, what = 'condition') {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
