import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.ts';

// The real datasets in ../shared/data, when this checkout has them beside it.

export const SHARED_DATA = path.resolve(ROOT, '../shared/data');

export function sharedFile(relative: string): string | null {
  const file = path.join(SHARED_DATA, relative);
  if (fs.existsSync(file)) return file;
  console.log(`Skipping tests that read ${relative}: ${SHARED_DATA} is not here.`);
  return null;
}
