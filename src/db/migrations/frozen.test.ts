import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// A migration that shipped must do the same thing forever: it may import only its own folder and libraries.
it('migrations import no live code', () => {
  const dir = import.meta.dirname;
  const outside = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .flatMap((f) =>
      [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/from '(\.[^']+)'/g)]
        .map((m) => m[1] as string)
        .filter((spec) => path.dirname(path.resolve(dir, spec)) !== dir)
        .map((spec) => `${f} imports ${spec}`),
    );
  expect(outside).toEqual([]);
});
