import fc from 'fast-check';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createSession, createUser, type User } from './accounts/accounts.queries.ts';
import { hashPassword } from './accounts/passwords.ts';
import { addBan } from './comments/bans.writes.ts';
import { formSecret } from './comments/form.cookie.ts';
import { issueFormToken } from './comments/form.token.ts';
import { describeEachEngine, TEST_NOW } from './db/testing.ts';
import { importStarterCatalogue } from './importers/starter/starter.import.ts';
import { loadStarterCatalogue } from './importers/starter/starter.load.ts';
import { buildApp } from './server.ts';
import { validateEvent } from './status/event.input.ts';
import { addEvent } from './status/events.writes.ts';
import { COMMENTS_SCRIPT, STYLESHEET } from './web/assets.ts';

// Hostile input on every route, path parameter, query parameter and form field, through the whole app on a
// seeded database of each engine. Bounded and replayable: on failure fast-check prints the seed, the path and
// the failing request, and FUZZ_SEED=<seed> FUZZ_PATH=<path> replays it (run the file alone: a run's database
// carries what earlier requests wrote). FUZZ_RUNS=<factor> scales the count; FUZZ_COLLECT=1 logs every defect
// instead of stopping at the first.

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const RUNS = { pages: 500, api: 300, posts: 400, desk: 800 }; // 2,000 requests per engine
const SITE = 'https://nextseason.test';
// Every "METHOD /path" the cases below send to, checked against the app's own route table.
const COVERED = new Set<string>();
// Each run's statuses, in order, from the first engine tested: the next engine must answer alike.
const sameAnswers = new Map<string, string[]>();

/** A value sent as written (bad percent-escapes), where a plain string is percent-encoded first. */
type Raw = { raw: string };
type Value = string | Raw;
type Fixture = 'event' | 'candidate' | 'comment' | 'ban' | 'user';
type Param = Value | { fresh: Fixture };
type Encoding = 'form' | 'multipart' | 'bad-multipart' | 'json' | 'text';
type Who = 'nobody' | 'admin' | 'editor' | 'moderator';

interface Case {
  method: string;
  path: string;
  params: Record<string, Param>;
  query: Array<[string, Value]>;
  body?: { encoding: Encoding; fields: Array<[string, Value]> };
  as: Who;
  /** Whether the runner adds valid CSRF and form tokens, so validation past them is reached. */
  tokens: boolean;
  json: boolean;
}

const SPECIAL = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\r\n',
  '/admin\r\nSet-Cookie: x=1',
  '\t',
  '\u0007\u001b[2J',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ud800',
  'a\udfffb',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e20',
  '-1e20',
  '1e-7',
  '0x1f',
  '+1',
  ' 1',
  '01',
  '2147483647',
  '2147483648',
  '-2147483649',
  '3000000000',
  '9007199254740993',
  '9'.repeat(40),
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '0000',
  '0000-00-00',
  '0000-Q1',
  '0000-01',
  '9999-12-31',
  '2025-02-30',
  '2025-13',
  '2025-Q5',
  '-2025',
  '１２３',
  '٣',
  "' OR '1'='1",
  '"; drop table shows; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  'x'.repeat(10_000),
  'é'.repeat(3_000),
];
const RAW = ['%ZZ', '%C3%28', '%ED%A0%80', '%', '%0', '%E0%A4%A', '%FF%FE', '%C0%AF', '%00', '%0D%0A', '%2F', '%2e%2e'];

