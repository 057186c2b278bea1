import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/database.ts';
import { databaseRevision } from '../db/revision.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

// Whole-response cache for public GETs: a page is reused until anything behind it may have changed —
// a write by this process (at once), a change in the database by another process (within a second),
// or a new day (pages say "it has been N months"). ETag and 304 on every cached response that is the same
// for every reader; pages with a reader's own form token are stored as bytes around the token and sent private.

interface Entry {
  revision: string;
  /** The response, encoded once; or, for a page with per-reader slots, the bytes between them. */
  parts: Uint8Array<ArrayBuffer>[];
  etag: string;
  contentType: string;
}

/** Per-reader parts of a cached page: each `slot` in it is filled for every response. */
export interface Personalize {
  slot: string;
  fill: (c: Context) => Promise<string>;
}

export interface PageCacheOptions {
  db: Db;
  now: () => Date;
  maxEntries?: number;
  /** How long the database revision is trusted before it is read again, in ms. */
  revisionTtlMs?: number;
  cacheControl: string;
  /** Per-reader parts of a cached page (e.g. a form token); a page that has them is sent as private. */
  personalize?: Personalize;
}

const utf8 = new TextEncoder();

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function pageCache({
  db,
  now,
  maxEntries = 5000,
  revisionTtlMs = 1000,
  cacheControl,
  personalize,
}: PageCacheOptions): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  let dbRevision = { value: '', readAt: -Infinity, writes: -1 };

  async function revision(): Promise<string> {
    const t = performance.now();
    // Our own writes invalidate at once; another process's within revisionTtlMs.
    if (t - dbRevision.readAt > revisionTtlMs || dbRevision.writes !== db.writes.count) {
      dbRevision = { value: await databaseRevision(db.kysely), readAt: t, writes: db.writes.count };
    }
    return `${now().toISOString().slice(0, 10)}|${db.writes.count}|${dbRevision.value}`;
  }

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const key = c.req.url;
    const send = async (entry: Entry, status: 200 | 304) => {
      if (entry.parts.length > 1 && personalize) {
        // A page made for one reader (a fresh form token) is never "not modified": their old copy may hold a spent token.
        const filler = utf8.encode(await personalize.fill(c));
        const body = concat(entry.parts.flatMap((part, i) => (i === 0 ? [part] : [filler, part])));
        return c.body(body, 200, { 'cache-control': 'private, no-store', 'content-type': entry.contentType });
      }
      const headers = { etag: entry.etag, 'cache-control': cacheControl, 'content-type': entry.contentType, vary: 'accept-encoding' };
      return status === 304 ? c.body(null, 304, headers) : c.body(entry.parts[0] as Uint8Array<ArrayBuffer>, 200, headers);
    };
    const hit = entries.get(key);
    let current: string;
    try {
      current = await revision();
    } catch (error) {
      // While the database is out of reach, a page already made is better than an error page.
      if (hit && isDatabaseUnavailable(error)) return send(hit, 200);
      throw error;
    }
    if (hit && hit.revision === current) {
      entries.delete(key); // keep the most recently used last
      entries.set(key, hit);
      return send(hit, c.req.header('if-none-match') === hit.etag ? 304 : 200);
    }
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.clone().text();
    const entry: Entry = {
      revision: current,
      parts: (personalize ? body.split(personalize.slot) : [body]).map((part) => utf8.encode(part)),
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      contentType: c.res.headers.get('content-type') ?? 'text/html; charset=UTF-8',
    };
    // Store only if nothing changed while the page was being made.
    if ((await revision()) === current) {
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    }
    c.res = await send(entry, c.req.header('if-none-match') === entry.etag ? 304 : 200);
  };
}
