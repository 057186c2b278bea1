import { Feed } from 'feed';
import type { PublicComment } from './comments.queries.ts';

// A show's comments as RSS 2.0, Atom 1.0 and JSON Feed: author names only, never an email address. Titles and
// names are plain text and the content is the renderer's HTML; feeds.encode.ts writes each for its format.

export function commentsFeed(o: { siteUrl: string; show: { slug: string; title: string }; comments: PublicComment[] }): Feed {
  const path = `/shows/${o.show.slug}/comments`;
  const feed = new Feed({
    title: `${o.show.title}: comments | Next Season`,
    description: `What readers say about ${o.show.title} and its next season.`,
    id: `${o.siteUrl}${path}`,
    link: `${o.siteUrl}/shows/${o.show.slug}#comments`,
    language: 'en',
    copyright: 'Comments belong to their authors',
    updated: new Date(o.comments[0]?.createdAt ?? '2020-01-01T00:00:00Z'),
    generator: 'Next Season',
    feedLinks: { rss: `${o.siteUrl}${path}/feed.xml`, atom: `${o.siteUrl}${path}/feed.atom`, json: `${o.siteUrl}${path}/feed.json` },
  });
  for (const c of o.comments) {
    const about = c.replyingTo ? `replied to ${c.replyingTo}` : c.parentId ? 'replied' : `on ${o.show.title}`;
    feed.addItem({
      title: `${c.name} ${about}`,
      id: `${o.siteUrl}/shows/${o.show.slug}#comment-${c.id}`,
      link: `${o.siteUrl}/shows/${o.show.slug}#comment-${c.id}`,
      date: new Date(c.createdAt),
      author: [{ name: c.name, ...(c.website ? { link: c.website } : {}) }],
      // A spoiler stays behind a click: the feed says so instead of giving it away.
      content: c.spoiler ? '<p>This comment contains spoilers: read it on the site.</p>' : c.html,
    });
  }
  return feed;
}