const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 30 });
const control = fc.constantFrom('\u0000', '\u0000', '\r\n', '\r', '\n', '\u0001', '\u001b', '\u007f', '\u0085', '\u200b');
// Ordinary-looking text with a control character in it: the commonest way into a stored field.
const controlled = fc.tuple(fc.string({ maxLength: 6 }), control, fc.string({ maxLength: 6 })).map(([a, c, b]) => `${a}${c}${b}`);
const numbers = fc.oneof(
  fc.constantFrom('0', '-1', '2147483647', '2147483648', '3000000000', '1e20', '-1e20', '1.5', '0x1f', '9'.repeat(30)),
  fc.oneof(fc.integer(), fc.double(), fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n })).map(String),
);
const dates = fc.constantFrom('0000', '0000-01', '0000-01-01', '0000-Q1', '9999', '99999', '1899-12-31', '2025-02-30', '2025-00', '-001');
const hostile: fc.Arbitrary<Value> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 5, arbitrary: controlled },
  { weight: 3, arbitrary: numbers },
  { weight: 2, arbitrary: dates },
  { weight: 2, arbitrary: fc.constantFrom(...RAW).map((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: utf16 },
);

const one = (...values: string[]) => fc.constantFrom(...values);

/** Hostile values, with more of the kind a field's name suggests: dates for dates, numbers for numbers. */
function hostileFor(key: string): fc.Arbitrary<Value> {
  if (/date|announced|verified|month/.test(key)) return fc.oneof(dates, hostile);
  if (/^(id|season|parent|page|cpage|limit|year|reply)$/.test(key)) return fc.oneof(numbers, hostile);
  return hostile;
}

/** A form or query: usually valid but for one field, sometimes every field at random; repeated and unknown keys too. */
function fieldsOf(valid: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Array<[string, Value]>> {
  const keys = Object.keys(valid);
  const any = (k: string) => fc.oneof(valid[k] as fc.Arbitrary<Value>, hostileFor(k));
  const slot = (k: string): fc.Arbitrary<Array<[string, Value]>> =>
    fc.oneof(
      { weight: 3, arbitrary: (valid[k] as fc.Arbitrary<string>).map((v): Array<[string, Value]> => [[k, v]]) },
      { weight: 2, arbitrary: hostileFor(k).map((v): Array<[string, Value]> => [[k, v]]) },
      { weight: 1, arbitrary: fc.constant<Array<[string, Value]>>([]) },
      { weight: 1, arbitrary: fc.array(any(k), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v): [string, Value] => [k, v])) },
    );
  const allValid = fc.tuple(...keys.map((k) => (valid[k] as fc.Arbitrary<string>).map((v): [string, Value] => [k, v])));
  const oneBad = fc
    .tuple(allValid, fc.nat({ max: Math.max(0, keys.length - 1) }), fc.tuple(...keys.map(hostileFor)))
    .map(([fields, i, bad]) => fields.map(([k, v], j): [string, Value] => [k, j === i ? (bad[j] as Value) : v]));
  const mixed = keys.length ? fc.tuple(...keys.map(slot)).map((parts) => parts.flat()) : fc.constant<Array<[string, Value]>>([]);
  const extra = fc.option(fc.tuple(fc.oneof(one('_csrf', '_form', 'fax', '__proto__', 'constructor'), utf16), hostile), { nil: undefined });
  return fc
    .tuple(keys.length ? fc.oneof({ weight: 3, arbitrary: oneBad }, { weight: 2, arbitrary: mixed }, allValid) : mixed, extra)
    .map(([fields, more]): Array<[string, Value]> => (more ? [...fields, more] : [...fields]));
}

const slug = fc.oneof({ weight: 3, arbitrary: one('somos', 'kingdom', 'nope') }, { weight: 4, arbitrary: hostile });
const platform = fc.oneof({ weight: 3, arbitrary: one('netflix', 'hbo', 'nope') }, { weight: 4, arbitrary: hostile });
const idOf = (fixture: Fixture): fc.Arbitrary<Param> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant({ fresh: fixture }) },
    { weight: 1, arbitrary: one('1', '2') },
    { weight: 4, arbitrary: hostileFor('id') },
  );
const FORMATS = ['xml', 'atom', 'json'];

const commentView = {
  season: one('1', '2'),
  order: one('oldest', 'newest'),
  cpage: one('1', '2'),
  reply: one('1'),
  comment: one('held'),
  mail: one('sent'),
};
const listFilters = {
  q: one('somos', 'dark'),
  platform: one('netflix'),
  status: one('renewed', 'undecided'),
  country: one('MX', 'us'),
  genre: one('Drama'),
  year: one('2021'),
  page: one('1', '2'),
};
const eventForm = {
  kind: one('renewed', 'cancelled'),
  season: one('2', ''),
  date: one('2026-11-01', '2026-11', '2026-Q4', '2026'),
  announced: one('', '2027-01'),
  tier: one('rumour'),
  source_url: one('', 'https://variety.test/a'),
  outlet: one('Variety', ''),
  quote: one('It is back.', ''),
  notes: one('Line one\nline two', ''),
};

