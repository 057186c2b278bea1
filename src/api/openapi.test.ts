import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, TEST_NOW } from '../db/testing.ts';
import { SESSION_COOKIE } from '../desk/auth.middleware.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp, buildSite } from '../server.ts';

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

// The document against the running app: the real app over real HTTP, every documented GET asked for every
// show of the starter catalogue, and documented errors provoked; each JSON answer is checked by Ajv against
// the schema the document gives for its path, method, status and content type.

type Operation = {
  parameters?: Array<{ name: string; in: string; schema?: { enum?: unknown[] } }>;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
  security?: Array<Record<string, string[]>>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, Record<string, string>> } };

const DOC_ID = 'https://nextseason.test/api/openapi.json';
/** A JSON pointer into the document, as a URI fragment. */
const pointer = (...segments: string[]) =>
  `#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
};

/**
 * Fields of an answer that its schema does not name, where the schema names its fields (a schema that lists no
 * properties is free-form). JSON Schema lets extra fields through; the document should still tell the truth.
 */
function undocumented(doc: object, value: unknown, schema: Schema | undefined, at = ''): string[] {
  const target = (ref: string) =>
    ref
      .slice(2)
      .split('/')
      .reduce((o: any, k) => o?.[k], doc) as Schema; // '#/components/…'
  const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? resolve(target(s.$ref)) : s);
  const s = resolve(schema);
  if (!s || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => undocumented(doc, v, s.items, `${at}/${i}`));
  const parts = [s, ...(s.allOf ?? []).map(resolve)].filter((p): p is Schema => !!p);
  const known = Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<string, Schema>;
  const extra = parts.map((p) => p.additionalProperties).find((a) => a !== undefined);
  if (Object.keys(known).length === 0) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k in known
      ? undocumented(doc, v, known[k], `${at}/${k}`)
      : typeof extra === 'object'
        ? undocumented(doc, v, extra, `${at}/${k}`)
        : extra === true
          ? []
          : [`${at}/${k}`],
  );
}

describeEachEngine(
  'the OpenAPI document against live answers',
  (db) => {
    let server: Server;
    let base = '';
    let doc: Doc;
    let ajv: Ajv2020;
    const checked = new Set<string>(); // "GET /api/shows/{slug} 200": answers validated against a schema

    beforeAll(async () => {
      const { listener } = buildSite({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW, allowPrivateWebhooks: true });
      server = createServer(listener).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as Doc;
      // OpenAPI 3.1 schemas are JSON Schema 2020-12; the document itself is added so '#/components/…' resolves.
      // Strict mode off: OpenAPI's own keywords (description on a path, operationId…) are not JSON Schema's.
      ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv); // a CommonJS module: its function is the default export's `default` as well
      ajv.addSchema({ ...doc, $id: DOC_ID });
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    /** Asks the running app and checks the answer against the document: a documented status, content type and body. */
    async function call(method: string, docPath: string, url: string, init: RequestInit = {}) {
      const res = await fetch(`${base}${url}`, { method, ...init });
      const text = await res.text();
      const where = `${method} ${url} → ${res.status}`;
      const op = doc.paths[docPath]?.[method.toLowerCase()];
      expect(op, `${where}: ${method} ${docPath} is not documented`).toBeDefined();
      const answer = op?.responses[String(res.status)];
      expect(answer, `${where}: status not documented`).toBeDefined();
      const type = (res.headers.get('content-type') ?? '').split(';')[0] as string;
      if (!answer?.content) {
        expect(text.slice(0, 200), `${where}: a body the document does not describe`).toBe('');
        return { status: res.status, body: undefined as any };
      }
      expect(Object.keys(answer.content), `${where}: content type`).toContain(type);
      const body = JSON.parse(text);
      if (answer.content[type]?.schema) {
        const ref = `${DOC_ID}${pointer('paths', docPath, method.toLowerCase(), 'responses', String(res.status), 'content', type, 'schema')}`;
        const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
        const valid = validate(body);
        expect(valid ? [] : validate.errors, `${where}: ${text.slice(0, 600)}`).toEqual([]);
        expect(undocumented(doc, body, answer.content[type]?.schema as Schema), `${where}: fields the document does not name`).toEqual([]);
        checked.add(`${method} ${docPath} ${res.status}`);
      }
      return { status: res.status, body };
    }

    /** Every documented GET path with `{slug}` filled in by each show the catalogue lists. */
    async function slugs(): Promise<string[]> {
      const list = await call('GET', '/api/shows', '/api/shows?limit=100');
      expect(list.body.total).toBeLessThanOrEqual(100);
      return list.body.items.map((s: { slug: string }) => s.slug);
    }

    it('answers every documented GET, for every show, as the document says', async () => {
      const all = await slugs();
      expect(all).toContain('somos');
      const gets = Object.entries(doc.paths).filter(([path, ops]) => ops.get && !path.startsWith('/api/follows'));
      for (const [path] of gets) {
        if (!path.includes('{slug}')) {
          await call('GET', path, path);
          continue;
        }
        for (const slug of all) expect((await call('GET', path, path.replace('{slug}', slug))).status).toBe(200);
      }
      // Query parameters that change the shape of what comes back.
      for (const query of [
        'q=somos',
        'q=zzzzzzzzzz',
        'q=smos',
        'platform=netflix&status=dormant&country=mx',
        'genre=Drama&year=2021',
        'page=2&limit=5',
      ])
        expect((await call('GET', '/api/shows', `/api/shows?${query}`)).status).toBe(200);
      for (const query of ['order=newest', 'season=1', 'cpage=2'])
        expect((await call('GET', '/api/shows/{slug}/comments', `/api/shows/somos/comments?${query}`)).status).toBe(200);
      const comments = await call('GET', '/api/shows/{slug}/comments', '/api/shows/somos/comments');
      // The seeded thread: a comment, its reply, and a removed first comment kept for its reply.
      expect(comments.body.comments.map((c: { removed: unknown }) => c.removed)).toEqual([false, 'removed']);
      for (const get of gets)
        expect(
          [...checked.keys()].some((k) => k.startsWith(`GET ${get[0]} 200`)),
          get[0],
        ).toBe(true);
    });

    it('answers a webhook follower’s calls as the document says', async () => {
      const made = await call('POST', '/api/follows', '/api/follows', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'http://127.0.0.1:9/hook', shows: ['somos'], threshold: 0.5 }),
      });
      expect(made.status).toBe(201);
      const auth = { authorization: `Bearer ${made.body.token}` };
      expect((await call('GET', '/api/follows/me', '/api/follows/me', { headers: auth })).status).toBe(200);
      expect((await call('GET', '/api/follows/me', '/api/follows/me')).status).toBe(401);
      expect((await call('GET', '/api/follows/me', '/api/follows/me', { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
      expect((await call('POST', '/api/follows/me/enable', '/api/follows/me/enable', { headers: auth })).status).toBe(200);
      expect((await call('POST', '/api/follows/me/ping', '/api/follows/me/ping', { headers: auth })).status).toBe(202);
      const json = { 'content-type': 'application/json' };
      for (const [body, status] of [
        [{ url: 'ftp://example.com/' }, 400],
        [{ url: 'http://127.0.0.1:9/hook', extra: 1 }, 400],
        [{ url: 'http://127.0.0.1:9/hook', shows: ['no-such-show'] }, 404],
      ] as const)
        expect((await call('POST', '/api/follows', '/api/follows', { headers: json, body: JSON.stringify(body) })).status).toBe(status);
      expect((await call('DELETE', '/api/follows/me', '/api/follows/me', { headers: auth })).status).toBe(204);
      expect((await call('GET', '/api/follows/me', '/api/follows/me', { headers: auth })).status).toBe(401);
    });

    it('answers unknown shows and bad slugs with the documented problems', async () => {
      for (const [path, ops] of Object.entries(doc.paths)) {
        if (!ops.get || !path.includes('{slug}')) continue;
        expect((await call('GET', path, path.replace('{slug}', 'no-such-show'))).status, path).toBe(404);
        const bad = await call('GET', path, path.replace('{slug}', 'Not_A_Slug'));
        expect([400, 404], path).toContain(bad.status);
      }
    });

    it('names each bad query parameter with 400, every documented enum among them', async () => {
      const enums = Object.entries(doc.paths).flatMap(([path, ops]) =>
        (ops.get?.parameters ?? []).filter((p) => p.in === 'query' && p.schema?.enum).map((p) => [path, p.name] as const),
      );
      expect(enums).toEqual(
        expect.arrayContaining([
          ['/api/shows', 'status'],
          ['/api/shows/{slug}/comments', 'order'],
        ]),
      );
      const bad = [
        ...enums.map(([path, name]) => [path, name, 'sideways'] as const),
        ['/api/shows', 'page', '0'],
        ['/api/shows', 'limit', '1000'],
        ['/api/shows', 'year', 'later'],
        ['/api/shows', 'country', 'MEX'],
        ['/api/shows', 'platform', 'Net Flix'],
        ['/api/shows/{slug}/comments', 'cpage', '0'],
        ['/api/shows', 'genre', 'Drama!'],
        ['/api/shows/{slug}/comments', 'season', 'two'],
        ['/api/shows/{slug}/comments', 'season', '1234567'],
        ['/api/shows/{slug}/comments', 'cpage', '10001'],
      ] as const;
      for (const [path, name, value] of bad) {
        const url = `${path.replace('{slug}', 'somos')}?${name}=${encodeURIComponent(value)}`;
        const res = await call('GET', path, url);
        expect(res.status, url).toBe(400);
        expect(
          res.body.errors.map((e: { field: string }) => e.field),
          url,
        ).toContain(name);
      }
    });

    it('describes the desk’s session cookie as a security scheme', () => {
      expect(doc.components.securitySchemes.deskSession).toMatchObject({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    // A thread for the comments API to answer: a comment with its reply, and a removed first comment kept for its reply.
    const somos = await db.kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
    const stamp = TEST_NOW.toISOString();
    const comment = (id: number, status: 'published' | 'hidden', root: number | null, extra: object = {}) => ({
      show_id: somos.id,
      parent_id: root,
      root_id: root,
      author_name: `Reader ${id}`,
      author_email: `reader${id}@example.com`,
      email_key: `reader${id}@example.com`,
      author_url: id === 1 ? 'https://reader.example/' : null,
      body: `Comment *${id}*`,
      body_hash: `hash-${id}`,
      status,
      ip: '203.0.113.9',
      ip_key: '203.0.113.9',
      form_key: `form-${id}`,
      created_at: stamp,
      updated_at: stamp,
      published_at: status === 'published' ? stamp : null,
      ...extra,
    });
    const insert = async (row: ReturnType<typeof comment>) =>
      (await db.kysely.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
    const first = await insert(comment(1, 'published', null, { season_number: 1, spoiler: 1, edited_at: stamp }));
    await insert(comment(2, 'published', first));
    const removed = await insert(comment(3, 'hidden', null));
    await insert(comment(4, 'published', removed));
  },
);
