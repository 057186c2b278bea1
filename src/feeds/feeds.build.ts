import { Feed } from 'feed';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { formatPartialDate } from '../lang/dates.ts';
import { type Lang, t } from '../lang/i18n.ts';
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

export function updatesFeed(o: { siteUrl: string; title: string; path: string; updates: Update[] }): Feed {
  const feed = new Feed({
    title: o.title,
    description: 'Renewals, cancellations and premiere dates, each with its source.',
    id: `${o.siteUrl}${o.path}`,
    link: `${o.siteUrl}${o.path}`,
    language: 'en',
    copyright: 'Next Season; data from TVmaze (CC BY-SA 4.0) where marked',
    // The feed changed when its latest item was recorded, whatever the order its items are listed in.
    updated: new Date(
      o.updates
        .map((u) => u.createdAt)
        .sort()
        .at(-1) ?? '2020-01-01T00:00:00Z',
    ),
    generator: 'Next Season',
    feedLinks: { rss: `${o.siteUrl}${o.path}/feed.xml`, atom: `${o.siteUrl}${o.path}/feed.atom`, json: `${o.siteUrl}${o.path}/feed.json` },
  });
  for (const u of o.updates) {
    const link = `${o.siteUrl}/shows/${u.show.slug}#updates`;
    const source = u.source ? ` Source (${u.tier}): ${u.source.outlet}${u.source.url ? ` ${u.source.url}` : ''}.` : ` Tier: ${u.tier}.`;
    feed.addItem({
      title: updateTitle(u),
      id: `${o.siteUrl}/updates/${u.id}`,
      link,
      // Dated by the event (known only to a month or year: its first day); updated when it was recorded.
      published: new Date(`${u.effective.date}T00:00:00Z`),
      date: new Date(u.createdAt),
      description: `${updateTitle(u)} (${formatPartialDate(u.effective)}).${source}${u.quote ? ` “${u.quote}”` : ''}`,
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
}): string {
  const cal = ical({
    name: oneLine(o.name),
    description:
      'Season premieres known to the day. Premieres announced only to the month, quarter or year are left out until their day is known.',
    prodId: { company: 'Next Season', product: 'premieres', language: 'EN' },
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
      summary: oneLine(`${p.show.title}: season ${p.season} premieres${p.show.platform ? ` on ${p.show.platform}` : ''}`),
      description: `${p.episodes ? `${p.episodes} episodes. ` : ''}${o.siteUrl}/shows/${p.show.slug}`,
      url: `${o.siteUrl}/shows/${p.show.slug}`,
      stamp: new Date(o.versions.get(p.uid)?.updatedAt ?? start), // DTSTAMP: when the entry last changed
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF.
  const body = cal.toString();
  return body.endsWith('\r\n') ? body : `${body}\r\n`;
}
