import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { Db } from '../db/database.ts';
import { databaseRevision } from '../db/revision.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { securityHeadersFor } from './security.headers.ts';

// Whole-response cache for public GETs: a page is reused until anything behind it may have changed —
// a write by this process (at once), a change in the database by another process (at once on PostgreSQL's
// LISTEN; within a second by polling when notices are down or on SQLite),
// or a new day (pages say "it has been N months"). Each entry is kept encoded, gzipped and brotli-compressed,
// made once and sent by Accept-Encoding, with ETag, Last-Modified and 304. Nothing in a cached page is
// per reader, so every cache on the way (nginx, a CDN, the browser) may keep it too.

type Encoding = 'br' | 'gzip' | 'identity';

interface Entry {
  key: string;
  revision: string;
  /** The response, encoded once. */
  body: Uint8Array<ArrayBuffer>;
  /** Text worth compressing: each encoding is made the first time a client asks for it, then kept. */
  compressible: boolean;
  etag: string;
  lastModified: string;
  contentType: string;
  bytes: number;
  /** Every answer this entry gives, made once: the hot path only picks one. */
  answers: { identity: WireAnswer; notModified: WireAnswer; br?: WireAnswer; gzip?: WireAnswer };
}

/** A cached answer as it goes on the wire, for the fast path that answers before Hono builds a Request. */
export interface WireAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

export type PageCache = MiddlewareHandler & {
  /** The cached answer to a raw request, if one is fresh without asking the database; null sends it down the slow path. */
  peek(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): WireAnswer | null;
};

export interface PageCacheOptions {
  db: Db;
  now: () => Date;
  /** Bytes the cache may hold, all encodings counted; pages with a query string get an eighth of it. */
  maxBytes?: number;
  /** How long the database revision is trusted before it is read again, in ms. */
  revisionTtlMs?: number;
  cacheControl: string;
}

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|feed\+json|problem\+json|javascript)|image\/svg)/;

const bytesOf = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength) as Uint8Array<ArrayBuffer>;

function compress(body: Uint8Array, encoding: 'br' | 'gzip') {
  return encoding === 'gzip'
    ? bytesOf(gzipSync(body, { level: 9 }))
    : // Quality 9: within a few per cent of 11 at a fraction of the time, spent once per entry.
      bytesOf(brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
}

const encodings = new Map<string, Encoding>();

/** pickEncoding, remembered: clients send few distinct Accept-Encoding values. */
function encodingFor(header: string | undefined): Encoding {
  if (header === undefined) return 'identity';
  let known = encodings.get(header);
  if (known === undefined) {
    known = pickEncoding(header);
    if (encodings.size < 256) encodings.set(header, known);
  }
  return known;
}

/** The best encoding the client takes, by its Accept-Encoding (q=0 refuses one). */
export function pickEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : 'identity';
}

/**
 * The same bytes keep their date, so If-Modified-Since survives a change elsewhere; new bytes get a later
 * second than the last version's (HTTP dates have no milliseconds), so a client holding that one is told.
 */
function lastModifiedAfter(previous: Entry | undefined, etag: string, now: Date): string {
  if (previous?.etag === etag) return previous.lastModified;
  const second = Math.floor(now.getTime() / 1000) * 1000;
  return new Date(previous ? Math.max(second, Date.parse(previous.lastModified) + 1000) : second).toUTCString();
}

function headersOf(entry: Omit<Entry, 'answers'>, cacheControl: string): Record<string, string> {
  return {
    ...securityHeadersFor(entry.key.split('?')[0] as string),
    etag: entry.etag,
    'last-modified': entry.lastModified,
    'cache-control': cacheControl,
    'content-type': entry.contentType,
    vary: 'accept-encoding',
  };
}

const ok = (headers: Record<string, string>, body: Uint8Array<ArrayBuffer>, encoding?: Encoding): WireAnswer => ({
  status: 200,
  headers: { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(body.length) },
  body,
});

