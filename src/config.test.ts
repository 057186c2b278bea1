import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl, parsePort } from './config.ts';

describe('config', () => {
  it.each([
    [undefined, { engine: 'sqlite', file: '/app/var/nextseason.db' }],
    ['sqlite:data/x.db', { engine: 'sqlite', file: '/app/data/x.db' }],
    ['sqlite:///abs/x.db', { engine: 'sqlite', file: '/abs/x.db' }],
    ['file::memory:', { engine: 'sqlite', file: ':memory:' }],
    ['postgres://u:p@db:5432/ns', { engine: 'postgres', url: 'postgres://u:p@db:5432/ns' }],
    ['postgresql://u@h/ns', { engine: 'postgres', url: 'postgresql://u@h/ns' }],
  ])('DATABASE_URL=%s', (raw, expected) => {
    expect(parseDatabaseUrl(raw, '/app')).toEqual(expected);
  });

  it.each(['mysql://x', 'sqlite:', 'postgres://', 'nonsense'])('rejects DATABASE_URL=%s', (raw) => {
    expect(() => parseDatabaseUrl(raw, '/app')).toThrow(ConfigError);
  });

  it('reads PORT strictly', () => {
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort(undefined)).toBe(3000);
    for (const bad of ['-1', '70000', '80a', '1.5']) expect(() => parsePort(bad)).toThrow(/PORT must be a whole number/);
  });

  it('derives the site URL from the port unless SITE_URL is set', () => {
    expect(loadConfig({ PORT: '4000' }).siteUrl).toBe('http://localhost:4000');
    expect(loadConfig({ SITE_URL: 'https://nextseason.example/' }).siteUrl).toBe('https://nextseason.example');
    expect(() => loadConfig({ SITE_URL: 'ftp://x' })).toThrow(ConfigError);
  });

  it('reads the mail, proxy and retention settings, refusing bad ones by name', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: null,
      mailFrom: 'Next Season <no-reply@localhost>',
      trustProxy: false,
      retentionDays: 90,
    });
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', TRUST_PROXY: '1', COMMENT_RETENTION_DAYS: '30' })).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      trustProxy: true,
      retentionDays: 30,
    });
    expect(() => loadConfig({ SMTP_URL: 'mail.example.com' })).toThrow(
      'SMTP_URL must be smtp://host:port or smtps://user:pass@host, got "mail.example.com"',
    );
    expect(() => loadConfig({ SMTP_URL: 'smtps://me:secret@mail.example.com' })).not.toThrow();
    expect(() => loadConfig({ COMMENT_RETENTION_DAYS: '0' })).toThrow(
      'COMMENT_RETENTION_DAYS must be a whole number of days, 1 or more, got "0"',
    );
  });

  it('bounds the response caches in megabytes', () => {
    expect(loadConfig({}).cacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ PAGE_CACHE_MB: '8' }).cacheBytes).toBe(8 * 1024 * 1024);
    expect(() => loadConfig({ PAGE_CACHE_MB: '0.5' })).toThrow('PAGE_CACHE_MB must be a whole number of megabytes, 1 or more, got "0.5"');
  });
});
