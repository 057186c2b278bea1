// `npm run bench -- deploy`: the deployment figures.
// 1. The exported Somos page through the shipped nginx configuration against nginx serving a plain file of
//    the same bytes (wrk, from Debian's package, as the client), identity and brotli.
// 2. A mixed load on PostgreSQL (show pages, search, comment posts, an editor's write every second) against
//    one `serve` process, and against two behind the shipped nginx configuration: requests/s, p99 per kind,
//    and the time from an editor's write in one process to the new page in the other.
// BENCH_RUNS (3), BENCH_SECONDS (10), BENCH_PG_URL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { MIN_FILL_MS } from '../src/comments/form.token.ts';
import { agent, overHttp } from '../src/testing/agent.ts';
import { hasNginx, startNginx } from '../src/testing/nginx.ts';
import { runCli, startServer } from '../src/testing/server.ts';
import { freshDatabase, median, pct } from './bench.stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'a long enough bench password';

if (!hasNginx() || !fs.existsSync('/usr/bin/wrk'))
  throw new Error('deploy benchmark: needs Debian packages nginx, libnginx-mod-http-brotli-static and wrk');

const workdir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-deploy-bench-'));
  fs.chmodSync(dir, 0o755); // nginx's workers read the files as www-data
  return dir;
};

/** wrk's requests per second for one URL: 2 threads, 50 connections. */
function wrk(url: string, headers: Record<string, string> = {}): number {
  const args = ['-t2', '-c50', `-d${SECONDS}s`, ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  if (/Non-2xx/.test(out)) throw new Error(`wrk ${url}: ${out}`);
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
}

async function staticPage() {
  const dir = workdir();
  const exportDir = path.join(dir, 'export');
  const made = await runCli(['export', exportDir], { DATABASE_URL: `sqlite:${dir}/db.sqlite` });
  if (made.code !== 0) throw new Error(made.stderr);
  fs.mkdirSync(path.join(dir, 'plain'));
  fs.copyFileSync(path.join(exportDir, 'shows/somos.html'), path.join(dir, 'plain/somos.html'));
  // References: the same bytes as a plain file, in a bare server block and in one with the shipped config's open_file_cache.
  fs.copyFileSync(path.join(exportDir, 'shows/somos.html.br'), path.join(dir, 'plain/somos.br.html'));
  const plain = 20_000 + Math.floor(Math.random() * 20_000);
  const cache = 'open_file_cache max=10000 inactive=60s; open_file_cache_valid 1s; open_file_cache_errors on;';
  const nginx = await startNginx(dir, {
    exportDir,
    upstreams: ['127.0.0.1:9'], // no app: every request here is a file
    extra: [
      `server { listen 127.0.0.1:${plain}; root ${dir}/plain; types { text/html html; } }`,
      `server { listen 127.0.0.1:${plain + 1}; root ${dir}/plain; types { text/html html; } ${cache} }`,
    ].join('\n'),
  });
  const rows = [
    { label: 'identity', headers: {} as Record<string, string>, plainFile: 'somos.html', runs: [] as number[][] },
    {
      label: 'br (reference: the .br bytes as a plain file)',
      headers: { 'accept-encoding': 'br' },
      plainFile: 'somos.br.html',
      runs: [] as number[][],
    },
  ];
  for (let i = 0; i < RUNS; i++)
    for (const row of rows)
      row.runs.push([
        wrk(`${nginx.base}/shows/somos`, row.headers),
        wrk(`http://127.0.0.1:${plain}/${row.plainFile}`),
        wrk(`http://127.0.0.1:${plain + 1}/${row.plainFile}`),
      ]);
  nginx.stop();
  const bytes = fs.statSync(path.join(exportDir, 'shows/somos.html')).size;
  const br = fs.statSync(path.join(exportDir, 'shows/somos.html.br')).size;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `\n### The exported Somos page through nginx (${bytes} bytes; ${br} brotli), wrk -t2 -c50, median of ${RUNS} runs of ${SECONDS} s\n`,
  );
  console.log(
    '| encoding asked | exported page (shipped config), req/s | plain file, bare server, req/s | ratio | plain file with open_file_cache, req/s | ratio |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) {
    const [exported, bare, cached] = [0, 1, 2].map((k) => median(row.runs.map((r) => r[k] as number))) as [number, number, number];
    console.log(
      `| ${row.label} | ${Math.round(exported)} | ${Math.round(bare)} | ${(exported / bare).toFixed(2)} | ${Math.round(cached)} | ${(exported / cached).toFixed(2)} |`,
    );
  }
}

const SHOWS = ['somos', 'severance', 'kingdom', 'stranger-things', 'the-crown', 'squid-game', 'wednesday', 'the-last-of-us'];
const QUERIES = ['somos', 'sev', 'kingdom', 'stranger', 'crown', 'squid', 'wednes', 'last of'];

interface Mixed {
  idleSeen: number[];
  rps: number;
  p99: { page: number; search: number; comment: number };
  seen: number[];
  errors: number;
}

