import { describe, expect, it } from 'vitest';
import { htmlText, readFeed, UnreadableFeedError } from './feed.read.ts';

// Each format the news intake reads, as outlets publish it, and what is kept of each item.

const RSS2 = `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Trade news</title><link>https://trade.test/</link><description>TV</description>
<item><title> Netflix renews Somos. for a second season </title><link>https://trade.test/somos-renewed</link>
  <guid isPermaLink="false">trade-1</guid><pubDate>Fri, 20 Nov 2026 14:00:00 GMT</pubDate>
  <description>&lt;p&gt;The Mexican drama &lt;b&gt;returns&lt;/b&gt; &amp;amp; more.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>
<item><title>Dated the Dublin Core way</title><link>https://trade.test/dc</link><dc:date>2026-11-21T09:30:00+01:00</dc:date>
  <description><![CDATA[<script>alert(1)</script>Plain <i>enough</i>]]></description></item>
<item><title>No date that parses</title><guid>trade-3</guid><pubDate>sometime soon</pubDate></item>
<item><title>Only a title</title></item>
</channel></rss>`;

const RSS091 = `<rss version="0.91"><channel><title>Old</title><link>https://old.test/</link><description>d</description>
<item><title>Kingdom cancelled</title><link>https://old.test/kingdom</link></item></channel></rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.test/"><title>RDF news</title><link>https://rdf.test/</link><description>d</description></channel>
<item rdf:about="https://rdf.test/1"><title>Netflix renews Kingdom for season 3</title><link>https://rdf.test/1</link>
  <description>Short &amp; sweet</description><dc:date>2026-11-22T10:00:00Z</dc:date></item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Reports</title><id>urn:reports</id><updated>2026-11-21T10:00:00Z</updated>
<entry><title type="html">Kingdom &amp;amp; co. &lt;em&gt;cancelled&lt;/em&gt;</title><id>urn:reports:1</id>
  <link rel="self" href="https://reports.test/self/1"/><link href="https://reports.test/kingdom"/>
  <published>2026-11-20T08:00:00Z</published><updated>2026-11-21T10:00:00Z</updated>
  <summary>The summary</summary>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The <b>content</b></p></div></content></entry>
<entry><title>Only updated</title><id>urn:reports:2</id><link rel="enclosure" href="https://reports.test/a.mp3"/>
  <updated>2026-11-22T10:00:00Z</updated><summary type="html">&lt;p&gt;An HTML summary&lt;/p&gt;</summary></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON news',
  items: [
    {
      id: 'j-1',
      url: 'https://json.test/1',
      title: 'The Witcher renewed',
      date_published: '2026-11-23T00:00:00Z',
      content_html: '<p>a &amp; b</p>',
    },
    {
      id: 'j-2',
      external_url: 'https://elsewhere.test/2',
      title: 'Modified only',
      date_modified: '2026-11-24T00:00:00Z',
      content_text: 'text',
    },
  ],
});

describe('reading a feed', () => {
  it('reads RSS 2.0: guid, link, pubDate or dc:date, the description as text', () => {
    expect(readFeed(RSS2)).toEqual([
      {
        title: 'Netflix renews Somos. for a second season',
        guid: 'trade-1',
        link: 'https://trade.test/somos-renewed',
        published: '2026-11-20T14:00:00.000Z',
        summary: 'The Mexican drama returns & more.\nSecond paragraph.',
      },
      {
        title: 'Dated the Dublin Core way',
        guid: 'https://trade.test/dc',
        link: 'https://trade.test/dc',
        published: '2026-11-21T08:30:00.000Z',
        summary: 'Plain enough',
      },
      { title: 'No date that parses', guid: 'trade-3', link: null, published: null, summary: null },
      { title: 'Only a title', guid: 'Only a title', link: null, published: null, summary: null },
    ]);
  });

  it('reads RSS 0.91 and RSS 1.0 (RDF)', () => {
    expect(readFeed(RSS091)).toEqual([
      { title: 'Kingdom cancelled', guid: 'https://old.test/kingdom', link: 'https://old.test/kingdom', published: null, summary: null },
    ]);
    expect(readFeed(RDF)).toEqual([
      {
        title: 'Netflix renews Kingdom for season 3',
        guid: 'https://rdf.test/1',
        link: 'https://rdf.test/1',
        published: '2026-11-22T10:00:00.000Z',
        summary: 'Short & sweet',
      },
    ]);
  });

  it('reads Atom: id, the alternate link, published else updated, HTML titles and bodies as text', () => {
    expect(readFeed(ATOM)).toEqual([
      {
        title: 'Kingdom & co. cancelled',
        guid: 'urn:reports:1',
        link: 'https://reports.test/kingdom',
        published: '2026-11-20T08:00:00.000Z',
        summary: 'The content',
      },
      {
        title: 'Only updated',
        guid: 'urn:reports:2',
        link: 'https://reports.test/a.mp3',
        published: '2026-11-22T10:00:00.000Z',
        summary: 'An HTML summary',
      },
    ]);
  });

  it('reads JSON Feed', () => {
    expect(readFeed(JSON_FEED)).toEqual([
      { title: 'The Witcher renewed', guid: 'j-1', link: 'https://json.test/1', published: '2026-11-23T00:00:00.000Z', summary: 'a & b' },
      { title: 'Modified only', guid: 'j-2', link: 'https://elsewhere.test/2', published: '2026-11-24T00:00:00.000Z', summary: 'text' },
    ]);
  });

  it('refuses what is not a feed, saying why', () => {
    for (const [text, why] of [
      ['<rss version="2.0"><channel><item><title>Unclosed', /^Invalid feed format: .+/],
      ['<rss version="2.0"><channel><item><title>a</item></channel></rss>', /^Invalid feed format/],
      ['<!doctype html><html><body>Not a feed</body></html>', /^Unrecognized feed format$/],
      ['{"not": "a feed"}', /^Unrecognized feed format$/],
      ['', /^Unrecognized feed format$/],
      [
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>',
        /^Invalid feed format/,
      ],
    ] as const) {
      expect(() => readFeed(text), text).toThrowError(UnreadableFeedError);
      expect(() => readFeed(text), text).toThrowError(why);
    }
  });

  it('never expands entities a feed declares', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>t</title><item><title>&b;</title><guid>g</guid></item></channel></rss>`;
    expect(readFeed(laughs).map((i) => i.title.length)).toEqual(['&b;'.length]);
  });

  it('turns HTML into the text a reader sees', () => {
    expect(htmlText('<p>One &lt;b&gt; &amp;amp;</p><ul><li>two</li><li>three<br>four</li></ul><style>p{}</style>')).toBe(
      'One <b> &amp;\ntwo\nthree\nfour',
    );
  });
});