/** What an entry answers uncompressed, with every header the wire needs (the security headers too, for the fast path). */
function answersOf(entry: Omit<Entry, 'answers'>, cacheControl: string): Entry['answers'] {
  const headers = headersOf(entry, cacheControl);
  return { identity: ok(headers, entry.body), notModified: { status: 304, headers, body: null } };
}

/** A least-recently-used map bounded in bytes. */
class ByteLru {
  readonly entries = new Map<string, Entry>();
  bytes = 0;
  constructor(readonly maxBytes: number) {}
  get(key: string) {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // keep the most recently used last
      this.entries.set(key, hit);
    }
    return hit;
  }
  set(key: string, entry: Entry) {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    while (this.bytes > this.maxBytes) this.delete(this.entries.keys().next().value as string);
  }
  /** An entry grew (a compressed copy made on demand): counted, and the least used go if that is too much. */
  grew(entry: Entry, bytes: number) {
    entry.bytes += bytes;
    if (this.entries.get(entry.key) !== entry) return;
    this.bytes += bytes;
    while (this.bytes > this.maxBytes) this.delete(this.entries.keys().next().value as string);
  }
  delete(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.bytes;
  }
}

export function pageCache({ db, now, maxBytes = DEFAULT_CACHE_BYTES, revisionTtlMs = 1000, cacheControl }: PageCacheOptions): PageCache {
  // Any query string makes a new URL: those pages share a small part, so `/search?q=…` cannot push out show pages.
  const paths = new ByteLru(maxBytes - Math.floor(maxBytes / 8));
  const queries = new ByteLru(Math.floor(maxBytes / 8));
  let dbRevision = { value: '', readAt: -Infinity, writes: -1 };

  // The revision as text, rebuilt only when the day, our writes or the database's revision moved.
  let stamped = { day: Number.NaN, writes: -1, notices: -1, value: '', text: '' };
  function stamp(): string {
    const day = Math.floor(now().getTime() / 86_400_000);
    const notices = db.notices?.count ?? 0;
    if (stamped.day !== day || stamped.writes !== db.writes.count || stamped.notices !== notices || stamped.value !== dbRevision.value) {
      const text = `${new Date(day * 86_400_000).toISOString().slice(0, 10)}|${db.writes.count}|${notices}|${dbRevision.value}`;
      stamped = { day, writes: db.writes.count, notices, value: dbRevision.value, text };
    }
    return stamped.text;
  }

  /** The revision pages are made at, when it is known without reading the database. */
  function knownRevision(): string | null {
    // Our own writes invalidate at once; another process's as its notice arrives, or (notices down) within revisionTtlMs.
    if (db.notices?.listening) return stamp();
    if (performance.now() - dbRevision.readAt > revisionTtlMs || dbRevision.writes !== db.writes.count) return null;
    return stamp();
  }

  /** The database's revision; a pooled connection the server has just cut is tried once more on a fresh one. */
  async function readRevision(): Promise<string> {
    try {
      return await databaseRevision(db.kysely);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return databaseRevision(db.kysely);
    }
  }

  async function revision(): Promise<string> {
    const known = knownRevision();
    if (known !== null) return known;
    const writes = db.writes.count;
    dbRevision = { value: await readRevision(), readAt: performance.now(), writes };
    return stamp();
  }

  const storeFor = (key: string) => (key.includes('?') ? queries : paths);

  /** The answer an entry gives to a request with these conditional and Accept-Encoding headers. */
  function answer(entry: Entry, header: (name: string) => string | undefined): WireAnswer {
    const tag = header('if-none-match');
    const since = tag === undefined ? Date.parse(header('if-modified-since') ?? '') : Number.NaN;
    const notModified =
      tag !== undefined
        ? tag.split(',').some((t) => t.trim() === entry.etag || t.trim() === '*')
        : !Number.isNaN(since) && since >= Date.parse(entry.lastModified);
    if (notModified) return entry.answers.notModified;
    const encoding = entry.compressible ? encodingFor(header('accept-encoding')) : 'identity';
    if (encoding === 'identity') return entry.answers.identity;
    // Made on first demand: a search page asked for once by a client without br never costs a compression.
    let made = entry.answers[encoding];
    if (!made) {
      const body = compress(entry.body, encoding);
      made = entry.answers[encoding] = ok(entry.answers.notModified.headers, body, encoding);
      storeFor(entry.key).grew(entry, body.length);
    }
    return made;
  }

  function peek(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): WireAnswer | null {
    if ((method !== 'GET' && method !== 'HEAD') || !url?.startsWith('/')) return null;
    const hit = storeFor(url).get(url);
    if (!hit || hit.revision !== knownRevision()) return null;
    const wire = answer(hit, (name) => headers[name] as string | undefined);
    return method === 'HEAD' ? { ...wire, body: null } : wire;
  }

  const making = new Map<string, Promise<Entry | null>>();
  const passing = new WeakSet<Request>();

  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    // Mounted on overlapping paths, one request may pass here twice: the inner pass must not wait on the outer.
    if (passing.has(c.req.raw)) return next();
    passing.add(c.req.raw);
    // The path and query as the client sent them, as the fast path sees them too.
    const key = c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2));
    const store = storeFor(key);
    const send = (entry: Entry) => {
      const wire = answer(entry, (name) => c.req.header(name));
      return wire.body === null ? c.body(null, 304, wire.headers) : c.body(wire.body, 200, wire.headers);
    };
    const hit = store.get(key);
    let current: string;
    try {
      current = await revision();
    } catch (error) {
      // While the database is out of reach, a page already made is better than an error page.
      if (hit && isDatabaseUnavailable(error)) return send(hit);
      throw error;
    }
    if (hit && hit.revision === current) return send(hit);
    // Many readers asking for a page just invalidated wait for one rendering of it, not one each.
    const flight = `${current}\n${key}`;
    const pending = making.get(flight);
    if (pending) {
      const made = await pending;
      if (made) return send(made);
      return next(); // that answer was not one to share (an error, a private answer): this request makes its own
    }
    let settle: (entry: Entry | null) => void = () => {};
    making.set(flight, new Promise((resolve) => (settle = resolve)));
    try {
      const entry = await render(c, next, key, current, hit);
      settle(entry);
    } finally {
      settle(null);
      making.delete(flight);
    }
  };

  /** Renders a missed page; keeps and sends it when it is one every reader may share, else leaves the answer as it is. */
  async function render(c: Context, next: Next, key: string, current: string, hit: Entry | undefined): Promise<Entry | null> {
    await next();
    // A reader's own answer (a follower's page, an API call with a token) is never kept for the next reader.
    if (c.res.status !== 200 || c.res.headers.has('set-cookie') || /\b(private|no-store)\b/.test(c.res.headers.get('cache-control') ?? ''))
      return null;
    // Bytes as they are: a picture (a show's share card) is kept as faithfully as a page.
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const contentType = c.res.headers.get('content-type') ?? 'text/html; charset=UTF-8';
    const compressible = COMPRESSIBLE.test(contentType);
    const made = {
      key,
      revision: current,
      body,
      compressible,
      etag,
      lastModified: lastModifiedAfter(hit, etag, now()),
      contentType,
      bytes: body.length + key.length, // compressed copies are counted as they are made
    };
    const entry: Entry = { ...made, answers: answersOf(made, cacheControl) };
    // Store only if nothing changed while the page was being made.
    if ((await revision()) === current) storeFor(key).set(key, entry);
    const wire = answer(entry, (name) => c.req.header(name));
    c.res = wire.body === null ? c.body(null, 304, wire.headers) : c.body(wire.body, 200, wire.headers);
    return entry;
  }
  return Object.assign(middleware, { peek });
}
