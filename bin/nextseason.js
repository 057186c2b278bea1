#!/usr/bin/env node
// Runs the compiled CLI (dist/nextseason.mjs, made by `npm run build`) while it is newer than every source
// file; otherwise the TypeScript in src/ through tsx, so an edit takes effect without a build step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = path.join(root, 'dist/nextseason.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

const built = fs.statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built > Math.max(newestSource(path.join(root, 'src')), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs)) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  // The project's own tsconfig (JSX from hono/jsx), wherever the command is run from.
  register({ tsconfig: path.join(root, 'tsconfig.json') });
  await import('../src/cli.ts');
}
