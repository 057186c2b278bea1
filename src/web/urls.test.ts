import { describe, expect, it } from 'vitest';
import { httpUrl, safeHttpUrl } from './urls.ts';

describe('the link rule', () => {
  it.each([
    ['https://www.netflix.com/title/81445010', 'https://www.netflix.com/title/81445010'],
    ['http://127.0.0.1:8080/feed.xml', 'http://127.0.0.1:8080/feed.xml'],
    ['HTTPS://Example.COM/Path?q=1#x', 'HTTPS://Example.COM/Path?q=1#x'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['https://es.wikipedia.org/wiki/Ñandú', 'https://es.wikipedia.org/wiki/Ñandú'],
  ])('keeps %j', (input, kept) => {
    expect(safeHttpUrl(input)).toBe(kept);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/',
    'mailto:someone@example.com',
    '//example.com/protocol-relative',
    '/relative/path',
    'https:example.com',
    'https:/example.com',
    'https://',
    'https://exa mple.com/',
    'https://ex\tample.com/',
    'https://example.com/\u202egnp.exe',
    'https://example.com/a\u00a0b',
    'https://user:secret@example.com/',
    'https://www.netflix.com@evil.test/',
    `https://example.com/${'a'.repeat(2100)}`,
    '',
    '   ',
  ])('refuses %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
  });

  it('refuses what is not text', () => {
    for (const value of [null, undefined, 42, ['https://example.com/'], { href: 'https://example.com/' }])
      expect(safeHttpUrl(value)).toBeNull();
  });

  it('is a form field that names what is wrong', () => {
    expect(httpUrl().safeParse(' https://example.com/a ').data).toBe('https://example.com/a');
    const bad = httpUrl('must be a link').safeParse('javascript:alert(1)');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('must be a link');
  });
});
