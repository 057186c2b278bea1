import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { sharedFile } from '../testing/shared-data.ts';
import { tvmazeClient } from './tvmaze.client.ts';
import type { TvmazeEpisode, TvmazeShow } from './tvmaze.map.ts';
import { syncTvmaze } from './tvmaze.sync.ts';

// A fake TVmaze on 127.0.0.1, serving shows and episodes taken from the real January 2024 schedule files.
const day1 = sharedFile('tvmaze-web-schedule-2024-01/2024-01-01.json.gz');
const day2 = sharedFile('tvmaze-web-schedule-2024-01/2024-01-02.json.gz');

function fixtureShows(): Map<number, TvmazeShow> {
  const shows = new Map<number, TvmazeShow>();
  for (const file of [day1, day2]) {
    for (const e of JSON.parse(zlib.gunzipSync(fs.readFileSync(file as string)).toString()) as TvmazeEpisode[]) {
      const show = e._embedded?.show as TvmazeShow;
      const entry = shows.get(show.id) ?? { ...show, _embedded: { episodes: [] } };
      const { _embedded: _, ...episode } = e;
      entry._embedded?.episodes?.push(episode as TvmazeEpisode);
      shows.set(show.id, entry);
    }
  }
  return new Map([...shows].slice(0, 12));
}

if (day1 && day2) {
  const shows = fixtureShows();
  const ids = [...shows.keys()].sort((a, b) => a - b);
  const [rateLimited, failing, slow, malformed] = ids as [number, number, number, number];
  const served = { calls: new Map<number, number>(), agents: new Set<string>(), showCalls: 0 };
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      served.agents.add(req.headers['user-agent'] ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/updates/shows') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(Object.fromEntries(ids.map((id) => [id, shows.get(id)?.updated ?? 1]))));
        return;
      }
      const id = Number(/^\/shows\/(\d+)$/.exec(url.pathname)?.[1]);
      const show = shows.get(id);
      if (!show) {
        res.writeHead(404).end('{}');
        return;
      }
      served.showCalls += 1;
      const n = (served.calls.get(id) ?? 0) + 1;
      served.calls.set(id, n);
      if (id === rateLimited && n === 1) return res.writeHead(429, { 'retry-after': '0' }).end();
      if (id === failing && n === 1) return res.writeHead(503).end('busy');
      if (id === slow && n === 1) return; // never answers: the client must time out and retry
      if (id === malformed) return res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": 1, "name": "trunc');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(show));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  describeEachEngine('sync tvmaze against a local fake', (db) => {
    const client = () =>
      tvmazeClient({ baseUrl: base, userAgent: 'nextseason/test (TV renewal tracker)', timeoutMs: 300, retries: 2, backoffMs: 5 });

    it('fetches changed shows politely, survives 429, 5xx, a timeout and a malformed body, and resumes where it stopped', async () => {
      served.calls.clear();
      const first = await syncTvmaze({ db: db(), client: client(), since: null, now: TEST_NOW, limit: 5 });
      expect(first).toMatchObject({ resumed: false, queued: 12, remaining: 7 });
      // The place reached is stamped with the caller's clock, not the machine's.
      const state = await db().kysely.selectFrom('sync_state').select('updated_at').where('name', '=', 'tvmaze').executeTakeFirstOrThrow();
      expect(new Date(state.updated_at).toISOString()).toBe(TEST_NOW.toISOString());
      const second = await syncTvmaze({ db: db(), client: client(), since: null, now: TEST_NOW });
      expect(second).toMatchObject({ resumed: true, remaining: 0, retrying: 1 });
      expect(first.records + second.records).toBe(11);
      expect([...first.problems, ...second.problems]).toEqual([
        { location: `tvmaze show ${malformed}`, field: null, reason: expect.stringContaining('the body is not JSON') },
      ]);
      expect(served.calls.get(rateLimited)).toBe(2);
      expect(served.calls.get(failing)).toBe(2);
      expect(served.calls.get(slow)).toBe(2);
      expect([...served.agents]).toEqual(['nextseason/test (TV renewal tracker)']);
      const imported = await db().kysely.selectFrom('shows').select(['tvmaze_id']).where('tvmaze_id', 'in', ids).execute();
      expect(imported).toHaveLength(11);
      const episodes = await db()
        .kysely.selectFrom('episodes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const expected = ids
        .filter((id) => id !== malformed)
        .reduce((n, id) => n + (shows.get(id)?._embedded?.episodes?.filter((e) => e.number !== null).length ?? 0), 0);
      expect(Number(episodes.n)).toBe(expected);
    });

    it('asks only for shows that changed since the last sync', async () => {
      const before = served.showCalls;
      const again = await syncTvmaze({ db: db(), client: client(), since: null, now: TEST_NOW });
      expect(served.showCalls - before).toBe(3); // only the malformed show, which failed last time (three tries)
      expect(again.retrying).toBe(1);
      expect(again.tally.total('inserted') + again.tally.total('updated')).toBe(0);
    });
  });
} else {
  it.skip('sync tvmaze against a local fake (needs ../shared/data)', () => {});
}
