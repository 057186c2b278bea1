import type { MiddlewareHandler } from 'hono';

// The headers every response carries. Fixed for the life of the process, so the page cache's fast path
// (which answers before any middleware runs) sends exactly what the middleware would have added.

// Pages run only our own script and styles; reader text can never bring its own.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

// What other sites' code may read with a plain fetch: the public API, feeds, calendars and sitemaps. A
// follower's own API answers and private feeds stay same-origin.
export const CROSS_ORIGIN_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
};

export function isCrossOriginReadable(path: string): boolean {
  if (path.startsWith('/api/follows') || path.startsWith('/follows/')) return false;
  return path.startsWith('/api/') || /\.(xml|atom|json|ics)$/.test(path);
}

/** The headers every answer to `path` carries. */
export const securityHeadersFor = (path: string): Readonly<Record<string, string>> =>
  isCrossOriginReadable(path) ? { ...SECURITY_HEADERS, ...CROSS_ORIGIN_HEADERS } : SECURITY_HEADERS;

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const readable = (c.req.method === 'GET' || c.req.method === 'HEAD') && isCrossOriginReadable(c.req.path);
  for (const [name, value] of Object.entries(readable ? { ...SECURITY_HEADERS, ...CROSS_ORIGIN_HEADERS } : SECURITY_HEADERS))
    c.res.headers.set(name, value);
};
