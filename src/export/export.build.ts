import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { Hono } from 'hono';
import { COMMENTS_SCRIPT, STYLESHEET } from '../web/assets.ts';

// The static export: every public page, feed, calendar, sitemap and asset the app answers without a query
// string, written as files nginx (or a CDN) serves as they are, each with .gz and .br beside it. A file is
// written beside its name and renamed into place, so a reader never gets half of one; a file whose bytes
// did not change is left alone. Search, forms, the desk and the API stay with the app (docs/deploy/nginx.conf).

type App = Pick<Hono<any>, 'request'>;

const FEEDS = ['feed.xml', 'feed.atom', 'feed.json'];
// Below this, compression saves less than nginx's extra lookup costs (and a PNG is compressed already).
const MIN_COMPRESS_BYTES = 256;

/** The file a URL path is written to: `/` → index.html, `/shows/somos` → shows/somos.html, files as named. */
export function fileFor(urlPath: string): string {
  if (urlPath === '/') return 'index.html';
  const rel = urlPath.replace(/^\//, '');
  return path.extname(rel) ? rel : `${rel}.html`;
}

const locsOf = (xml: string) =>
  [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname + new URL(m[1] as string).search);

/** Every URL path the export holds, found the way a crawler would: the sitemaps, plus each page's feeds and calendar. */
export async function exportPaths(app: App): Promise<string[]> {
  const get = async (p: string) => (await app.request(p)).text();
  const index = await get('/sitemap.xml');
  const parts = locsOf(index);
  const pages = (await Promise.all(parts.map(get))).flatMap(locsOf).filter((p) => !p.includes('?'));
  // Feeds and calendars in both languages: the home page's and each show's and platform's.
  const withFeeds = pages.filter((p) => p === '/' || p === '/es' || /^(\/es)?\/(shows|platforms)\/[^/]+$/.test(p));
  return [
    ...new Set([
      ...pages,
      ...withFeeds.flatMap((p) => {
        const base = p === '/' ? '' : p;
        return [...FEEDS.map((f) => `${base}/${f}`), `${base}/calendar.ics`];
      }),
      // Each show's share card, in both languages.
      ...pages.filter((p) => /^\/shows\/[^/]+$/.test(p)).flatMap((p) => [`${p}/card.png`, `/es${p}/card.png`]),
      '/robots.txt',
      '/sitemap.xml',
      ...parts,
      STYLESHEET.url,
      COMMENTS_SCRIPT.url,
    ]),
  ];
}

export interface ExportTally {
  files: number;
  written: number;
  removed: number;
}

/** Writes `bytes` to `file` (and .gz, .br) unless it holds them already; true when it wrote. */
function writeIfChanged(file: string, bytes: Buffer): boolean {
  const old = fs.existsSync(file) ? fs.readFileSync(file) : null;
  if (old?.equals(bytes)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const put = (target: string, data: Buffer) => {
    const partial = `${target}.tmp-${process.pid}-${createHash('sha1').update(target).digest('hex').slice(0, 8)}`;
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, target);
  };
  // The compressed copies first: nginx never pairs a new file with an old .gz.
  if (bytes.length >= MIN_COMPRESS_BYTES && !file.endsWith('.png')) {
    put(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    put(
      `${file}.br`,
      brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    );
  } else for (const suffix of ['.gz', '.br']) fs.rmSync(`${file}${suffix}`, { force: true });
  put(file, bytes);
  return true;
}

const MARK = '.nextseason-export';

/** The export removes what it no longer makes: it writes only into an empty folder or one it made before. */
function claimFolder(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(path.join(dir, MARK))) return;
  if (fs.readdirSync(dir).length > 0) throw new ExportError(`${dir} is not empty and holds no earlier export: choose an empty folder`);
  fs.writeFileSync(path.join(dir, MARK), 'Written by `nextseason export`: files here are replaced and removed as the site changes.\n');
}

export class ExportError extends Error {}

/** Every file under `dir`, relative, without the compressed copies. */
function filesUnder(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p, base);
    return /\.(gz|br)$/.test(e.name) || e.name.includes('.tmp-') || e.name === MARK ? [] : [path.relative(base, p)];
  });
}

/**
 * Renders every exported path through the app and writes what changed into `dir`; removes the files of
 * paths that are gone (a show deleted, an asset replaced). Pages come from the app's own cache when fresh.
 */
export async function exportSite(app: App, dir: string): Promise<ExportTally> {
  claimFolder(dir);
  const paths = await exportPaths(app);
  const tally: ExportTally = { files: 0, written: 0, removed: 0 };
  const keep = new Set<string>();
  for (const p of paths) {
    const res = await app.request(p);
    if (res.status !== 200) throw new Error(`export: ${p} answered ${res.status}`);
    const rel = fileFor(p);
    keep.add(rel);
    tally.files++;
    if (writeIfChanged(path.join(dir, rel), Buffer.from(await res.arrayBuffer()))) tally.written++;
  }
  for (const rel of filesUnder(dir)) {
    if (keep.has(rel)) continue;
    for (const suffix of ['', '.gz', '.br']) fs.rmSync(path.join(dir, `${rel}${suffix}`), { force: true });
    tally.removed++;
  }
  return tally;
}
