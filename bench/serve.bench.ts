// `npm run bench -- serve`: cold start of `serve` on an empty database, and the Somos page served by the app
// against bare node:http serving the same bytes, measured in one run. Prints a Markdown table.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, startServer } from '../src/testing/server.ts';
import { median } from './bench.stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function coldStart(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-bench-'));
    const started = performance.now();
    const server = await startServer({ DATABASE_URL: `sqlite:${dir}/db.sqlite` });
    const res = await fetch(`${server.url}/shows/somos`);
    if (res.status !== 200) throw new Error(`Somos page answered ${res.status}`);
    times.push(performance.now() - started);
    await server.stop();
  }
  return times;
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function bareNodeHttp(bytes: Buffer, encoding?: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-bytes-')), 'somos.html');
  fs.writeFileSync(file, bytes);
  const extra = encoding ? `,'content-encoding':'${encoding}'` : '';
  const script = `const b=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,r)=>{r.writeHead(200,{'content-type':'text/html; charset=UTF-8','content-length':b.length${extra}});r.end(b)}).listen(${port},'127.0.0.1',()=>console.log('ready'))`;
  const child = spawn(process.execPath, ['-e', script]);
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/** nginx serving the same bytes as a static file, one worker (like the one Node process), if nginx is installed. */
async function nginxStatic(bytes: Buffer): Promise<{ url: string; stop: () => void } | null> {
  const bin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!bin) return null;
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-nginx-'));
  fs.writeFileSync(path.join(dir, 'somos.html'), bytes);
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; types { text/html html; } client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${dir}; location / { try_files /somos.html =404; } } }`,
  );
  const child = spawn(bin, ['-c', conf, '-p', dir]);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

type Run = { rps: number; p99: number };
const rps = (runs: Run[]) => median(runs.map((r) => r.rps));
const p99 = (runs: Run[]) => median(runs.map((r) => r.p99));
const list = (runs: Run[]) => runs.map((r) => r.rps.toFixed(0)).join(', ');

async function main() {
  const cold = await coldStart();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-bench-'));
  const app = await startServer({ DATABASE_URL: `sqlite:${dir}/db.sqlite` });
  const appUrl = `${app.url.replace('localhost', '127.0.0.1')}/shows/somos`;
  const brotli = { 'accept-encoding': 'br' };
  const plain = Buffer.from(await (await fetch(appUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  const compressed = await new Promise<Buffer>((resolve, reject) =>
    http
      .get(appUrl, { headers: brotli }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d)).on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject),
  );
  const cases = [
    { name: 'Somos page', headers: {}, bytes: plain, bare: await bareNodeHttp(plain), nginx: await nginxStatic(plain) },
    { name: 'Somos page, brotli', headers: brotli, bytes: compressed, bare: await bareNodeHttp(compressed, 'br'), nginx: null },
  ].map((c) => ({ ...c, appRuns: [] as Run[], bareRuns: [] as Run[], nginxRuns: [] as Run[] }));
  for (let i = 0; i < 3; i++)
    for (const c of cases) {
      c.bareRuns.push(await load(c.bare.url, c.headers));
      if (c.nginx) c.nginxRuns.push(await load(c.nginx.url, c.headers));
      c.appRuns.push(await load(appUrl, c.headers));
    }
  for (const c of cases) {
    c.bare.stop();
    c.nginx?.stop();
  }
  await app.stop();

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  console.log(
    `Page: ${plain.length} bytes, ${compressed.length} with brotli; ${CONNECTIONS} connections, ${DURATION} s per run, 3 runs each (interleaved), medians\n`,
  );
  console.log('| measure | median | runs |');
  console.log('|---|---|---|');
  console.log(
    `| cold start of \`serve\` on an empty SQLite database, to first Somos page (ms) | ${median(cold).toFixed(0)} | ${cold.map((t) => t.toFixed(0)).join(', ')} |`,
  );
  for (const c of cases) {
    console.log(`| ${c.name}, app (req/s) | ${rps(c.appRuns).toFixed(0)} | ${list(c.appRuns)} |`);
    console.log(`| same bytes, bare node:http (req/s) | ${rps(c.bareRuns).toFixed(0)} | ${list(c.bareRuns)} |`);
    if (c.nginxRuns.length)
      console.log(`| same bytes, nginx static file, 1 worker (req/s) | ${rps(c.nginxRuns).toFixed(0)} | ${list(c.nginxRuns)} |`);
    console.log(`| ${c.name}: app / bare node:http | ${(rps(c.appRuns) / rps(c.bareRuns)).toFixed(2)} | |`);
    if (c.nginxRuns.length) console.log(`| ${c.name}: app / nginx | ${(rps(c.appRuns) / rps(c.nginxRuns)).toFixed(2)} | |`);
    console.log(`| ${c.name}: p99 latency, app / bare (ms) | ${p99(c.appRuns)} / ${p99(c.bareRuns)} | |`);
  }
}

await main();
