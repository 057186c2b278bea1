import { z } from 'zod';

// The one rule for every link we store or render: an absolute http(s) URL with a host, nothing else.
// `javascript:`, `data:` and friends never get in, and anything stored before the rule never gets out.

const MAX_LENGTH = 2048;
// Whitespace, control and invisible format characters: browsers drop some of them ("java\tscript:"),
// and none belongs inside a link.
const HIDDEN = /[\s\p{Cc}\p{Cf}]/u;

/** The URL (trimmed) when it is an absolute http(s) link without credentials; otherwise null. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_LENGTH || HIDDEN.test(text)) return null;
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // "https://trusted.example@elsewhere.test" reads as one site and goes to another.
  if (!url.hostname || url.username || url.password) return null;
  return text;
}

/** The rule as a form field: the trimmed URL, or `message` as the field's error. */
export const httpUrl = (message = 'must be an http:// or https:// address') =>
  z.string().transform((value, ctx) => {
    const url = safeHttpUrl(value);
    if (url === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return url;
  });

/** A site path with the parameters that are set, in the order given: `/browse?platform=netflix&page=2`. */
export function pathWithQuery(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  return query.size ? `${path}?${query}` : path;
}
