import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';
import { type Cluster, canStartCluster, startCluster } from '../testing/pg.cluster.ts';
import { waitUntil } from '../testing/wait.ts';
import { type Db, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { TEST_NOW } from './testing.ts';

// The notification connection cut (on a cluster of the test's own): pages fall back to the one-second poll,
// /readyz says so, another process's write still shows, and the connection comes back by itself.

describe.skipIf(!canStartCluster())('write notices through a cut connection', () => {
  let cluster: Cluster;
  let writer: Db;
  let reader: Db;

  beforeAll(async () => {
    cluster = await startCluster();
    writer = await openDatabase({ engine: 'postgres', url: cluster.url });
    await migrate(writer);
    await importStarterCatalogue(writer, loadStarterCatalogue(), TEST_NOW);
  }, 120_000);

  afterAll(async () => {
    await reader?.close().catch(() => undefined);
    await writer?.close().catch(() => undefined);
    cluster?.remove();
  });

  it('polls while the connection is down, says so, and listens again once it is back', async () => {
    reader = await openDatabase({ engine: 'postgres', url: cluster.url }, { listen: true });
    const app = buildApp({ db: reader, siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
    await waitUntil(() => reader.notices?.listening === true, 5_000, 'listening');
    expect(await (await app.request('/shows/somos')).text()).not.toContain('Written while deaf');

    expect(await cluster.terminateBackends()).toBeGreaterThan(0);
    await waitUntil(() => reader.notices?.listening === false, 5_000, 'the cut noticed');
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200); // still serves: it polls
    expect(await ready.json()).toMatchObject({ ready: true, changes: 'polling' });

    await writer.kysely
      .updateTable('shows')
      .set({ synopsis: 'Written while deaf', updated_at: new Date().toISOString() })
      .where('slug', '=', 'somos')
      .execute();
    // Without a notice the poll still finds it, within its second.
    await waitUntil(
      async () => (await (await app.request('/shows/somos')).text()).includes('Written while deaf'),
      5_000,
      'the polled change',
    );

    await waitUntil(() => reader.notices?.listening === true, 15_000, 'listening again');
    expect(await (await app.request('/readyz')).json()).toMatchObject({ changes: 'listening' });
  }, 60_000);
});
