import { type Author, type Category, Feed, type FeedOptions, type Item } from 'feed';

// Each value written for its field's type in each format. The Feeds this project builds hold plain text in
// every field except an item's `content`, which is HTML we rendered ourselves; categories carry a `term`
// (a slug) and a `name`. What the `feed` library (v6) does with them, and so what is done here first:
// - Atom entry <title>, <summary> and <content> are type="html" CDATA: text is HTML-escaped.
// - RSS <description> and <content:encoded> are HTML in CDATA: text is HTML-escaped, and "]]>" never
//   reaches a CDATA section (the library splits only the first one).
// - Text elements escape &, < and >, but first turn "&amp;" back into "&": a literal "&amp;" is doubled.
// - Attributes escape only '"' (and Atom category labels "&"): a label holding "<" is left out.
// - JSON Feed: plain text in title, summary, content_text and names; HTML only in content_html.

export type FeedFormat = 'xml' | 'atom' | 'json';

// Characters XML 1.0 cannot carry at all, not even as character references, and unpaired surrogates.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text any format can carry. */
const clean = (s: string) => s.replace(NOT_XML, '');
/** A one-line field: a title, a name, a category. */
const line = (s: string) => clean(s).replace(/\s+/g, ' ').trim();
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Plain text as an HTML paragraph. */
const paragraph = (s: string) => `<p>${escapeHtml(clean(s))}</p>`;
/** HTML bound for a CDATA section: ">" after "]]" is the same character to an HTML reader. */
const cdata = (html: string) => clean(html).replaceAll(']]>', ']]&gt;');
/** Text for an XML text element, undoing the library's turning "&amp;" into "&". */
const xmlText = (s: string) => s.replaceAll('&amp;', '&amp;amp;');

/** A link readers may follow: an absolute web address, or nothing. */
function webLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

const optionsFor = (o: FeedOptions, text: (s: string) => string): FeedOptions => ({
  ...o,
  title: text(line(o.title)),
  ...(o.description !== undefined ? { description: text(clean(o.description)) } : {}),
  ...(o.copyright !== undefined ? { copyright: text(line(o.copyright)) } : {}),
});

function rssItem(item: Item): Item {
  const { description, content, author, category, ...rest } = item;
  return {
    ...rest,
    // The library writes an item's <title> as one CDATA section, which "]]>" twice would break: a text element instead.
    extensions: [...(item.extensions ?? []), { name: 'title', objects: { _text: xmlText(line(item.title)) } }],
    ...(description !== undefined ? { description: cdata(paragraph(description)) } : {}),
    ...(content !== undefined ? { content: cdata(content) } : {}),
    // RSS 2.0's <author> is an email address, which we never publish: the writer's name goes in dc:creator.
    ...(author?.length
      ? {
          extensions: [
            ...(item.extensions ?? []),
            { name: 'title', objects: { _text: xmlText(line(item.title)) } },
            ...author.map((a) => ({ name: 'dc:creator', objects: { _text: xmlText(line(a.name ?? '')) } })),
          ],
        }
      : {}),
    ...(category ? { category: category.map((c): Category => ({ name: xmlText(line(c.name ?? c.term ?? '')) })) } : {}),
  };
}

function atomItem(item: Item): Item {
  const { description, content, author, category, ...rest } = item;
  return {
    ...rest,
    title: escapeHtml(line(item.title)),
    ...(description !== undefined ? { description: cdata(paragraph(description)) } : {}),
    ...(content !== undefined ? { content: cdata(content) } : {}),
    ...(author
      ? {
          author: author.map((a): Author => {
            const link = webLink(a.link);
            return { name: xmlText(line(a.name ?? '')), ...(link ? { link } : {}) };
          }),
        }
      : {}),
    ...(category
      ? {
          category: category.flatMap((c): Category[] => {
            const label = line(c.name ?? '');
            const term = c.term ?? label;
            if (!term || term.includes('<')) return [];
            return [{ term, ...(label && !label.includes('<') ? { name: label } : {}) }];
          }),
        }
      : {}),
  };
}

function jsonFeed(feed: Feed): string {
  const out = new Feed(optionsFor(feed.options, (s) => s));
  for (const item of feed.items)
    out.addItem({
      ...item,
      title: line(item.title),
      ...(item.author
        ? {
            author: item.author.map((a): Author => {
              const link = webLink(a.link);
              return { name: line(a.name ?? ''), ...(link ? { link } : {}) };
            }),
          }
        : {}),
      ...(item.category ? { category: item.category.map((c): Category => ({ name: line(c.name ?? c.term ?? '') })) } : {}),
    });
  const json = JSON.parse(out.json1()) as Record<string, unknown> & { items: Record<string, unknown>[] };
  return JSON.stringify(
    {
      ...json,
      // The library writes JSON Feed 1.0; the fields we use are the same in 1.1, which also names a language and lists authors.
      version: 'https://jsonfeed.org/version/1.1',
      language: feed.options.language ?? 'en',
      items: json.items.map(({ content_html: _html, summary: _summary, ...j }, i) => {
        const item = feed.items[i] as Item;
        return {
          ...j,
          ...(item.content !== undefined ? { content_html: clean(item.content) } : { content_text: clean(item.description ?? '') }),
          ...(item.content !== undefined && item.description !== undefined ? { summary: line(item.description) } : {}),
          // JSON Feed 1.1 lists authors; its 1.0 `author` is gone.
          ...(j.author ? { authors: [j.author], author: undefined } : {}),
        };
      }),
    },
    null,
    2,
  );
}

/** The feed in the asked format, every value escaped for where it goes. */
export function feedBody(feed: Feed, format: FeedFormat): string {
  if (format === 'json') return jsonFeed(feed);
  const out = new Feed(optionsFor(feed.options, xmlText));
  for (const item of feed.items) out.addItem(format === 'xml' ? rssItem(item) : atomItem(item));
  if (format === 'atom') return out.atom1();
  const rss = out.rss2();
  // The library declares the Dublin Core namespace only beside content:encoded; dc:creator needs it too.
  return rss.includes('<dc:creator>') && !rss.includes('xmlns:dc=')
    ? rss.replace('<rss version="2.0"', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')
    : rss;
}
