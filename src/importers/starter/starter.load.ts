import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../config.ts';
import { platformSchema, type StarterPlatform, type StarterShow, starterShowSchema } from './starter.schema.ts';

export const STARTER_DIR = path.join(PROJECT_ROOT, 'src/importers/starter');

/** A data file that cannot be used, with the file and field that are wrong. */
export class DataFileError extends Error {
  readonly code = 'data_file_invalid';
}

export interface StarterCatalogue {
  platforms: StarterPlatform[];
  shows: StarterShow[];
}

/** Reads and validates every file; throws one DataFileError listing every problem found. */
export function loadStarterCatalogue(dir = STARTER_DIR): StarterCatalogue {
  const problems: string[] = [];
  const platforms = parseFile(path.join(dir, 'platforms.json'), z.array(platformSchema), problems) ?? [];
  const platformSlugs = new Set(platforms.map((p) => p.slug));
  const showDir = path.join(dir, 'shows');
  const shows: StarterShow[] = [];
  const seen = new Map<string, string>();
  for (const name of fs
    .readdirSync(showDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = path.join(showDir, name);
    const show = parseFile(file, starterShowSchema, problems);
    if (!show) continue;
    const where = path.relative(process.cwd(), file);
    if (`${show.slug}.json` !== name) problems.push(`${where}: slug: "${show.slug}" does not match the file name`);
    if (seen.has(show.slug)) problems.push(`${where}: slug: "${show.slug}" is also used by ${seen.get(show.slug)}`);
    seen.set(show.slug, where);
    if (!platformSlugs.has(show.platform)) problems.push(`${where}: platform: unknown platform "${show.platform}"`);
    problems.push(...crossCheck(show).map((p) => `${where}: ${p}`));
    shows.push(show);
  }
  if (problems.length > 0) throw new DataFileError(`starter catalogue has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return { platforms, shows };
}

function parseFile<T>(file: string, schema: z.ZodType<T>, problems: string[]): T | null {
  const where = path.relative(process.cwd(), file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${where}: ${(error as Error).message}`);
    return null;
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(`${where}: ${formatPath(issue.path)}: ${issue.message}`);
  return null;
}

/** 'seasons[0].premiere' from ['seasons', 0, 'premiere']. */
export function formatPath(p: ReadonlyArray<PropertyKey>): string {
  return (
    p.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') ||
    '(file)'
  );
}

/** Rules a schema cannot express: cited sources are listed, season numbers are unique. */
function crossCheck(show: StarterShow): string[] {
  const problems: string[] = [];
  const urls = new Set(show.sources.map((s) => s.url).filter(Boolean));
  const cite = (where: string, ref: string | null | undefined) => {
    if (ref && !urls.has(ref)) problems.push(`${where}: source ${ref} is not in "sources"`);
  };
  for (const [i, s] of show.seasons.entries()) cite(`seasons[${i}].source`, s.source);
  for (const [i, c] of show.credits.entries()) cite(`credits[${i}].source`, c.source);
  for (const [i, r] of show.ratings.entries()) cite(`ratings[${i}].cite`, r.cite);
  for (const [i, e] of show.events.entries()) cite(`events[${i}].source`, e.source);
  const numbers = new Set<number>();
  show.seasons.forEach((s, i) => {
    if (numbers.has(s.number)) problems.push(`seasons[${i}].number: season ${s.number} appears twice`);
    numbers.add(s.number);
  });
  return problems;
}
