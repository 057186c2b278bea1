import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { PROJECT_ROOT } from '../config.ts';
import { pickEncoding } from './page.cache.ts';

// The stylesheets and the comment script, read once at start and served at URLs that carry a hash of their
// bytes: a page names the exact version it was made with, so browsers and CDNs may keep each for a year.

const DIR = path.join(PROJECT_ROOT, 'src/web/assets');

interface Asset {
  url: string;
  type: string;
  raw: Uint8Array<ArrayBuffer>;
  /** Compressed on first request, not at start-up (brotli at its best quality takes a while). */
  compressed: { gzip?: Uint8Array<ArrayBuffer>; br?: Uint8Array<ArrayBuffer> };
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength) as Uint8Array<ArrayBuffer>;

function load(file: string, type: string): Asset {
  const raw = fs.readFileSync(path.join(DIR, file));
  const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 12);
  const ext = path.extname(file);
  return {
    url: `/assets/${path.basename(file, ext)}.${hash}${ext}`,
    type,
    raw: bytes(raw),
    compressed: {},
  };
}

export const STYLESHEET = load('site.css', 'text/css; charset=utf-8');
/** The editors' desk's own styles, linked after the site's by desk pages only. */
export const DESK_STYLESHEET = load('desk.css', 'text/css; charset=utf-8');
export const COMMENTS_SCRIPT = load('comments.js', 'text/javascript; charset=utf-8');
const BY_URL = new Map([STYLESHEET, DESK_STYLESHEET, COMMENTS_SCRIPT].map((a) => [a.url, a]));

// GET /assets/:file
export function serveAsset(c: Context) {
  const asset = BY_URL.get(c.req.path);
  if (!asset) return c.notFound();
  const encoding = pickEncoding(c.req.header('accept-encoding'));
  let body = asset.raw;
  if (encoding !== 'identity')
    body = asset.compressed[encoding] ??= bytes(encoding === 'br' ? brotliCompressSync(asset.raw) : gzipSync(asset.raw, { level: 9 }));
  return c.body(body, 200, {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'accept-encoding',
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
  });
}