/** One request to a route: its path parameters, query and form drawn from `spec`. */
function route(
  method: string,
  path: string | string[],
  spec: {
    params?: Record<string, fc.Arbitrary<Param>>;
    query?: Record<string, fc.Arbitrary<string>>;
    form?: Record<string, fc.Arbitrary<string>>;
    as?: fc.Arbitrary<Who>;
  } = {},
): fc.Arbitrary<Case> {
  const paths = typeof path === 'string' ? [path] : path;
  for (const p of paths) COVERED.add(`${method} ${p}`);
  const encoding = fc.oneof(
    { weight: 8, arbitrary: fc.constant<Encoding>('form') },
    one('multipart', 'bad-multipart', 'json', 'text') as fc.Arbitrary<Encoding>,
  );
  return fc.record({
    method: fc.constant(method),
    path: fc.constantFrom(...paths),
    params: fc.record(spec.params ?? {}),
    query: spec.query ? fieldsOf(spec.query) : fc.option(fieldsOf({ x: one('1') }), { nil: [] }),
    body: spec.form || method === 'POST' ? fc.record({ encoding, fields: fieldsOf(spec.form ?? {}) }) : fc.constant(undefined),
    as: spec.as ?? fc.constant<Who>('nobody'),
    tokens: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, fc.constant(false)),
    json: fc.boolean(),
  }) as fc.Arbitrary<Case>;
}

/** A public page's path in English and in Spanish (under /es). */
const both = (...paths: string[]) => paths.flatMap((p) => [p, p === '/' ? '/es' : `/es${p}`]);

const pages = fc.oneof(
  route('GET', both('/')),
  route('GET', both('/search'), { query: { q: one('somos', 'ciudad de mexico'), page: one('1', '2') } }),
  route('GET', both('/shows/:slug'), { params: { slug }, query: commentView }),
  route('GET', both('/shows/:slug/card.png'), { params: { slug } }),
  route('GET', both('/about')),
  route('GET', both('/about/forecasts')),
  route('GET', both('/platforms/:platform'), { params: { platform } }),
  route('GET', both('/calendar'), {
    query: { month: one('2026-12', '2027-01'), day: one('2026-12-05'), platform: one('netflix', 'nope'), kind: one('news', 'all') },
  }),
  route('GET', both('/people/:slug'), { params: { slug: fc.oneof(one('james-schamus', 'alvaro-curiel'), hostile) } }),
  route('GET', '/sitemaps/:file', { params: { file: fc.oneof(one('pages.xml', 'shows-1.xml', 'people-1.xml', 'shows-9.xml'), hostile) } }),
  route('GET', both('/browse'), { query: listFilters }),
  route('GET', '/healthz'),
  route('GET', '/readyz'),
  route('GET', '/assets/:file', {
    params: { file: fc.oneof(one(...[COMMENTS_SCRIPT, STYLESHEET].map((a) => a.url.slice('/assets/'.length))), hostile) },
  }),
  route('GET', '/comments/form-token'),
  route('GET', ['/comments/subscriptions/confirm', '/comments/subscriptions/unsubscribe'], { query: { token: one('abc') } }),
  route('GET', both(...FORMATS.map((f) => `/feed.${f}`))),
  route('GET', both(...FORMATS.map((f) => `/shows/:slug/feed.${f}`)), { params: { slug } }),
  route('GET', both(...FORMATS.map((f) => `/shows/:slug/comments/feed.${f}`)), { params: { slug } }),
  route('GET', both(...FORMATS.map((f) => `/platforms/:platform/feed.${f}`)), { params: { platform } }),
  route('GET', [...both('/calendar.ics'), '/sitemap.xml', '/robots.txt']),
  route('GET', both('/shows/:slug/calendar.ics'), { params: { slug } }),
  route('GET', both('/platforms/:platform/calendar.ics'), { params: { platform } }),
  route('GET', ['/follows/confirm', '/follows/manage', '/follows/unsubscribe'], { query: { token: one('1.abc', 'abc') } }),
  route('GET', [...FORMATS.map((f) => `/follows/:key/feed.${f}`), '/follows/:key/calendar.ics'], {
    params: { key: fc.oneof(one('abc'), hostile) },
  }),
  route('GET', '/:anything', { params: { anything: hostile } }),
);

