import net from 'node:net';
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

/** An IPv6 address as its eight groups ("2001:db8::1" → 2001, db8, 0, 0, 0, 0, 0, 1); null if it is not one. */
export function ipv6Groups(ip: string): number[] | null {
  if (net.isIPv6(ip) === false) return null;
  let text = ip;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
}

/**
 * What limits and reports count by: an IPv4 address, or an IPv6 /64, since one household or server
 * is given a whole /64 and can change the rest at will.
 */
export function addressKey(ip: string): string {
  const groups = ipv6Groups(ip);
  return groups
    ? `${groups
        .slice(0, 4)
        .map((g) => g.toString(16))
        .join(':')}::/64`
    : ip;
}

/** The range a moderator usually bans: an IPv4 /24 or an IPv6 /48. */
export function banRange(ip: string): string {
  const groups = ipv6Groups(ip);
  if (groups)
    return `${groups
      .slice(0, 3)
      .map((g) => g.toString(16))
      .join(':')}::/48`;
  return net.isIPv4(ip) ? `${ip.split('.').slice(0, 3).join('.')}.0/24` : ip;
}
