import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder: one level above this file, and above the bundle in dist/ that production runs. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export type DatabaseConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  siteUrl: string;
  database: DatabaseConfig;
  /** smtp://host:port (or smtps://user:pass@host); unset means no mail, and readers are not offered reply mail. */
  smtpUrl: string | null;
  mailFrom: string;
  trustProxy: boolean;
  /** Webhooks may point at loopback and private networks (ALLOW_PRIVATE_WEBHOOKS=1): for tests and closed networks only. */
  allowPrivateWebhooks: boolean;
  /** Seconds a sender holds the alerts it claimed; one killed mid-way has its alerts sent by another after this. */
  alertClaimSeconds: number;
  /** Days a comment's IP address, old spam and sent mail are kept. */
  retentionDays: number;
  /** Bytes the response caches (pages, API) may hold together. */
  cacheBytes: number;
}

/** A configuration problem worth one clear line at start-up. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

export const DEFAULT_SQLITE_FILE = 'var/nextseason.db';

// DATABASE_URL: unset → ./var/nextseason.db; postgres://… or postgresql://…; sqlite:PATH or file:PATH.
export function parseDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseConfig {
  if (raw === undefined || raw.trim() === '') return { engine: 'sqlite', file: path.resolve(cwd, DEFAULT_SQLITE_FILE) };
  const value = raw.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid URL: ${redact(value)}`);
    }
    if (!url.hostname && !url.searchParams.get('host')) throw new ConfigError('DATABASE_URL names no PostgreSQL host');
    return { engine: 'postgres', url: value };
  }
  const sqlite = /^(sqlite|file):(.*)$/i.exec(value);
  if (sqlite) {
    const file = (sqlite[2] ?? '').replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError('DATABASE_URL names no SQLite file (expected sqlite:PATH)');
    return { engine: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  throw new ConfigError(
    `DATABASE_URL has unsupported scheme "${scheme ?? value}": use postgres://user@host:5432/db or sqlite:path/to/file.db`,
  );
}

export function parsePort(raw: string | undefined, fallback = 3000): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT);
  const host = env.HOST?.trim() || '127.0.0.1';
  const siteUrl = (env.SITE_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(siteUrl)) throw new ConfigError(`SITE_URL must be an http(s) URL, got "${siteUrl}"`);
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl))
    throw new ConfigError(`SMTP_URL must be smtp://host:port or smtps://user:pass@host, got "${redact(smtpUrl)}"`);
  const mailFrom = env.MAIL_FROM?.trim() || `Next Season <no-reply@${new URL(siteUrl).hostname}>`;
  const trustProxy = env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true';
  const retention = env.COMMENT_RETENTION_DAYS?.trim() || '90';
  if (!/^\d+$/.test(retention) || Number(retention) < 1)
    throw new ConfigError(`COMMENT_RETENTION_DAYS must be a whole number of days, 1 or more, got "${retention}"`);
  const claim = env.ALERT_CLAIM_SECONDS?.trim() || '120';
  if (!/^\d+$/.test(claim) || Number(claim) < 1)
    throw new ConfigError(`ALERT_CLAIM_SECONDS must be a whole number of seconds, 1 or more, got "${claim}"`);
  const cacheMb = env.PAGE_CACHE_MB?.trim() || '64';
  if (!/^\d+$/.test(cacheMb) || Number(cacheMb) < 1)
    throw new ConfigError(`PAGE_CACHE_MB must be a whole number of megabytes, 1 or more, got "${cacheMb}"`);
  return {
    port,
    host,
    siteUrl,
    database: parseDatabaseUrl(env.DATABASE_URL),
    smtpUrl,
    mailFrom,
    trustProxy,
    allowPrivateWebhooks: env.ALLOW_PRIVATE_WEBHOOKS === '1' || env.ALLOW_PRIVATE_WEBHOOKS === 'true',
    alertClaimSeconds: Number(claim),
    retentionDays: Number(retention),
    cacheBytes: Number(cacheMb) * 1024 * 1024,
  };
}

/** Hides a password in a connection string before it is printed. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