const API_PATHS = ['/api/shows', '/api/shows/:slug', '/api/shows/:slug/forecast', '/api/shows/:slug/events', '/api/shows/:slug/comments'];
const api = fc.oneof(
  { weight: 3, arbitrary: route('GET', '/api/shows', { query: { ...listFilters, limit: one('10', '100') } }) },
  {
    weight: 3,
    arbitrary: route('GET', ['/api/shows/:slug', '/api/shows/:slug/forecast', '/api/shows/:slug/events'], { params: { slug } }),
  },
  { weight: 2, arbitrary: route('GET', '/api/shows/:slug/comments', { params: { slug }, query: commentView }) },
  route('GET', ['/api/openapi.json', '/api/:anything', '/api/shows/:slug/:anything'], { params: { slug, anything: hostile } }),
  route('POST', '/api/follows', {
    form: { url: one('https://example.com/hook', 'http://127.0.0.1/x'), site: one('true'), shows: one('somos') },
  }),
  route('GET', '/api/follows/me'),
  route('POST', ['/api/follows/me/ping', '/api/follows/me/enable']),
  route('DELETE', '/api/follows/me'),
  ...['POST', 'PUT', 'PATCH', 'DELETE'].map((method) => route(method, API_PATHS, { params: { slug }, form: { title: one('x') } })),
);

const reader = fc.oneof(
  {
    weight: 5,
    arbitrary: route('POST', both('/shows/:slug/comments'), {
      params: { slug: fc.oneof({ weight: 6, arbitrary: one('somos') }, slug) },
      form: {
        name: one('Ana', 'Luis'),
        email: one('ana@example.com', 'luis@example.org'),
        website: one('', 'https://ana.example/'),
        body: one('Will it come back?', 'Line one\nline two'),
        season: one('', '1', '2'),
        parent: one('', '1'),
        spoiler: one('', 'on'),
        notify: one('', 'on'),
        fax: one(''),
      },
    }),
  },
  {
    weight: 2,
    arbitrary: route('POST', '/comments/:id/report', { params: { id: idOf('comment') }, form: { reason: one('spam', 'abuse', 'other') } }),
  },
  {
    weight: 2,
    arbitrary: route('POST', both('/follows'), {
      form: {
        email: one('ana@example.com', 'nope'),
        show: one('somos', ''),
        platform: one('netflix', ''),
        threshold: one('', '0.75', '2'),
      },
    }),
  },
  route('POST', ['/follows/confirm', '/follows/manage', '/follows/unsubscribe'], {
    query: { token: one('1.abc') },
    form: { token: one('1.abc'), action: one('leave', 'unfollow', 'digest', 'renew-feed'), follow: one('1'), digest: one('daily') },
  }),
  route('POST', ['/comments/subscriptions/confirm', '/comments/subscriptions/unsubscribe'], {
    query: { token: one('abc') },
    form: { token: one('abc') },
  }),
  {
    weight: 2,
    arbitrary: route('POST', '/admin/login', {
      form: { email: one('nobody@nextseason.test'), password: one('wrong password'), next: one('/admin', '/admin/queue') },
    }),
  },
  route('GET', '/admin/login', { query: { next: one('/admin/queue') } }),
  route('POST', '/admin/logout'),
);

