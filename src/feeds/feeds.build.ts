import { Feed } from 'feed';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { formatPartialDate } from '../lang/dates.ts';
import { HTML_LANG, type Lang, localPath, t } from '../lang/i18n.ts';
import type { EntryVersion, Premiere, Update } from './feeds.queries.ts';

// RSS 2.0, Atom 1.0 and JSON Feed 1.1 of status updates; iCalendar of premieres. Built with the
// `feed` and `ical-generator` libraries, never by string concatenation. A feed holds plain text here;
// feeds.encode.ts writes each value for its field's type.

export function updateTitle(u: Update, lang: Lang = 'en'): string {
  return t(lang, 'update.title', {
    title: u.show.title,
    kind: t(lang, 'event.words', { kind: u.kind }),
    season: u.season ?? 'none',
    date: u.announced ? formatPartialDate(u.announced, lang) : 'none',
  });
}

export function updatesFeed(o: { siteUrl: string; title: string; path: string; updates: Update[]; lang?: Lang }): Feed {
  const lang = o.lang ?? 'en';
  const page = (path: string) => `${o.siteUrl}${localPath(lang, path)}`;
  const self = page(o.path || '/').replace(/\/$/, '');
  const feed = new Feed({
    title: o.title,
    description: t(lang, 'feed.description'),
    id: self,
    link: self,
    language: HTML_LANG[lang],
    copyright: t(lang, 'feed.copyright'),
    // The feed changed when its latest item was recorded, whatever the order its items are listed in.
    updated: new Date(
      o.updates
        .map((u) => u.createdAt)
        .sort()
        .at(-1) ?? '2020-01-01T00:00:00Z',
    ),
    generator: 'Next Season',
    feedLinks: { rss: `${self}/feed.xml`, atom: `${self}/feed.atom`, json: `${self}/feed.json` },
  });
  for (const u of o.updates) {
    const link = `${page(`/shows/${u.show.slug}`)}#updates`;
    const title = updateTitle(u, lang);
    feed.addItem({
      title,
      // One item in every language's feed is the same update: its id names the update and the language.
      id: `${o.siteUrl}/updates/${u.id}${lang === 'en' ? '' : `?lang=${lang}`}`,
      link,
      // Dated by the event (known only to a month or year: its first day); updated when it was recorded.
      published: new Date(`${u.effective.date}T00:00:00Z`),
      date: new Date(u.createdAt),
      description: t(lang, 'feed.item', {
        title,
        date: formatPartialDate(u.effective, lang),
        tier: t(lang, 'tier.word', { tier: u.tier }),
        hasSource: u.source ? 'yes' : 'no',
        source: u.source ? `${u.source.outlet}${u.source.url ? ` ${u.source.url}` : ''}` : '',
        hasQuote: u.quote ? 'yes' : 'no',
        quote: u.quote ?? '',
      }),
      ...(u.show.platform ? { category: [{ name: u.show.platform, ...(u.show.platformSlug ? { term: u.show.platformSlug } : {}) }] } : {}),
    });
  }
  return feed;
}

// A bare CR in a title would end an iCalendar content line early (and could start a property of its own).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

export function premieresCalendar(o: {
  siteUrl: string;
  name: string;
  premieres: Premiere[];
  versions: Map<string, EntryVersion>;
  lang?: Lang;
}): string {
  const lang = o.lang ?? 'en';
  const page = (path: string) => `${o.siteUrl}${localPath(lang, path)}`;
  const cal = ical({
    name: oneLine(o.name),
    description: t(lang, 'calendar.description'),
    prodId: { company: 'Next Season', product: 'premieres', language: HTML_LANG[lang].toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60 * 6, // REFRESH-INTERVAL and X-PUBLISHED-TTL: ask calendar apps to look again every six hours
    url: o.siteUrl,
  });
  for (const p of o.premieres) {
    const start = new Date(`${p.day}T00:00:00Z`);
    cal.createEvent({
      id: p.uid,
      sequence: o.versions.get(p.uid)?.sequence ?? 0,
      start,
      end: new Date(start.getTime() + 86_400_000),
      allDay: true,
      summary: oneLine(t(lang, 'calendar.summary', { title: p.show.title, season: p.season, platform: p.show.platform ?? 'none' })),
      description: t(lang, 'calendar.entry', { episodes: p.episodes ?? 0, url: page(`/shows/${p.show.slug}`) }),
      url: page(`/shows/${p.show.slug}`),
      stamp: new Date(o.versions.get(p.uid)?.updatedAt ?? start), // DTSTAMP: when the entry last changed
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF.
  const body = cal.toString();
  return body.endsWith('\r\n') ? body : `${body}\r\n`;
}
