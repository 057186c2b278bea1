import { type AnyFeed, parseFeed } from 'feedsmith';
import sanitizeHtml from 'sanitize-html';

// Reading a fetched feed (RSS 2.0 and 0.9x, RSS 1.0/RDF, Atom 1.0, JSON Feed) into the few fields the news
// intake keeps. feedsmith parses; what is picked from each format, and in which order, is decided here.

export interface FeedEntry {
  title: string;
  /** The item's own id: RSS guid, Atom id, JSON Feed id; else its link; else its title. */
  guid: string;
  link: string | null;
  /** ISO 8601, or null when the feed gives no date or one that cannot be read. */
  published: string | null;
  /** Plain text, HTML taken out. */
  summary: string | null;
}

export class UnreadableFeedError extends Error {}

/** HTML as the text a reader sees: tags and scripts out, entities decoded, a line break after each block. */
export function htmlText(html: string): string {
  const marked = html.replace(/<\/(?:p|div|li|h[1-6]|blockquote|section|tr|ul|ol|table)\s*>|<br\s*\/?>/gi, '$&\n');
  // sanitize-html decodes every entity and escapes only these again.
  const escaped = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} });
  return escaped
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const isoDate = (raw: string | undefined): string | null => {
  const ms = raw ? Date.parse(raw.trim()) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

/** An Atom text construct (text, html or xhtml) as plain text. */
const atomText = (t: { value?: string; type?: string } | undefined): string | undefined =>
  t?.value === undefined ? undefined : t.type === 'html' || t.type === 'xhtml' ? htmlText(t.value) : t.value;

const entry = (title: string | undefined, id: string | undefined, link: string | undefined, published: string | null, summary?: string) => {
  const t = (title ?? '').trim();
  return {
    title: t,
    guid: (id ?? link ?? t).trim(),
    link: link?.trim() || null,
    published,
    summary: summary?.trim() || null,
  };
};

/** The feed's items, in the feed's order; throws UnreadableFeedError when the text is no feed we can read. */
export function readFeed(text: string): FeedEntry[] {
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    const why = [(error as Error).message, cause?.message].filter(Boolean).join(': ');
    throw new UnreadableFeedError(why.split('\n')[0]);
  }
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((i) =>
        entry(
          i.title,
          i.guid?.value,
          i.link,
          isoDate(i.pubDate ?? i.dc?.dates?.[0]),
          i.description === undefined ? undefined : htmlText(i.description),
        ),
      );
    case 'rdf':
      // RSS 1.0 has no guid: the link names the item, as it always has here.
      return (parsed.feed.items ?? []).map((i) =>
        entry(i.title, undefined, i.link, isoDate(i.dc?.dates?.[0]), i.description === undefined ? undefined : htmlText(i.description)),
      );
    case 'atom':
      return (parsed.feed.entries ?? []).map((e) => {
        // A link without rel is the alternate one (RFC 4287 §4.2.7.2); else the first link there is.
        const links = e.links ?? [];
        const link = (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href;
        return entry(atomText(e.title), e.id, link, isoDate(e.published ?? e.updated), atomText(e.content) ?? atomText(e.summary));
      });
    case 'json':
      return (parsed.feed.items ?? []).map((i) =>
        entry(
          i.title,
          i.id,
          i.url ?? i.external_url,
          isoDate(i.date_published ?? i.date_modified),
          i.content_text ?? i.summary ?? (i.content_html === undefined ? undefined : htmlText(i.content_html)),
        ),
      );
  }
}
