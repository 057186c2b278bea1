// `npm run build` (also run by `npm install`): the CLI and everything it imports, compiled into one file,
// dist/nextseason.mjs, so the command starts without a runtime transpiler or hundreds of module loads.
// bin/nextseason.js runs it while it is newer than every source file, and src/ through tsx otherwise.
import fs from 'node:fs';
import { build } from 'esbuild';

fs.mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });

const dist = new URL('../dist/', import.meta.url).pathname;
const partial = fs.mkdtempSync(`${dist}.build-`); // a folder of its own, so two builds at once never mix files
await build({
  entryPoints: [new URL('../src/cli.ts', import.meta.url).pathname],
  outfile: `${partial}/nextseason.mjs`,
  // Identifiers kept: a stack trace still names our functions (the map in dist/ gives lines, with --enable-source-maps).
  minifyWhitespace: true,
  minifySyntax: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Native addons and the optional native PostgreSQL driver load from node_modules as they are.
  external: ['better-sqlite3', '@node-rs/argon2', '@resvg/resvg-js', 'pg-native'],
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: { js: "import { createRequire as __nsRequire } from 'node:module'; const require = __nsRequire(import.meta.url);" },
});
// The map first: the bundle, once in place, is what bin/nextseason.js looks for.
fs.renameSync(`${partial}/nextseason.mjs.map`, `${dist}nextseason.mjs.map`);
fs.renameSync(`${partial}/nextseason.mjs`, `${dist}nextseason.mjs`);
fs.rmSync(partial, { recursive: true, force: true });
