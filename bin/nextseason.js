#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles it on load, so there is no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's own tsconfig (JSX from hono/jsx), wherever the command is run from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli.ts');
