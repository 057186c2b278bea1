// Errors that mean "the database cannot serve right now" (a lost connection, a restart, a full disk), as opposed
// to a bug: the request is answered 503 with Retry-After and the process carries on.

// PostgreSQL SQLSTATE: connection exceptions (08…), operator intervention (57P01–57P05), insufficient resources (53…).
const PG_STATES = /^(08|53|57P0[1-5])/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
const SQLITE_CODES = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY|CANTOPEN|NOMEM)/;
// node-postgres reports a dropped or refused connection by message only.
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed|Connection refused/i;

/** True when `error` (or its cause) says the database is out of reach or out of room. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = String((error as NodeJS.ErrnoException).code ?? '');
  if (PG_STATES.test(code) || NODE_CODES.has(code) || SQLITE_CODES.test(code) || PG_MESSAGES.test(error.message)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
