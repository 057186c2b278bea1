import { parseFeed } from 'feedsmith';
import { Parser as HtmlParser } from 'htmlparser2';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { renderComment } from '../comments/markdown.ts';
import { XSS_PAYLOADS } from '../comments/xss.corpus.ts';
import type { Db } from '../db/database.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { buildApp } from '../server.ts';

// Hostile text in every field a feed carries (show titles, platform names, outlets, quotes, source URLs,
// commenters' names and comments), read back with real parsers: readers must see the text, never markup.

const SITE = 'https://nextseason.test';
const STAMP = TEST_NOW.toISOString();

// The corpus, plus text that trips up XML and HTML escaping.
const TEXTS = [
  ...XSS_PAYLOADS,
  'Tom & Jerry',
  'Tom &amp; Jerry',
  'A < B > C & D',
  `"Double" and 'single' quotes`,
  'Line one\r\nline two\rthree\nfour',
  'Ends ]]> here ]]> and <![CDATA[ again',
  '&lt;b&gt;not bold&lt;/b&gt; &#60;i&#62; &nbsp;',
  'Bell\u0007 tab\t unit\u001f separator',
];
const n = TEXTS.length;
const text = (i: number) => TEXTS[i % n] as string;
const sourceUrl = (i: number) => `https://example.com/${i}?q=${text(i)}&x="1"`;
const website = (i: number) => (i % 2 ? `https://example.com/~reader?x=1&y=${i}` : 'javascript:alert(1)');

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 cannot carry
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** What a reader can see of a text: XML cannot carry most control characters, and line breaks and runs of spaces read as one space. */
const readable = (s: string) => s.replace(NOT_XML, '').replace(/\s+/g, ' ').trim();

interface Markup {
  tag: string;
  attribs: Record<string, string>;
}