const staff = fc.oneof({ weight: 12, arbitrary: fc.constant<Who>('admin') }, one('editor', 'moderator', 'nobody') as fc.Arbitrary<Who>);
const desk = fc.oneof(
  route('GET', '/admin', { query: { q: one('somos') }, as: staff }),
  route('GET', '/admin/shows/:slug', { params: { slug }, query: { saved: one('1') }, as: staff }),
  {
    weight: 4,
    arbitrary: route('POST', '/admin/shows/:slug/events', {
      params: { slug: fc.oneof({ weight: 6, arbitrary: one('kingdom') }, slug) },
      form: eventForm,
      as: staff,
    }),
  },
  {
    weight: 3,
    arbitrary: route('POST', '/admin/shows/:slug/facts', {
      params: { slug: fc.oneof({ weight: 6, arbitrary: one('kingdom') }, slug) },
      form: {
        title: one('Kingdom'),
        original_title: one('', '킹덤'),
        synopsis: one('', 'Zombies in Joseon Korea.\nSeason two.'),
        basis: one(''),
        official_site: one('', 'https://www.netflix.com/title/80180171'),
        verified_on: one('', '2026-11-24'),
      },
      as: staff,
    }),
  },
  route('GET', '/admin/events/:id/edit', { params: { id: idOf('event') }, as: staff }),
  { weight: 3, arbitrary: route('POST', '/admin/events/:id', { params: { id: idOf('event') }, form: eventForm, as: staff }) },
  route('POST', '/admin/events/:id/retract', { params: { id: idOf('event') }, as: staff }),
  route('GET', ['/admin/audit', '/admin/queue', '/admin/feeds', '/admin/bans'], { as: staff }),
  {
    weight: 2,
    arbitrary: route('POST', '/admin/queue/:id/accept', {
      params: { id: idOf('candidate') },
      form: {
        kind: one('renewed', ''),
        season: one('3', ''),
        date: one('', '2026-11-02'),
        announced: one('', '2027'),
        tier: one('', 'trade'),
      },
      as: staff,
    }),
  },
  route('POST', '/admin/queue/:id/reject', { params: { id: idOf('candidate') }, as: staff }),
  route('GET', '/admin/comments', {
    query: { status: one('pending', 'published'), done: one('approved'), page: one('1', '2') },
    as: staff,
  }),
  route('GET', '/admin/users', { query: { done: one('added', 'disable'), user: one('1', '4') }, as: staff }),
  {
    weight: 2,
    arbitrary: route('POST', '/admin/users', {
      form: {
        email: one('new@example.com', 'not an address'),
        name: one('New Editor'),
        role: one('editor', 'moderator', 'owner'),
        password: one('a long enough password', 'short'),
      },
      as: staff,
    }),
  },
  route('POST', '/admin/users/:id/role', { params: { id: idOf('user') }, form: { role: one('editor', 'moderator', 'admin') }, as: staff }),
  route('POST', ['/admin/users/:id/disable', '/admin/users/:id/enable'], { params: { id: idOf('user') }, as: staff }),
  {
    weight: 2,
    arbitrary: route('POST', '/admin/comments/:id/:action', {
      params: {
        id: idOf('comment'),
        action: fc.oneof({ weight: 4, arbitrary: one('approve', 'hide', 'spam', 'delete', 'hold') }, hostile),
      },
      form: { back: one('pending', 'published') },
      as: staff,
    }),
  },
  route('GET', '/admin/comments/:id/edit', { params: { id: idOf('comment') }, as: staff }),
  {
    weight: 2,
    arbitrary: route('POST', '/admin/comments/:id/edit', {
      params: { id: idOf('comment') },
      form: { body: one('Fixed typo.') },
      as: staff,
    }),
  },
  {
    weight: 2,
    arbitrary: route('POST', '/admin/bans', {
      form: { kind: one('email', 'ip'), value: one('spammer@example.com', '192.0.2.0/24'), reason: one('', 'spam') },
      as: staff,
    }),
  },
  route('POST', '/admin/bans/:id/lift', { params: { id: idOf('ban') }, as: staff }),
  {
    weight: 2,
    arbitrary: route('POST', '/admin/feeds', {
      form: { url: one('https://news.example/feed.xml'), name: one('News'), tier: one('trade', 'rumour') },
      as: staff,
    }),
  },
);

// Percent-encodes all but surrogates, which the URL parser itself turns into U+FFFD as a browser would.
const encode = (v: Value) => (typeof v === 'string' ? v.replace(/[^\ud800-\udfff]+/g, encodeURIComponent) : v.raw);
const pairs = (fields: Array<[string, Value]>) => fields.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
const plain = (v: Value) => (typeof v === 'string' ? v : decodeURIComponentOr(v.raw));
function decodeURIComponentOr(raw: string) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// What no answer may carry: a stack frame, an exception's name, or a path on the server.
const LEAKS = /\/work\/|node_modules|^\s*at .+:\d+:\d+\)?$|\b(?:Type|Range|Syntax|Reference)?Error: /m;

