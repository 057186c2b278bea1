import { describe, expect, it } from 'vitest';
import { renderComment } from './markdown.ts';
import { XSS_PAYLOADS } from './xss.corpus.ts';

describe('comment Markdown', () => {
  it('renders the subset and marks links nofollow ugc', () => {
    expect(renderComment('**bold** _it_ `code`\n\n> quoted\n\n- one\n- two\n\n[site](https://example.com/a)')).toBe(
      '<p><strong>bold</strong> <em>it</em> <code>code</code></p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><a href="https://example.com/a" rel="nofollow ugc noopener">site</a></p>',
    );
  });

  it('shows typed HTML as text and drops non-web links and images', () => {
    expect(renderComment('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
    expect(renderComment('[x](javascript:alert(1)) ![i](https://x.example/i.png)')).toBe('<p>x i</p>');
  });

  it.each(XSS_PAYLOADS)('leaves no markup an attacker chose: %s', (payload) => {
    const html = renderComment(payload);
    const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)];
    for (const [, tag, attrs] of tags) {
      expect(['p', 'br', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']).toContain(tag?.toLowerCase());
      expect(attrs).not.toMatch(/\son[a-z]+\s*=|javascript:|data:|style=|src=/i);
    }
  });
});
