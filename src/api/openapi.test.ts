import { expect, it } from 'vitest';
import { openTestDatabase, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';

it('documents exactly the /api routes the app serves', async () => {
  const db = await openTestDatabase('sqlite');
  const app = buildApp({ db, siteUrl: 'https://nextseason.test', now: () => TEST_NOW });
  const served = new Set(
    app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
  );
  const res = await app.request('/api/openapi.json');
  const doc = (await res.json()) as any;
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info.license).toEqual({ name: 'CC BY-SA 4.0', identifier: 'CC-BY-SA-4.0' });
  expect(doc.servers).toEqual([{ url: 'https://nextseason.test' }]);
  const documented = new Set(
    Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
  );
  expect([...documented].sort()).toEqual([...served].sort());
  expect(served.size).toBeGreaterThanOrEqual(3);
  await db.close();
});
