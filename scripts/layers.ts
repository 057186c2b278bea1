// `npx tsx scripts/layers.ts`: the folders under src/ and the imports between them (tests and test helpers
// left out). Prints every import that points up a tier (surfaces → domains → kernel) and every folder cycle;
// exits 1 if there is one. `--quiet` prints only the counts.
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '../src');
const KERNEL = new Set(['db', 'web', 'lang', 'config.ts']);
const SURFACES = new Set(['site', 'desk', 'api', 'export', 'app.types.ts', 'server.ts', 'cli.ts', 'daily.job.ts']);
const tier = (unit: string) => (KERNEL.has(unit) ? 0 : SURFACES.has(unit) ? 2 : 1);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : files(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const unitOf = (file: string) => path.relative(SRC, file).split(path.sep)[0] as string;
const edges = new Map<string, Map<string, string[]>>();
for (const file of files(SRC)) {
  const from = unitOf(file);
  for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const to = unitOf(path.resolve(path.dirname(file), spec as string));
    if (to === from || to.startsWith('..')) continue;
    const out = edges.get(from) ?? new Map<string, string[]>();
    out.set(to, [...(out.get(to) ?? []), path.relative(SRC, file)]);
    edges.set(from, out);
  }
}

const upward: string[] = [];
for (const [from, out] of edges) for (const [to, via] of out) if (tier(to) > tier(from)) upward.push(`${from} → ${to} (${via.join(', ')})`);

// Folder cycles: strongly connected components of more than one folder (Tarjan).
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const cycles: string[][] = [];
let counter = 0;
function visit(v: string) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
    } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
  }
  if (low.get(v) === index.get(v)) {
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!index.has(v)) visit(v);

const quiet = process.argv.includes('--quiet');
if (!quiet) {
  for (const line of upward) console.log(`up: ${line}`);
  for (const c of cycles) console.log(`cycle: ${c.join(' ⇄ ')}`);
}
console.log(
  `${upward.length} imports point up a tier; ${cycles.length} folder cycle(s)${cycles.length ? ` (largest: ${Math.max(...cycles.map((c) => c.length))} folders)` : ''}`,
);
process.exit(upward.length + cycles.length > 0 ? 1 : 0);