/** The load for SECONDS: pages and search through autocannon, comment posts, and an editor writing each second in `writeTo`, read back in `readFrom`. */
async function mixedLoad(base: string, writeTo: string, readFrom: string): Promise<Mixed> {
  const desk = agent(overHttp(writeTo));
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const login = await desk('/admin/login');
  await desk('/admin/login', { form: { _csrf: csrfOf(login.text), email: 'ed@bench.example', password: PASSWORD, next: '/admin' } });
  const csrf = csrfOf((await desk('/admin/shows/kingdom')).text);
  for (const s of SHOWS) await (await fetch(`${base}/shows/${s}`)).text();
  const writeSeen = async (n: number) => {
    const marker = `Bench write ${Date.now()}-${n}`;
    const saved = await desk('/admin/shows/kingdom/facts', {
      form: { _csrf: csrf, title: 'Kingdom', original_title: '킹덤', synopsis: marker, basis: '', official_site: '', verified_on: '' },
    });
    if (saved.status !== 303) throw new Error(`the desk answered ${saved.status}`);
    const t = performance.now();
    while (!(await (await fetch(`${readFrom}/shows/kingdom`)).text()).includes(marker)) await new Promise((r) => setTimeout(r, 2));
    return performance.now() - t;
  };
  // The same with no other load: what the notice itself costs.
  const idleSeen: number[] = [];
  for (let n = 0; n < 10; n++) idleSeen.push(await writeSeen(n));

  // Comment forms, as readers open them: one cookie and token per post, sent once the fill time has passed.
  const POSTERS = 20;
  const forms = await Promise.all(
    Array.from({ length: POSTERS * 5 }, async () => {
      const res = await fetch(`${base}/comments/form-token`);
      return {
        cookie: (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string,
        token: ((await res.json()) as { token: string }).token,
      };
    }),
  );
  await new Promise((r) => setTimeout(r, MIN_FILL_MS + 100));

  let running = true;
  const commentTimes: number[] = [];
  let errors = 0;
  const comments = Promise.all(
    Array.from({ length: POSTERS }, async (_, p) => {
      for (let k = 0; running && k < 5; k++) {
        const form = forms[p * 5 + k] as { cookie: string; token: string };
        const t = performance.now();
        const res = await fetch(`${base}/shows/${SHOWS[p % SHOWS.length]}/comments`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: form.cookie, 'x-forwarded-for': `10.9.${p}.${k}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _form: form.token, name: 'Bench', email: `p${p}k${k}@bench.example`, body: `Season ${k}?` }),
        });
        await res.text();
        if (res.status !== 303) errors++;
        commentTimes.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 6));
      }
    }),
  );
  const seen: number[] = [];
  const editor = (async () => {
    for (let n = 10; running; n++) {
      seen.push(await writeSeen(n));
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  const load = (connections: number, paths: string[]) =>
    autocannon({
      url: base,
      connections,
      duration: SECONDS,
      requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
    });
  const [pages, search] = await Promise.all([
    load(
      20,
      SHOWS.map((s) => `/shows/${s}`),
    ),
    load(
      4,
      QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`),
    ),
  ]);
  running = false;
  await Promise.all([comments, editor]);
  errors += pages.non2xx + pages.errors + search.non2xx + search.errors;
  return {
    idleSeen,
    rps: pages.requests.average + search.requests.average,
    p99: { page: pages.latency.p99, search: search.latency.p99, comment: pct(commentTimes, 99) },
    seen,
    errors,
  };
}

async function mixed() {
  const rows: Record<'one' | 'two', Mixed[]> = { one: [], two: [] };
  for (let i = 0; i < RUNS; i++) {
    const url = await freshDatabase('postgres', 'nextseason-deploy-');
    const env = { DATABASE_URL: url, TRUST_PROXY: '1' };
    const a = await startServer(env);
    const b = await startServer(env);
    const dir = workdir();
    // The load comes from one machine: nginx passes on the address each request claims, as a CDN would pass the reader's.
    const proxy = path.join(dir, 'proxy.conf');
    fs.writeFileSync(
      proxy,
      'proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; proxy_set_header X-Forwarded-For $http_x_forwarded_for;',
    );
    const aUrl = a.url.replace('localhost', '127.0.0.1');
    const bUrl = b.url.replace('localhost', '127.0.0.1');
    const nginx = await startNginx(dir, {
      exportDir: path.join(dir, 'no-export'),
      upstreams: [new URL(aUrl).host, new URL(bUrl).host],
      proxyConf: proxy,
    });
    try {
      const made = await runCli(['user', 'add', '--email', 'ed@bench.example', '--name', 'Ed'], env, `${PASSWORD}\n`);
      if (made.code !== 0) throw new Error(made.stderr);
      rows.one.push(await mixedLoad(aUrl, aUrl, aUrl));
      rows.two.push(await mixedLoad(nginx.base, aUrl, bUrl));
    } finally {
      nginx.stop();
      await a.stop();
      await b.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\n### Mixed load on PostgreSQL, median of ${RUNS} runs of ${SECONDS} s\n`);
  console.log(
    "Show pages (20 connections), search (4), 100 comment posts, an editor's write each second; the load generator shares the machine.\n",
  );
  console.log(
    '| setup | pages + search req/s | p99 page ms | p99 search ms | p99 comment post ms | write → new page under load, p50 / p99 ms | the same without load | errors |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [label, runs] of [
    ['one process (direct)', rows.one],
    ['two processes behind nginx (write in one, read in the other)', rows.two],
  ] as const) {
    const seen = runs.flatMap((r) => r.seen);
    const idle = runs.flatMap((r) => r.idleSeen);
    console.log(
      `| ${label} | ${Math.round(median(runs.map((r) => r.rps)))} | ${median(runs.map((r) => r.p99.page))} | ${median(runs.map((r) => r.p99.search))} | ${median(runs.map((r) => r.p99.comment)).toFixed(0)} | ${pct(seen, 50).toFixed(0)} / ${pct(seen, 99).toFixed(0)} (${seen.length} writes) | ${pct(idle, 50).toFixed(0)} / ${pct(idle, 99).toFixed(0)} (${idle.length}) | ${runs.reduce((n, r) => n + r.errors, 0)} |`,
    );
  }
}

await staticPage();
await mixed();
