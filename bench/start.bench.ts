// `npm run bench -- start`: cold start, from spawning the process to the first 200 for /shows/somos, of
// `npm start` (`node bin/nextseason.js serve`, running the compiled dist/nextseason.mjs) against the same
// command through tsx (`tsx src/cli.ts serve`, transpiling at run time), each on an empty SQLite database that
// `serve` fills with the starter catalogue. The reference, in the same run: `node -e` starting a bare
// node:http server that answers 200. Runs are interleaved; prints a Markdown table.
//
// Both starts run from a copy of the last commit (git archive HEAD, node_modules linked), built there as
// `npm install` builds it: edits in the working tree can neither send bin/nextseason.js to tsx halfway
// (it runs the bundle only while it is newer than every file in src/) nor change what is measured.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort, ROOT } from '../src/testing/server.ts';
import { median } from './bench.stats.ts';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

/** Whether bin/nextseason.js will run the bundle (its own rule): newer than every file in src/ and the lockfile. */
const bundleIsCurrent = (tree: string) =>
  (fs.statSync(path.join(tree, 'dist/nextseason.mjs'), { throwIfNoEntry: false })?.mtimeMs ?? 0) >
  Math.max(newestSource(path.join(tree, 'src')), fs.statSync(path.join(tree, 'package-lock.json')).mtimeMs);

/** The last commit in a folder of its own, node_modules linked, built with `npm run build` (what prepare runs). */
function committedTree(): { dir: string; commit: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-start-tree-'));
  const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const files = ['bin', 'scripts', 'src', 'package.json', 'package-lock.json', 'tsconfig.json'];
  execFileSync('sh', ['-c', `git -C "$0" archive HEAD ${files.join(' ')} | tar -x -C "$1"`, ROOT, dir]);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
  if (!bundleIsCurrent(dir)) throw new Error(`${dir}: the build left dist/ older than src/`);
  return { dir, commit };
}

interface Variant {
  name: string;
  command: string;
  /** The process to start, and the line on its output that says it listens. */
  start: (port: number, databaseUrl: string) => ChildProcess;
  ready: string;
  path: string;
}

const variants = (tree: string): Variant[] => [
  {
    name: 'bare node:http (`node -e`), the reference',
    command: `node -e "require('http').createServer((q, r) => r.end('ok')).listen(PORT, '127.0.0.1', …)"`,
    start: (port) =>
      spawn(process.execPath, [
        '-e',
        `require('http').createServer((q,r)=>{r.writeHead(200,{'content-type':'text/plain'});r.end('ok')}).listen(${port},'127.0.0.1',()=>console.log('ready'))`,
      ]),
    ready: 'ready',
    path: '/shows/somos',
  },
  {
    name: 'compiled: `node bin/nextseason.js serve` (`npm start`, dist/nextseason.mjs)',
    command: 'node bin/nextseason.js serve',
    start: (port, databaseUrl) =>
      spawn(process.execPath, ['bin/nextseason.js', 'serve'], {
        cwd: tree,
        env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl },
      }),
    ready: 'is running at',
    path: '/shows/somos',
  },
  {
    name: 'runtime transpile: `tsx src/cli.ts serve`',
    command: 'tsx src/cli.ts serve',
    start: (port, databaseUrl) =>
      spawn(process.execPath, [TSX_CLI, 'src/cli.ts', 'serve'], {
        cwd: tree,
        env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl },
      }),
    ready: 'is running at',
    path: '/shows/somos',
  },
];

/** Spawns, waits for the ready line, asks once: ms from spawn to the whole 200 answer. Stops the process. */
async function coldStart(v: Variant): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextseason-start-'));
  const port = await freePort();
  const started = performance.now();
  const child = v.start(port, `sqlite:${dir}/db.sqlite`);
  try {
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output += d;
        if (output.includes(v.ready)) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${v.command} exited with ${code}: ${output}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}${v.path}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${v.command}: ${v.path} answered ${res.status}`);
    return performance.now() - started;
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const tree = committedTree();
  const all = variants(tree.dir);
  const times = new Map<Variant, number[]>(all.map((v) => [v, []]));
  try {
    for (let run = 0; run < RUNS; run++) for (const v of all) times.get(v)?.push(await coldStart(v));
    if (!bundleIsCurrent(tree.dir)) throw new Error('dist/ went stale during the run: the compiled figures may be tsx');
  } finally {
    fs.rmSync(tree.dir, { recursive: true, force: true });
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  console.log(
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average after the run ${load}`,
  );
  console.log(
    `Commit ${tree.commit}; ${RUNS} runs of each, interleaved; spawn to the first 200 for /shows/somos (the reference answers any path)\n`,
  );
  const median_ = (v: Variant) => median(times.get(v) ?? []);
  const reference = median_(all[0] as Variant);
  console.log('| start | median (ms) | runs (ms) | ÷ bare node:http |');
  console.log('|---|---|---|---|');
  for (const v of all)
    console.log(
      `| ${v.name} | ${median_(v).toFixed(0)} | ${(times.get(v) ?? []).map((t) => t.toFixed(0)).join(', ')} | ${(median_(v) / reference).toFixed(1)} |`,
    );
  console.log(`| compiled ÷ tsx | ${(median_(all[1] as Variant) / median_(all[2] as Variant)).toFixed(2)} | | |`);
}

await main();
