import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, overHttp } from '../testing/agent.ts';
import { hasBrotli, hasNginx, type Nginx, startNginx } from '../testing/nginx.ts';
import { type RunningServer, runCli, startServer } from '../testing/server.ts';
import { waitUntil } from '../testing/wait.ts';

// The shipped docs/deploy/nginx.conf, run by Debian's nginx in front of `serve --export DIR`: pages come from
// the exported files (brotli and gzip copies included), search, forms and the desk from the app, and an
// editor's change in the desk reaches the nginx-served page within seconds.

/** A GET whose body stays as sent (fetch would decompress it). */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
const PASSWORD = 'a long enough password';

describe.skipIf(!hasNginx())('the static export behind nginx (Debian nginx)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-nginx-'));
  const exportDir = path.join(dir, 'export');
  let app: RunningServer;
  let nginx: Nginx;
  let base: string;

  beforeAll(async () => {
    fs.chmodSync(dir, 0o755); // nginx's workers run as www-data
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`, TRUST_PROXY: '1' };
    const made = await runCli(['user', 'add', '--email', 'ed@nginx.test', '--name', 'Ed'], env, `${PASSWORD}\n`);
    expect(made.code, made.stderr).toBe(0);
    app = await startServer(env, { args: ['--export', exportDir] });
    await waitUntil(() => fs.existsSync(path.join(exportDir, 'shows/somos.html')), 60_000, 'the first export');

    nginx = await startNginx(dir, { exportDir, upstreams: [`127.0.0.1:${new URL(app.url).port}`] });
    base = nginx.base;
    await waitUntil(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 200, 10_000, 'nginx up');
  }, 120_000);

  afterAll(async () => {
    nginx?.stop();
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves exported pages as files, compressed copies included, with the headers the app gives them', async () => {
    const file = fs.readFileSync(path.join(exportDir, 'shows/somos.html'));
    const plain = await fetch(`${base}/shows/somos`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=300');
    expect(Buffer.from(await plain.arrayBuffer()).equals(file)).toBe(true);
    if (hasBrotli()) {
      const br = await rawGet(`${base}/shows/somos`, { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
    }
    for (const [p, type] of [
      ['/shows/somos/calendar.ics', 'text/calendar; charset=utf-8'],
      ['/feed.atom', 'application/atom+xml; charset=utf-8'],
      ['/shows/somos/feed.json', 'application/feed+json; charset=utf-8'],
      ['/sitemap.xml', 'application/xml; charset=utf-8'],
      ['/es/shows/somos/card.png', 'image/png'],
    ] as const) {
      const res = await fetch(`${base}${p}`);
      expect([p, res.status, res.headers.get('content-type')]).toEqual([p, 200, type]);
    }
  });

  it('sends search, filtered pages, forms and the desk to the app, with the app’s own headers', async () => {
    const search = await fetch(`${base}/search?q=somos`);
    expect(search.status).toBe(200);
    expect(await search.text()).toContain('/shows/somos');
    expect((await fetch(`${base}/calendar?month=2027-01`)).status).toBe(200);
    const login = await fetch(`${base}/admin/login`);
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).not.toContain('public');
    const posted = await fetch(`${base}/follows`, { method: 'POST', body: new URLSearchParams({ email: 'x' }), redirect: 'manual' });
    expect(posted.status).not.toBe(405);
  });

  it('shows an editor’s change on the nginx-served page within seconds', async () => {
    const desk = agent(overHttp(base));
    const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const form = await desk('/admin/login');
    await desk('/admin/login', { form: { _csrf: csrfOf(form.text), email: 'ed@nginx.test', password: PASSWORD, next: '/admin' } });
    const csrf = csrfOf((await desk('/admin/shows/somos')).text);
    expect(csrf).not.toBe('');
    const saved = await desk('/admin/shows/somos/events', {
      form: {
        _csrf: csrf,
        kind: 'renewed',
        season: '2',
        date: '2026-11-20',
        tier: 'official',
        source_url: 'https://about.netflix.com/en/news/somos-nginx',
        outlet: 'Netflix',
      },
    });
    expect(saved.status).toBe(303);
    const started = Date.now();
    await waitUntil(
      async () => (await (await fetch(`${base}/shows/somos`)).text()).includes('https://about.netflix.com/en/news/somos-nginx'),
      15_000,
      'the change through nginx',
    );
    console.log(`an editor's change reached the nginx-served page in ${Date.now() - started} ms`);
  }, 30_000);
});
