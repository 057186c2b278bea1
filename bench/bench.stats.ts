import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// What several benchmarks share: the median of runs, a percentile, and an empty database per run.

export const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

/** A DATABASE_URL for an empty database: a new SQLite file, or PostgreSQL's `nextseason_bench` dropped and made again. */
export async function freshDatabase(engine: 'sqlite' | 'postgres', prefix = 'nextseason-bench-'): Promise<string> {
  if (engine === 'sqlite') return `sqlite:${fs.mkdtempSync(path.join(os.tmpdir(), prefix))}/db.sqlite`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query('drop database if exists nextseason_bench');
  await admin.query('create database nextseason_bench');
  await admin.end();
  return PG_ADMIN.replace(/\/[^/]*$/, '/nextseason_bench');
}