/** An HTML fragment as a browser would read it: its elements, and its text with entities decoded. */
function parseHtml(html: string): { text: string; markup: Markup[] } {
  const markup: Markup[] = [];
  let text = '';
  const parser = new HtmlParser(
    {
      onopentag: (tag, attribs) => void markup.push({ tag, attribs }),
      ontext: (t) => {
        text += t;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { text, markup };
}

/** One field of a feed: plain text, or HTML that a reader renders. */
interface Field {
  kind: 'text' | 'html';
  value: string;
}
const seen = (f: Field | undefined) => (f ? readable(f.kind === 'html' ? parseHtml(f.value).text : f.value) : undefined);

interface ReadItem {
  key: string;
  title: Field;
  bodies: Field[];
  authors: Field[];
  authorLinks: string[];
  categories: Field[];
}
interface ReadFeed {
  title: Field;
  description?: Field;
  items: ReadItem[];
}

/** An Atom text construct, read as its type says. */
const atomText = (node: { value?: string; type?: string } | undefined): Field => {
  const type = node?.type ?? 'text';
  if (type !== 'text' && type !== 'html') throw new Error(`unexpected Atom text type ${type}`);
  return { kind: type, value: node?.value ?? '' };
};

/** Reads a feed in any of our formats with feedsmith, into what a reader would show. */
function readFeed(format: 'xml' | 'atom' | 'json', body: string): ReadFeed {
  const parsed = parseFeed(body);
  const expected = { xml: 'rss', atom: 'atom', json: 'json' }[format];
  if (parsed.format !== expected) throw new Error(`read as ${parsed.format}, served as ${expected}`);
  if (parsed.format === 'json') {
    const feed = parsed.feed;
    // JSON Feed 1.1: `authors` only. A parser reads the 1.0 `author` when `authors` is missing, so look at the text.
    for (const item of JSON.parse(body).items) if ('author' in item) throw new Error(`a JSON Feed 1.0 author in ${item.id}`);
    return {
      title: { kind: 'text', value: feed.title ?? '' },
      ...(feed.description !== undefined ? { description: { kind: 'text' as const, value: feed.description } } : {}),
      items: (feed.items ?? []).map(
        (i): ReadItem => ({
          key: i.id ?? '',
          title: { kind: 'text', value: i.title ?? '' },
          bodies: [
            ...(i.content_html !== undefined ? [{ kind: 'html' as const, value: i.content_html }] : []),
            ...(i.content_text !== undefined ? [{ kind: 'text' as const, value: i.content_text }] : []),
            ...(i.summary !== undefined ? [{ kind: 'text' as const, value: i.summary }] : []),
          ],
          authors: (i.authors ?? []).map((a) => ({ kind: 'text', value: a.name ?? '' })),
          authorLinks: (i.authors ?? []).flatMap((a) => (a.url ? [a.url] : [])),
          categories: (i.tags ?? []).map((t) => ({ kind: 'text', value: t })),
        }),
      ),
    };
  }
  if (parsed.format === 'rss') {
    const feed = parsed.feed;
    return {
      title: { kind: 'text', value: feed.title ?? '' },
      ...(feed.description !== undefined ? { description: { kind: 'text' as const, value: feed.description } } : {}),
      items: (feed.items ?? []).map(
        (i): ReadItem => ({
          key: i.guid?.value ?? '',
          title: { kind: 'text', value: i.title ?? '' },
          // RSS 2.0: <description> and <content:encoded> hold HTML.
          bodies: [
            ...(i.description !== undefined ? [{ kind: 'html' as const, value: i.description }] : []),
            ...(i.content?.encoded !== undefined ? [{ kind: 'html' as const, value: i.content.encoded }] : []),
          ],
          // RSS 2.0's <author> must be an email address: the writer's name comes as dc:creator, <author> never.
          authors: [
            ...(i.dc?.creators ?? []).map((c) => ({ kind: 'text' as const, value: c })),
            ...(i.authors ?? []).map((a) => ({ kind: 'text' as const, value: `<author> ${a.name ?? a.email ?? ''}` })),
          ],
          authorLinks: [],
          categories: (i.categories ?? []).map((c) => ({ kind: 'text', value: c.name ?? '' })),
        }),
      ),
    };
  }
  if (parsed.format !== 'atom') throw new Error(`read as ${parsed.format}`);
  const feed = parsed.feed;
  return {
    title: atomText(feed.title),
    ...(feed.subtitle ? { description: atomText(feed.subtitle) } : {}),
    items: (feed.entries ?? []).map(
      (i): ReadItem => ({
        key: i.id ?? '',
        title: atomText(i.title),
        bodies: [i.summary, i.content].filter((b) => b !== undefined).map(atomText),
        authors: (i.authors ?? []).map((a) => ({ kind: 'text', value: a.name ?? '' })),
        authorLinks: (i.authors ?? []).flatMap((a) => (a.uri ? [a.uri] : [])),
        categories: (i.categories ?? []).map((c) => ({ kind: 'text', value: c.label ?? c.term ?? '' })),
      }),
    ),
  };
}

const fieldsOf = (feed: ReadFeed): Field[] => [
  feed.title,
  ...(feed.description ? [feed.description] : []),
  ...feed.items.flatMap((i) => [i.title, ...i.bodies, ...i.authors, ...i.categories]),
];

// The only markup we write: a paragraph around an update, and what the comment renderer allows.
const OUR_TAGS = new Set(['p', 'br', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']);

/** Every element of every HTML field is one of ours, with our attributes only; links are web links. */
function expectOnlyOurMarkup(feed: ReadFeed, where: string) {
  for (const field of fieldsOf(feed)) {
    if (field.kind !== 'html') continue;
    for (const { tag, attribs } of parseHtml(field.value).markup) {
      expect(OUR_TAGS.has(tag), `${where}: <${tag}> in ${JSON.stringify(field.value)}`).toBe(true);
      for (const [name, value] of Object.entries(attribs)) {
        expect(tag === 'a' && (name === 'href' || name === 'rel'), `${where}: ${tag}[${name}] in ${JSON.stringify(field.value)}`).toBe(
          true,
        );
        if (name === 'href') expect(value, where).toMatch(/^https?:\/\//);
      }
    }
  }
}

/** The rendered text and markup of a comment, as the site shows it. */
const commentAsShown = (body: string) => {
  const { text, markup } = parseHtml(renderComment(body));
  return { text: readable(text), markup };
};

async function seed(db: Db): Promise<void> {
  const k = db.kysely;
  for (let i = 0; i < n; i++) {
    const platform = await k
      .insertInto('platforms')
      .values({ slug: `p-${i}`, name: text(i), kind: 'streaming', country: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const show = await k
      .insertInto('shows')
      .values({
        slug: `s-${i}`,
        title: text(i),
        type: 'scripted',
        platform_id: platform.id,
        derived_status: 'renewed',
        search_text: `show ${i}`,
        created_at: STAMP,
        updated_at: STAMP,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const source = await k
      .insertInto('sources')
      .values({ url: sourceUrl(i), outlet: text(i + 1), created_at: STAMP })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k
      .insertInto('seasons')
      .values({
        show_id: show.id,
        number: 1,
        premiere_date: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`,
        premiere_precision: 'day',
        finale_date: null,
        finale_precision: 'day',
        episode_count: 8,
        episode_count_kind: 'announced',
        release_style: null,
        source_id: null,
      })
      .execute();
    await k
      .insertInto('status_events')
      .values({
        id: 1000 + i,
        show_id: show.id,
        season_number: 2,
        kind: 'renewed',
        effective_date: '2026-11-20',
        effective_precision: 'day',
        tier: 'trade',
        source_id: source.id,
        quote: text(i + 2),
        entered_by: 'test',
        created_at: STAMP,
      })
      .execute();
    const comment = (id: number, author: number, parent: number | null) => ({
      id,
      show_id: show.id,
      parent_id: parent,
      root_id: parent,
      author_name: text(author),
      author_email: `reader${id}@example.com`,
      email_key: `reader${id}@example.com`,
      author_url: website(id),
      body: text(author),
      body_hash: `hash-${id}`,
      status: 'published' as const,
      ip: '203.0.113.9',
      ip_key: '203.0.113.9',
      form_key: `form-${id}`,
      created_at: STAMP,
      updated_at: STAMP,
      published_at: STAMP,
    });
    await k
      .insertInto('comments')
      .values(comment(2000 + i, i, null))
      .execute();
    await k
      .insertInto('comments')
      .values(comment(3000 + i, i + 1, 2000 + i))
      .execute();
  }
  if (db.engine === 'postgres') {
    // Rows above were given their ids: move the identity sequences past them.
    for (const table of ['status_events', 'comments'])
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(k);
  }
}

describeEachEngine(
  'feeds carry hostile text as text',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: SITE, now: () => TEST_NOW });
    const read = async (path: string, format: 'xml' | 'atom' | 'json') => {
      const res = await app().request(path);
      expect(res.status, path).toBe(200);
      const body = await res.text();
      try {
        return readFeed(format, body);
      } catch (error) {
        throw new Error(`${path} does not parse: ${(error as Error).message}\n${body.slice(0, 4000)}`);
      }
    };
    const formats = ['xml', 'atom', 'json'] as const;

    /** The update for show i, as every update feed must carry it. */
    function expectUpdate(item: ReadItem | undefined, i: number, format: (typeof formats)[number], where: string) {
      expect(item, where).toBeDefined();
      if (!item) return;
      expect(seen(item.title), `${where} title`).toBe(readable(`${text(i)}: renewed, season 2`));
      const bodies = item.bodies.map(seen).join(' | ');
      for (const part of [text(i), text(i + 1), sourceUrl(i), text(i + 2)]) expect(bodies, `${where} body`).toContain(readable(part));
      const categories = item.categories.map(seen);
      // Atom keeps a platform name in an attribute, which cannot hold "<": the platform's slug stands in.
      const expected = format === 'atom' && text(i).includes('<') ? `p-${i}` : readable(text(i));
      expect(categories, `${where} category`).toContain(expected);
    }

    it('site, show and platform feeds: every title, outlet, quote and source URL reads back as its text, with no markup of its own', async () => {
      for (const format of formats) {
        const site = await read(`/feed.${format}`, format);
        expectOnlyOurMarkup(site, `/feed.${format}`);
        for (let i = 0; i < n; i++)
          expectUpdate(
            site.items.find((it) => it.key === `${SITE}/updates/${1000 + i}`),
            i,
            format,
            `/feed.${format} #${i}`,
          );

        for (let i = 0; i < n; i++) {
          for (const [path, title] of [
            [`/shows/s-${i}/feed.${format}`, `${text(i)}: updates | Next Season`],
            [`/platforms/p-${i}/feed.${format}`, `${text(i)}: renewals and premieres | Next Season`],
          ] as const) {
            const feed = await read(path, format);
            expectOnlyOurMarkup(feed, path);
            expect(seen(feed.title), `${path} title`).toBe(readable(title));
            expect(feed.items, path).toHaveLength(1);
            expectUpdate(feed.items[0], i, format, path);
          }
        }
      }
    });

    it('calendars: every hostile title is one SUMMARY of one event, read back by ical.js as its text', async () => {
      for (const path of ['/calendar.ics', ...Array.from({ length: n }, (_, i) => `/shows/s-${i}/calendar.ics`)]) {
        const res = await app().request(path);
        expect(res.status, path).toBe(200);
        const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
        const titles = events.map((e) => readable(e.summary));
        const wanted = (path === '/calendar.ics' ? TEXTS.map((_, i) => i) : [Number(/s-(\d+)/.exec(path)?.[1])]).map((i) =>
          readable(`${text(i)}: season 1 premieres on ${text(i)}`),
        );
        expect(titles.sort(), path).toEqual(wanted.sort());
      }
    });

    it('comment feeds: every commenter name and comment reads back as the site shows it, with no markup but the renderer’s', async () => {
      for (const format of formats) {
        for (let i = 0; i < n; i++) {
          const path = `/shows/s-${i}/comments/feed.${format}`;
          const feed = await read(path, format);
          expectOnlyOurMarkup(feed, path);
          expect(seen(feed.title), `${path} title`).toBe(readable(`${text(i)}: comments | Next Season`));
          expect(seen(feed.description), `${path} description`).toContain(readable(text(i)));
          const byKey = (id: number) => feed.items.find((it) => it.key === `${SITE}/shows/s-${i}#comment-${id}`);
          for (const [id, author, title] of [
            [2000 + i, i, `${text(i)} on ${text(i)}`],
            [3000 + i, i + 1, `${text(i + 1)} replied to ${text(i)}`],
          ] as const) {
            const item = byKey(id);
            expect(item, `${path} #${id}`).toBeDefined();
            if (!item) continue;
            expect(seen(item.title), `${path} #${id} title`).toBe(readable(title));
            expect(item.authors.map(seen), `${path} #${id} author`).toEqual([readable(text(author))]);
            for (const link of item.authorLinks) expect(link, `${path} #${id} author link`).toMatch(/^https?:\/\//);
            const shown = commentAsShown(text(author));
            const html = item.bodies.filter((b) => b.kind === 'html');
            expect(html.length, `${path} #${id} content`).toBeGreaterThan(0);
            for (const body of html) {
              const got = parseHtml(body.value);
              expect(readable(got.text), `${path} #${id} content`).toBe(shown.text);
              expect(got.markup, `${path} #${id} content`).toEqual(shown.markup);
            }
          }
        }
      }
    });
  },
  seed,
);
