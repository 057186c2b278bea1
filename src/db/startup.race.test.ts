import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { type RunningServer, startServer } from '../testing/server.ts';
import { MIGRATIONS } from './migrate.ts';

// Four app processes started at once on a fresh PostgreSQL database: one migrates and loads the starter
// catalogue, the others wait for it, and every one of them serves.

const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)('several servers starting at once on a fresh PostgreSQL database', () => {
  const name = `nextseason_race_${randomBytes(4).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: base });
  const servers: RunningServer[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });

  it('migrate and load once, and all serve', async () => {
    const client = admin();
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(base as string);
    url.pathname = `/${name}`;

    const started = await Promise.allSettled(Array.from({ length: 4 }, () => startServer({ DATABASE_URL: url.toString(), SMTP_URL: '' })));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
    for (const s of servers) expect((await fetch(`${s.url}/shows/somos`)).status).toBe(200);

    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    const migrations = await db.query('select version from schema_migrations order by version');
    const shows = await db.query('select count(*)::int as n, count(distinct slug)::int as distinct from shows');
    await db.end();
    expect(migrations.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(shows.rows[0]).toEqual({ n: loadStarterCatalogue().shows.length, distinct: loadStarterCatalogue().shows.length });
  });
});
