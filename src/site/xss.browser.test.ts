import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_COOKIE, issueFormToken, newFormCookie } from '../comments/form.token.ts';
import { XSS_PAYLOADS } from '../comments/xss.corpus.ts';
import { openDatabase } from '../db/database.ts';
import { siteSecret } from '../db/secrets.ts';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../testing/browser.ts';
import { type RunningServer, runCli, startServer } from '../testing/server.ts';

// The XSS corpus through every way in (reader comments, desk forms, a news feed, TVmaze and Netflix
// import files), then every page in Chromium with the Content-Security-Policy switched off, so that
// only the HTML's own escaping stands between a payload and the reader: no payload may run, no
// element may carry an event handler, and no link may lead anywhere but http(s), mailto or this site.

const ADMIN = { email: 'admin@nextseason.test', password: 'a long enough password' };
const HOSTILE_LINKS = [
  'javascript:window.__xss=1',
  ' JAVASCRIPT:window.__xss=1',
  'java\tscript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  'vbscript:window.__xss=1',
];
const MAX_PAGES = { public: 140, admin: 50 };

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const month = new Date().toISOString().slice(0, 7);

function hostileFiles(dir: string) {
  const tvmaze = path.join(dir, 'tvmaze.json');
  fs.writeFileSync(
    tvmaze,
    JSON.stringify(
      XSS_PAYLOADS.map((p, i) => ({
        id: 990_000 + i,
        name: `${p}\r\n\u0000 ${i}`,
        type: 'Scripted',
        language: 'English',
        genres: ['Drama', p],
        status: 'Running',
        premiered: '2020-01-10',
        officialSite: HOSTILE_LINKS[i % HOSTILE_LINKS.length],
        network: { id: 7000 + (i % 3), name: i % 3 === 0 ? `${p} TV` : 'Hostile Net', country: { name: 'United Kingdom', code: 'GB' } },
        externals: { imdb: i % 2 ? 'javascript:alert(1)' : `tt${String(9_900_000 + i)}` },
        summary: `<p>${p}</p>${p}`,
        updated: 1_704_067_200,
        _embedded: {
          seasons: [
            { id: 1_000_000 + i * 2, number: 1, episodeOrder: 1, premiereDate: '2020-01-10', endDate: '2020-01-10' },
            { id: 1_000_001 + i * 2, number: 2, episodeOrder: 1, premiereDate: `${month}-10` },
          ],
          episodes: [{ id: 2_000_000 + i, name: p, season: 1, number: 1, airdate: '2020-01-10', runtime: 50 }],
        },
      })),
    ),
  );
  const netflix = path.join(dir, 'netflix.csv');
  fs.writeFileSync(
    netflix,
    [
      'show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description',
      ...XSS_PAYLOADS.map(
        (p, i) =>
          `s99${i},TV Show,${csv(`${p}\r\nN${i}`)},${csv(p)},${csv(`${p}, Ana Example`)},Spain,1-Jan-21,2021,TV-MA,2 Seasons,TV Dramas,${csv(p)}`,
      ),
    ].join('\n'),
  );
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>${xml(XSS_PAYLOADS[0] as string)}</title><link>https://hostile.test/</link><description>x</description>
${XSS_PAYLOADS.map(
  (p, i) =>
    `<item><title>${xml(`Netflix renews Somos. for a second season ${p}`)}</title><link>${xml(HOSTILE_LINKS[i % HOSTILE_LINKS.length] as string)}</link><guid>x-${i}</guid><pubDate>Fri, 20 Nov 2026 14:00:00 GMT</pubDate><description>${xml(p)}</description></item>`,
).join('\n')}
</channel></rss>`;
  return { tvmaze, netflix, rss };
}

interface Finding {
  url: string;
  ran: unknown;
  handlers: string[];
  badLinks: string[];
  foreignScripts: string[];
  frames: number;
  links: string[];
}

/** Loads a page, opens its disclosures, and reports anything that ran or could run. */
async function inspect(page: Page, url: string): Promise<Finding | null> {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res || !(res.headers()['content-type'] ?? '').startsWith('text/html')) return null;
  // Opened disclosures fire their toggle events (a payload's ontoggle) before the page is read.
  await page.evaluate(`(() => {
    const closed = [...document.querySelectorAll('details')].filter((d) => !d.open);
    const toggled = closed.map((d) => new Promise((resolve) => d.addEventListener('toggle', resolve, { once: true })));
    for (const d of closed) d.open = true;
    return Promise.all(toggled);
  })()`);
  return (await page.evaluate(`(() => {
    const all = [...document.querySelectorAll('*')];
    const hrefs = [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href'));
    return {
      url: location.pathname + location.search,
      ran: window.__xss,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
      badLinks: hrefs.filter((h) => !['http:', 'https:', 'mailto:'].includes(new URL(h, location.href).protocol)),
      foreignScripts: [...document.scripts]
        .filter((s) => s.type !== 'application/ld+json' && !(s.src && new URL(s.src).origin === location.origin))
        .map((s) => s.outerHTML.slice(0, 120)),
      frames: document.querySelectorAll('iframe, object, embed, frame').length,
      links: [...document.querySelectorAll('a[href]')].map((a) => a.href).filter((h) => h.startsWith(location.origin)),
    };
  })()`)) as Finding;
}

describe.runIf(browserAvailable())('the XSS corpus through every way in, every page in Chromium without CSP', () => {
  let server: RunningServer;
  let feedServer: http.Server;
  let browser: Browser;
  let dbFile: string;
  let reader: BrowserContext;
  let admin: BrowserContext;
  const dialogs: string[] = [];
  const hostileSlugs: string[] = [];
  const hostilePlatforms: string[] = [];
  // What each way in answered, checked by the first test; the pages are read by the second.
  const answers: Array<{ what: string; want: number; got: number }> = [];
  const answer = (what: string, want: number, got: number) => answers.push({ what, want, got });
  let candidates = 0;
  let darkPage = '';
  let csrf = '';

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-xss-'));
    dbFile = `${dir}/db.sqlite`;
    const env = { DATABASE_URL: `sqlite:${dbFile}` };
    const files = hostileFiles(dir);
    feedServer = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(files.rss));
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;

    const cli = async (args: string[], input?: string) => {
      const run = await runCli(args, env, input);
      if (run.code !== 0) throw new Error(`nextseason ${args.join(' ')} exited with ${run.code}: ${run.stderr}${run.stdout}`);
      return run.stdout;
    };
    await cli(['seed']);
    await cli(['user', 'add', '--email', ADMIN.email, '--name', 'Admin', '--role', 'admin'], `${ADMIN.password}\n`);
    await cli(['import', 'tvmaze', files.tvmaze, '--quiet']);
    await cli(['import', 'netflix-titles', files.netflix, '--quiet']);
    await cli(['news', 'add-feed', '--url', feedUrl, '--name', XSS_PAYLOADS[1] as string, '--tier', 'trade']);
    expect(await cli(['news', 'fetch', '--force'])).toContain(`${XSS_PAYLOADS.length} new items, ${XSS_PAYLOADS.length} candidates`);

    const db = await openDatabase({ engine: 'sqlite', file: dbFile });
    const shows = await db.kysely.selectFrom('shows').select('slug').where('tvmaze_id', '>=', 990_000).execute();
    const netflix = await db.kysely.selectFrom('shows').select('slug').where('netflix_id', 'like', 's99%').execute();
    hostileSlugs.push(...shows.map((s) => s.slug), ...netflix.map((s) => s.slug));
    const platforms = await db.kysely.selectFrom('platforms').select('slug').where('name', 'like', '%TV').execute();
    hostilePlatforms.push(...platforms.map((p) => p.slug), 'hostile-net');
    await db.close();

    server = await startServer({ ...env, TRUST_PROXY: '1' });
    browser = await launchBrowser();
    reader = await browser.newContext({ bypassCSP: true });
    admin = await browser.newContext({ bypassCSP: true });
    for (const context of [reader, admin])
      context.on('page', (page) =>
        page.on('dialog', (d) => {
          dialogs.push(`${page.url()}: ${d.message()}`);
          void d.dismiss();
        }),
      );
    const login = await admin.newPage();
    await login.goto(`${server.url}/admin/login`);
    await login.fill('#email', ADMIN.email);
    await login.fill('#password', ADMIN.password);
    await login.click('form[action="/admin/login"] button[type=submit]');
    await login.waitForURL(/\/admin$/);
    await login.close();
    await enterCorpus();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    feedServer?.closeAllConnections();
    await new Promise((resolve) => (feedServer ? feedServer.close(resolve) : resolve(null)));
  });

  /** A desk form posted with the session's CSRF token; the status, not following the redirect. */
  async function post(request: APIRequestContext, url: string, form: Record<string, string>) {
    csrf ||= csrfOf(await (await request.get(`${server.url}/admin`)).text());
    const res = await request.post(`${server.url}${url}`, { form: { _csrf: csrf, ...form }, maxRedirects: 0 });
    return { status: res.status(), text: await res.text() };
  }

  /** Every payload through the desk, the review queue and the comment form, as an editor and readers would send it. */
  async function enterCorpus() {
    const request = admin.request;
    const starter = fs
      .readdirSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../importers/starter/shows'))
      .map((f) => f.replace(/\.json$/, ''))
      .filter((s) => s !== 'somos' && s !== 'dark');
    for (const [i, p] of XSS_PAYLOADS.entries()) {
      const event = await post(request, '/admin/shows/somos/events', {
        kind: i % 2 ? 'cancelled' : 'renewed',
        season: '2',
        date: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
        tier: ['official', 'trade', 'report'][i % 3] as string,
        source_url: `https://example.com/e${i}?p=${encodeURIComponent(p)}`,
        outlet: p,
        quote: p,
        notes: p,
      });
      answer(`event: ${p}`, 303, event.status);
      const slug = starter[i % starter.length] as string;
      const facts = await post(request, `/admin/shows/${slug}/facts`, {
        title: `T${i} ${p}`,
        original_title: p,
        synopsis: p,
        basis: p,
        official_site: `https://example.com/site${i}`,
        verified_on: '2026-01-01',
      });
      answer(`facts: ${p}`, 303, facts.status);
    }
    for (const link of HOSTILE_LINKS) {
      const event = await post(request, '/admin/shows/somos/events', {
        kind: 'renewed',
        season: '2',
        date: '2025-01-01',
        tier: 'official',
        source_url: link,
      });
      answer(`event source: ${link}`, 400, event.status);
      const facts = await post(request, '/admin/shows/dark/facts', {
        title: 'Dark',
        original_title: '',
        synopsis: '',
        basis: '',
        official_site: link,
        verified_on: '',
      });
      answer(`official site: ${link}`, 400, facts.status);
    }

    // Candidates from the hostile feed: some accepted (their headline becomes the quote), some rejected.
    const queue = (await (await request.get(`${server.url}/admin/queue`)).text()).matchAll(/\/admin\/queue\/(\d+)\/accept/g);
    const ids = [...queue].map((m) => m[1] as string);
    candidates = ids.length;
    for (const id of ids.slice(0, 6))
      answer(
        `accept candidate ${id}`,
        303,
        (await post(request, `/admin/queue/${id}/accept`, { kind: 'renewed', season: '2', announced: '', tier: 'rumour' })).status,
      );
    for (const id of ids.slice(6, 9)) answer(`reject candidate ${id}`, 303, (await post(request, `/admin/queue/${id}/reject`, {})).status);

    // Readers, each from an address of their own, post through the comment form with a form opened a while ago
    // (signed with the site's key, as the page's token would be), so none is "too fast".
    const secretDb = await openDatabase({ engine: 'sqlite', file: dbFile });
    const secret = await siteSecret(secretDb.kysely, 'comment-form');
    await secretDb.close();
    const readers = XSS_PAYLOADS.map((_, i) => {
      const form = newFormCookie();
      return {
        ip: `192.0.2.${i + 1}`,
        cookie: `${FORM_COOKIE}=${form}`,
        token: issueFormToken(secret, form, new Date(Date.now() - 10_000)),
      };
    });
    for (const [i, p] of XSS_PAYLOADS.entries()) {
      const r = readers[i] as (typeof readers)[number];
      const res = await fetch(`${server.url}/shows/dark/comments`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: r.cookie, 'x-forwarded-for': r.ip },
        body: new URLSearchParams({
          _form: r.token,
          name: p.slice(0, 60),
          email: `reader${i}@example.com`,
          website: i % 2 ? `https://example.com/reader${i}` : '',
          body: `${p} (comment ${i})`,
          season: '',
          fax: '',
        }).toString(),
      });
      answer(`comment: ${p}`, 303, res.status);
    }
    for (let round = 0; round < 5; round++) {
      const pending = [
        ...(await (await request.get(`${server.url}/admin/comments`)).text()).matchAll(/\/admin\/comments\/(\d+)\/approve/g),
      ];
      if (pending.length === 0) break;
      for (const [, id] of pending) answer(`approve comment ${id}`, 303, (await post(request, `/admin/comments/${id}/approve`, {})).status);
    }
    darkPage = await (await fetch(`${server.url}/shows/dark`)).text();
  }

  it('lets the corpus in through every way in, and no javascript: or data: link', () => {
    expect(answers.filter((a) => a.got !== a.want)).toEqual([]);
    expect(candidates).toBe(XSS_PAYLOADS.length);
    expect(darkPage).toContain(`${XSS_PAYLOADS.length} comments`);
  });

  it('runs no payload and links nothing hostile on any page, public or desk', async () => {
    const probe = await reader.newPage();
    await probe.goto(`${server.url}/about`);
    // The policy is really off: an inline script runs, so only escaping keeps the payloads inert.
    await probe.addScriptTag({ content: 'window.__cspOff = 1' });
    await expect(probe.evaluate('window.__cspOff')).resolves.toBe(1);
    await probe.close();

    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL((m[1] as string).replace(/&amp;/g, '&')));
    const parts = locs(await (await fetch(`${server.url}/sitemap.xml`)).text());
    const fromSitemap: string[] = [];
    for (const part of parts)
      for (const url of locs(await (await fetch(`${server.url}${part.pathname}`)).text())) fromSitemap.push(url.pathname + url.search);
    const seeds = {
      public: [
        '/',
        '/search?q=script',
        '/search?q=xss',
        `/search?q=${encodeURIComponent(XSS_PAYLOADS[0] as string)}`,
        '/browse',
        '/calendar',
        `/calendar?month=${month}`,
        '/about',
        '/platforms/netflix',
        '/shows/nothing-here',
        '/shows/somos',
        '/shows/dark',
        ...hostilePlatforms.map((p) => `/platforms/${p}`),
        ...hostileSlugs.map((s) => `/shows/${s}`),
        ...fromSitemap,
      ],
      admin: [
        '/admin',
        '/admin?q=script',
        '/admin/shows/somos',
        '/admin/shows/dark',
        '/admin/queue',
        '/admin/feeds',
        '/admin/comments',
        '/admin/comments?status=published',
        '/admin/audit',
        '/admin/bans',
        ...hostileSlugs.slice(0, 5).map((s) => `/admin/shows/${s}`),
      ],
    };
    const findings: Finding[] = [];
    for (const [kind, context] of [
      ['public', reader],
      ['admin', admin],
    ] as const) {
      const page = await context.newPage();
      const queue = [...new Set(seeds[kind])];
      const seen = new Set<string>();
      while (queue.length > 0 && seen.size < MAX_PAGES[kind]) {
        const next = queue.shift() as string;
        if (seen.has(next)) continue;
        seen.add(next);
        const found = await inspect(page, `${server.url}${next}`);
        if (!found) continue;
        findings.push(found);
        for (const link of found.links) {
          const u = new URL(link);
          const target = u.pathname + u.search;
          if (u.pathname.startsWith('/admin') === (kind === 'admin') && !/\.(xml|atom|json|ics|js)$/.test(u.pathname) && !seen.has(target))
            queue.push(target);
        }
      }
      if (kind === 'public') {
        await inspect(page, `${server.url}/shows/${hostileSlugs[1]}`);
        await page.screenshot({ path: path.join(ARTIFACTS, 'xss-tvmaze-show.png'), fullPage: true });
        await inspect(page, `${server.url}/shows/somos`);
        await page.screenshot({ path: path.join(ARTIFACTS, 'xss-somos.png'), fullPage: true });
      } else {
        await inspect(page, `${server.url}/admin/queue`);
        await page.screenshot({ path: path.join(ARTIFACTS, 'xss-queue.png'), fullPage: true });
      }
      await page.close();
    }

    expect(findings.length).toBeGreaterThan(60);
    const visited = findings.map((f) => f.url);
    for (const must of ['/', '/shows/somos', '/shows/dark', '/admin/queue', '/admin/comments', `/shows/${hostileSlugs[0]}`])
      expect(visited, must).toContain(must);
    const problems = findings.filter(
      (f) => f.ran !== undefined || f.handlers.length || f.badLinks.length || f.foreignScripts.length || f.frames,
    );
    expect(
      problems.map(({ links: _, ...f }) => f),
      'pages where a payload ran or could run',
    ).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 300_000);
});
