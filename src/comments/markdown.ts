import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Readers write a small Markdown subset: paragraphs, emphasis, code, quotes, lists and links.
// Any HTML they type is shown as text; the result passes through sanitize-html all the same.

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    heading({ tokens }: Tokens.Heading) {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
    image: ({ href, text }: Tokens.Image) => escapeHtml(text || href),
    // Only web links stay links; anything else (javascript:, data:, //host) becomes its text.
    link({ href, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      return /^https?:\/\//i.test(href.trim()) ? `<a href="${escapeHtml(href.trim())}">${text}</a>` : text;
    },
    hr: () => '',
    table: ({ raw }: Tokens.Table) => `<p>${escapeHtml(raw)}</p>`,
  },
});

const ALLOWED = {
  allowedTags: ['p', 'br', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape' as const,
  transformTags: {
    a: (tagName: string, attribs: Record<string, string>) => ({
      tagName,
      attribs: { href: attribs.href ?? '', rel: 'nofollow ugc noopener' },
    }),
  },
};

export function renderComment(body: string): string {
  const html = marked.parse(body) as string;
  return sanitizeHtml(html, ALLOWED).trim();
}
