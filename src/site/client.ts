import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The reader's IP address. Behind a reverse proxy (TRUST_PROXY=1) it is the last X-Forwarded-For
 * entry, the one our own proxy added; otherwise the socket's peer, since the header is anyone's to write.
 */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    // An IPv4 reader on a dual-stack socket shows as ::ffff:203.0.113.7; store the plain IPv4 form.
    return (getConnInfo(c).remote.address ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  } catch {
    return 'unknown'; // not served by node:http (in-process requests in tests)
  }
}
