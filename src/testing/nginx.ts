import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, ROOT } from './server.ts';

// Debian's nginx for tests and benchmarks: the shipped docs/deploy/nginx.conf (its port, export folder and
// app upstreams set), plus any extra server blocks, run from a folder of its own.

const NGINX = '/usr/sbin/nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export const hasNginx = () => fs.existsSync(NGINX);
export const hasBrotli = () => fs.existsSync(BROTLI);

export interface Nginx {
  base: string;
  stop(): void;
}

export async function startNginx(
  dir: string,
  { exportDir, upstreams, extra = '', proxyConf }: { exportDir: string; upstreams: string[]; extra?: string; proxyConf?: string },
): Promise<Nginx> {
  const port = await freePort();
  const proxy = proxyConf ?? path.join(ROOT, 'docs/deploy/nextseason-proxy.conf');
  let server = fs
    .readFileSync(path.join(ROOT, 'docs/deploy/nginx.conf'), 'utf8')
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('root /var/lib/nextseason/export;', `root ${exportDir};`)
    .replace('server 127.0.0.1:3000;', upstreams.map((u) => `server ${u};`).join(' '))
    .replaceAll('/etc/nginx/nextseason-proxy.conf', proxy);
  if (!fs.existsSync(BROTLI)) server = server.replace('brotli_static on;', '');
  fs.writeFileSync(path.join(dir, 'server.conf'), `${server}\n${extra}`);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      fs.existsSync(BROTLI) ? `load_module ${BROTLI};` : '',
      `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn; worker_processes auto;`,
      'events { worker_connections 4096; }',
      `http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')} include ${dir}/server.conf; }`,
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if ((await fetch(`${base}/robots.txt`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { base, stop: () => child.kill('SIGQUIT') };
}
