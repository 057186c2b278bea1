import dns from 'node:dns';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Where a webhook may point: the public internet only, so a follower cannot make the server call into its
// own network (SSRF). Checked when the endpoint is made, and each delivery connects only to an address
// checked in the same lookup (a name that answers a public address, then a private one, reaches neither).

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['::', 96], // IPv4-compatible (::a.b.c.d), deprecated, and never a public host
  ['2002::', 16], // 6to4: embeds any IPv4 address, a private one included
  ['fec0::', 10], // site-local, deprecated
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  return isIP(ip) === 6 ? PRIVATE.check(ip, 'ipv6') : PRIVATE.check(ip, 'ipv4');
}

/** Why a webhook URL is refused, or null when it may be used. `allowPrivate` is for tests on 127.0.0.1. */
export async function webhookUrlProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return 'its host cannot be found';
  }
  return addresses.some(isPrivateAddress) ? 'must point at a public address (not loopback, private or link-local)' : null;
}

class RefusedAddress extends Error {
  code = 'EREFUSEDADDRESS';
}

/** A DNS lookup for http.request that refuses private addresses: the address checked is the one connected to. */
const publicOnly: LookupFunction = (host, options, done) =>
  dns.lookup(host, { ...options, all: true }, (error, addresses) => {
    if (error) return done(error, '', 4);
    const list = addresses as dns.LookupAddress[];
    if (list.some((a) => isPrivateAddress(a.address))) return done(new RefusedAddress('a private address'), '', 4);
    if (options.all) return (done as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    const first = list[0] as dns.LookupAddress;
    done(null, first.address, first.family);
  });

export interface PostOutcome {
  status: number | null;
  /** Why no answer came: a timeout, a refused address, a network error code. */
  error?: string;
  refused?: boolean;
}

/** POSTs a webhook and waits for its status; never follows a redirect. */
export function postWebhook(
  raw: string,
  headers: Record<string, string>,
  body: string,
  { allowPrivate, timeoutMs }: { allowPrivate: boolean; timeoutMs: number },
): Promise<PostOutcome> {
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host))
    return Promise.resolve({ status: null, error: 'a private address', refused: true });
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: timeoutMs,
        ...(allowPrivate ? {} : { lookup: publicOnly }),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? null }));
        res.on('error', () => resolve({ status: res.statusCode ?? null }));
      },
    );
    // The whole exchange, not only a quiet socket: a receiver that answers a byte at a time still ends on time.
    const timedOut = () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    const deadline = setTimeout(timedOut, timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', timedOut);
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error instanceof RefusedAddress
          ? { status: null, error: 'a private address', refused: true }
          : { status: null, error: error.code === 'ETIMEDOUT' ? 'timed out' : (error.code ?? 'network error') },
      ),
    );
    req.end(body);
  });
}
