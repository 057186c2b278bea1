import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { DatabaseConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { MIGRATIONS, migrate } from './migrate.ts';

// Backups an operator can trust: SQLite's online backup (a consistent copy while the site runs and writes),
// PostgreSQL's own pg_dump and pg_restore. A backup is written beside its name and renamed into place, so a
// file of that name is always whole. A restore checks what it is given before it touches the database.

export class BackupError extends Error {}

/** Copies the database to `file`; returns a line for the operator. */
export async function backupDatabase(config: DatabaseConfig, file: string): Promise<string> {
  const target = path.resolve(file);
  const partial = `${target}.partial-${process.pid}`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    if (config.engine === 'sqlite') {
      if (!fs.existsSync(config.file)) throw new BackupError(`no SQLite database at ${config.file}`);
      const source = new SQLite(config.file, { fileMustExist: true });
      try {
        // Pages copied in steps; a write by another connection meanwhile restarts the copy from a consistent point.
        await source.backup(partial);
      } finally {
        source.close();
      }
    } else {
      run('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${config.url}`]);
    }
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return `backed up to ${target} (${(fs.statSync(target).size / 1e6).toFixed(1)} MB)`;
}

/**
 * Replaces the database with a backup made by backupDatabase, then brings its schema up to this build.
 * SQLite: stop the app first (a running process keeps the old file open).
 */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<string> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`no backup at ${source}`);
  if (config.engine === 'sqlite') {
    const version = sqliteBackupVersion(source);
    const partial = `${config.file}.restore-${process.pid}`;
    fs.mkdirSync(path.dirname(config.file), { recursive: true });
    fs.copyFileSync(source, partial);
    // The old file's write-ahead log belongs to the old file: left beside the new one, SQLite would replay it.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${config.file}${suffix}`, { force: true });
    fs.renameSync(partial, config.file);
    return `restored ${config.file} from ${source} (schema ${version})${await upgrade(config)}`;
  }
  run('pg_restore', ['--list', source]); // not a pg_dump archive: refused before anything is dropped
  run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.url}`, source]);
  return `restored the PostgreSQL database from ${source}${await upgrade(config)}`;
}

/** The backup's schema version, refusing a file that is not one of our databases or is newer than this build. */
function sqliteBackupVersion(file: string): number {
  let version: number;
  try {
    const db = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new BackupError(`${file} fails SQLite's integrity check`);
      version = Number((db.prepare('select max(version) as v from schema_migrations').get() as { v: number | null }).v ?? 0);
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a Next Season SQLite backup: ${(error as Error).message}`);
  }
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (version > latest)
    throw new BackupError(`${file} is at schema ${version}, newer than this build knows (${latest}); upgrade nextseason`);
  return version;
}

async function upgrade(config: DatabaseConfig): Promise<string> {
  const db = await openDatabase(config);
  try {
    const { applied } = await migrate(db);
    return applied.length ? `; migrated: ${applied.join(', ')}` : '';
  } finally {
    await db.close();
  }
}

/** Runs a PostgreSQL client tool, naming it when it is missing or fails. */
function run(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error)
    throw new BackupError(
      `${tool} is not installed (${(result.error as NodeJS.ErrnoException).code}): install PostgreSQL's client tools (Debian: apt-get install postgresql-client), the same major version as the server or newer`,
    );
  if (result.status !== 0) throw new BackupError(`${tool} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
}