describeEachEngine(
  'fuzzed requests',
  (db, engine) => {
    let app: ReturnType<typeof buildApp>;
    const users = {} as Record<Exclude<Who, 'nobody'>, User & { token: string; csrf: string }>;
    const ids = { somos: 0, kingdom: 0, feed: 0 };
    let n = 0;
    const logged: string[] = [];
    const tally = { requests: 0, status: new Map<number, number>(), started: 0 };

    beforeAll(async () => {
      vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
      tally.started = performance.now();
      app = buildApp({
        db: db(),
        siteUrl: SITE,
        now: () => TEST_NOW,
        trustProxy: true,
        mail: { poke() {}, flush: async () => {}, stop() {} },
      });
      for (const row of await db().kysely.selectFrom('shows').select(['id', 'slug']).where('slug', 'in', ['somos', 'kingdom']).execute())
        ids[row.slug as 'somos' | 'kingdom'] = row.id;
      ids.feed = (await db().kysely.selectFrom('feeds').select('id').executeTakeFirstOrThrow()).id;
      for (const who of ['admin', 'editor', 'moderator'] as const) {
        const user = await db()
          .kysely.selectFrom('users')
          .select(['id', 'email', 'name', 'role'])
          .where('role', '=', who)
          .executeTakeFirstOrThrow();
        users[who] = { ...user, ...(await createSession(db().kysely, user.id, null, TEST_NOW)) };
      }
    });
    afterAll(() => {
      vi.restoreAllMocks();
      const seconds = ((performance.now() - tally.started) / 1000).toFixed(1);
      const statuses = [...tally.status].sort(([a], [b]) => a - b).map(([s, k]) => `${s}×${k}`);
      console.log(`fuzz [${engine}] seed ${SEED}: ${tally.requests} requests in ${seconds} s; ${statuses.join(' ')}`);
    });

    /** A fresh row for a route that acts on one, so the request reaches past "not found". */
    async function fresh(fixture: Fixture): Promise<number> {
      const k = db().kysely;
      const at = TEST_NOW.toISOString();
      if (fixture === 'event') {
        const checked = validateEvent({ kind: 'renewed', season: '3', date: '2026-10-01', tier: 'rumour' });
        if (!checked.ok) throw new Error('fixture event is invalid');
        return addEvent(k, ids.kingdom, checked.data, null, TEST_NOW);
      }
      if (fixture === 'candidate') {
        const item = await k
          .insertInto('feed_items')
          .values({ feed_id: ids.feed, guid: `item-${n}`, url: `https://news.example/${n}`, title: 'Kingdom renewed', fetched_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        const row = await k
          .insertInto('candidates')
          .values({ feed_item_id: item.id, show_id: ids.kingdom, kind: 'renewed', season_number: 3, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      }
      if (fixture === 'comment') {
        const row = await k
          .insertInto('comments')
          .values({
            show_id: ids.somos,
            season_number: null,
            parent_id: null,
            root_id: null,
            author_name: 'Fixture',
            author_email: 'fixture@example.com',
            email_key: 'fixture@example.com',
            author_url: null,
            body: `Fixture comment ${n}`,
            body_hash: `fixture-${n}`,
            status: n % 2 ? 'published' : 'pending',
            status_reason: null,
            ip: '192.0.2.1',
            ip_key: '192.0.2.1',
            form_key: 'fixture',
            created_at: at,
            updated_at: at,
            published_at: n % 2 ? at : null,
            notified_at: null,
            edited_at: null,
            moderated_by: null,
            moderated_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      }
      if (fixture === 'user') {
        const row = await k
          .insertInto('users')
          .values({ email: `fixture-${n}@example.com`, name: 'Fixture', role: 'editor', password_hash: 'fixture', created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      }
      return addBan(db(), { kind: 'email', value: `banned-${n}@example.com`, reason: null }, users.moderator, TEST_NOW);
    }

    async function send(c: Case) {
      n += 1;
      let path = c.path;
      for (const [name, p] of Object.entries(c.params)) {
        const value = typeof p === 'object' && 'fresh' in p ? String(await fresh(p.fresh)) : encode(p);
        path = path.replace(`:${name}`, value);
      }
      if (c.query.length) path += `?${pairs(c.query)}`;
      const formCookie = 'fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz';
      const session = c.as === 'nobody' ? null : users[c.as];
      const fields = [...(c.body?.fields ?? [])];
      if (c.tokens) {
        if (session) fields.unshift(['_csrf', session.csrf]);
        // A distinct issue time per post: a form token is spent once.
        fields.unshift(['_form', issueFormToken(await formSecret(db())(), formCookie, new Date(TEST_NOW.getTime() - 10_000 - n))]);
      }
      const headers: Record<string, string> = {
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        cookie: [`ns_form=${formCookie}`, 'ns_login_csrf=fuzz-login-token', ...(session ? [`ns_session=${session.token}`] : [])].join('; '),
      };
      if (c.path === '/admin/login' && c.tokens) fields.unshift(['_csrf', 'fuzz-login-token']);
      if (c.json) headers.accept = 'application/json';
      let body: string | FormData | undefined;
      switch (c.body?.encoding) {
        case 'form':
          headers['content-type'] = 'application/x-www-form-urlencoded';
          body = pairs(fields);
          break;
        case 'multipart':
          body = new FormData();
          for (const [k, v] of fields) body.append(plain(k), plain(v));
          break;
        case 'bad-multipart':
          headers['content-type'] = 'multipart/form-data; boundary=expected';
          body = `--other\r\nContent-Disposition: form-data; name="a"\r\n\r\n${pairs(fields)}\r\n--other--\r\n`;
          break;
        case 'json':
          headers['content-type'] = 'application/json';
          body = JSON.stringify(Object.fromEntries(fields.map(([k, v]) => [plain(k), plain(v)])));
          break;
        case 'text':
          headers['content-type'] = 'text/plain';
          body = pairs(fields);
          break;
      }
      logged.length = 0;
      const res = await app.request(path, { method: c.method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await res.text();
      tally.requests += 1;
      tally.status.set(res.status, (tally.status.get(res.status) ?? 0) + 1);
      return { path, res, text };
    }

    /** Everything wrong with one answer, as words. */
    function defects(path: string, res: Response, text: string): string[] {
      const out: string[] = [];
      if (res.status >= 500) out.push(`answered ${res.status}`);
      if (path.startsWith('/api/') && res.status >= 400) {
        if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
          out.push(`API error as ${res.headers.get('content-type')}`);
        else {
          const problem = JSON.parse(text) as { status?: unknown; title?: unknown };
          if (problem.status !== res.status || typeof problem.title !== 'string')
            out.push(`problem without status/title: ${text.slice(0, 200)}`);
        }
        if (res.status === 405 && !res.headers.get('allow')) out.push('405 without Allow');
      }
      const leak = LEAKS.exec(text);
      if (leak) out.push(`body leaks "${leak[0]}"`);
      if (logged.length) out.push(`logged: ${logged[0]?.split('\n')[0]}`);
      return out;
    }

    const check = (name: keyof typeof RUNS, cases: fc.Arbitrary<Case>) =>
      it(`${name}: no 5xx, no stack or path in any answer, problem+json on the API, as on the other engine`, {
        timeout: 240_000,
      }, async () => {
        const answers: string[] = [];
        let defective = false;
        await fc.assert(
          fc.asyncProperty(cases, async (c) => {
            const { path, res, text } = await send(c);
            const found = defects(path, res, text);
            answers.push(`${res.status} ${c.method} ${path.slice(0, 200)}`);
            if (found.length && process.env.FUZZ_COLLECT) {
              defective = true;
              console.log(
                `defect: ${c.method} ${path.slice(0, 300)} ${JSON.stringify(c.body?.fields ?? []).slice(0, 300)}: ${found.join('; ')}`,
              );
              return;
            }
            expect(found, `${c.method} ${path}`).toEqual([]);
          }),
          { seed: SEED, numRuns: Math.round(RUNS[name] * SCALE), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) },
        );
        if (defective) return;
        // The same seed sends the same requests to each engine: each must get the same status as on the first.
        const first = sameAnswers.get(name);
        if (!first) sameAnswers.set(name, answers);
        else {
          const i = answers.findIndex((a, k) => a.split(' ')[0] !== first[k]?.split(' ')[0]);
          expect(i < 0 ? null : { here: answers[i], first: first[i] }, `request ${i + 1}`).toBeNull();
        }
      });

    it('sends requests to every route the app has', () => {
      const routes = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/\{[^}]*\}/g, '')}`);
      expect(routes.filter((r) => !COVERED.has(r))).toEqual([]);
    });

    check('pages', pages);
    check('api', api);
    check('posts', reader);
    check('desk', desk);
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    const passwordHash = await hashPassword('fuzzing is not a password');
    for (const role of ['admin', 'editor', 'moderator'] as const)
      await createUser(db.kysely, { email: `${role}@nextseason.test`, name: role, role, passwordHash }, TEST_NOW);
    await db.kysely
      .insertInto('feeds')
      .values({ url: 'https://news.example/rss', name: 'News', tier: 'trade', created_at: TEST_NOW.toISOString() })
      .execute();
  },
);
