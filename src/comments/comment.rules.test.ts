import { describe, expect, it } from 'vitest';
import { validateComment } from './comment.input.ts';
import { countLinks, placeComment, rateVerdict, reservedName, restrictedWord } from './comment.rules.ts';
import { checkFormToken, issueFormToken, MIN_FILL_MS } from './form.token.ts';
import { cleanBody, cleanLine, skeleton } from './text.rules.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const form = { name: 'Ana', email: 'ana@example.com', body: 'Great show', website: '', season: '', parent: '' };

describe('comment form checks', () => {
  it('accepts a plain comment and reads the checkboxes', () => {
    const r = validateComment({ ...form, spoiler: 'on' });
    expect(r).toEqual({ ok: true, data: expect.objectContaining({ name: 'Ana', spoiler: true, notify: false, website: undefined }) });
  });

  it.each([
    [{ name: '' }, 'name', 'Your name is required'],
    [{ name: 'x'.repeat(61) }, 'name', 'Your name must be at most 60 characters'],
    [{ email: '' }, 'email', 'Your email is required'],
    [{ email: 'not-an-address' }, 'email', 'Enter an email address like name@example.com'],
    [{ email: `${'a'.repeat(250)}@example.com` }, 'email', 'Your email must be at most 254 characters'],
    [{ website: 'javascript:alert(1)' }, 'website', 'The website must be an http:// or https:// address'],
    [{ website: 'ｊａｖａｓｃｒｉｐｔ:alert(1)' }, 'website', 'The website must be an http:// or https:// address'],
    [{ website: `https://example.com/${'a'.repeat(200)}` }, 'website', 'The website must be at most 200 characters'],
    [
      { website: 'https://www.netflix.com@evil.test/' },
      'website',
      'The website must be an http:// or https:// address, without a user name or password',
    ],
    [{ body: '   ' }, 'body', 'Write a comment'],
    [{ body: 'x'.repeat(5001) }, 'body', 'The comment must be at most 5000 characters'],
    [{ body: 'see https://a.example https://b.example www.c.example' }, 'body', 'A comment may carry at most 2 links'],
    [{ name: 'Mоdеratоr' }, 'name', 'That name is kept for the site’s own staff; choose another'],
    [{ season: 'two' }, 'season', 'Choose a season'],
  ])('refuses %o with a message on %s', (change, field, message) => {
    const r = validateComment({ ...form, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field]).toBe(message);
  });

  it('keeps SQL metacharacters and quotes exactly', () => {
    const body = `Robert'); DROP TABLE comments;-- "quoted" \\ % _ ; /* */`;
    const r = validateComment({ ...form, body });
    expect(r.ok && r.data.body).toBe(body);
  });
});

describe('text cleaning', () => {
  it('removes bidi overrides and zero-width characters but keeps emoji sequences', () => {
    expect(cleanBody('a\u202Eb\u200Bc\r\nd 👨‍👩‍👧')).toBe('abc\nd 👨‍👩‍👧');
    expect(cleanLine('  Ａｎａ \t  María ')).toBe('Ana María');
  });
  it('sees lookalike letters as the letters they imitate', () => {
    expect(skeleton('Аdmіn')).toBe(skeleton('admin'));
    expect(skeleton('ADM1N')).toBe(skeleton('admin'));
  });
});

describe('moderation rules', () => {
  it('holds restricted words however they are spelt', () => {
    expect(restrictedWord('Best CASINO bonus')).toBe('casino');
    expect(restrictedWord('cheap vіagra here')).toBe('viagra'); // Cyrillic і
    expect(restrictedWord('I watched it in a casinos scene')).toBeNull();
  });
  it('reserves staff names in any alphabet', () => {
    expect(reservedName('The Moderator')).toBe(true);
    expect(reservedName('Аdmin')).toBe(true);
    expect(reservedName('Badminton fan')).toBe(false);
  });
  it('counts links of every kind', () => {
    expect(countLinks('a https://x.example b www.y.example [c](https://z.example)')).toBe(3);
    expect(countLinks('no links, just a.b and e-mail')).toBe(0);
  });
  it('places comments: spam, held, or published', () => {
    expect(placeComment({ honeypot: true, approvedAuthor: true, restricted: null }).status).toBe('spam');
    expect(placeComment({ honeypot: false, approvedAuthor: true, restricted: 'casino' })).toEqual({
      status: 'pending',
      reason: 'contains a restricted word: “casino”',
    });
    expect(placeComment({ honeypot: false, approvedAuthor: false, restricted: null }).status).toBe('pending');
    expect(placeComment({ honeypot: false, approvedAuthor: true, restricted: null })).toEqual({ status: 'published', reason: null });
  });
  it('limits comments per address and per email, saying how long to wait', () => {
    const minuteAgo = (s: number) => NOW - s * 1000;
    expect(rateVerdict([minuteAgo(50), minuteAgo(40), minuteAgo(30), minuteAgo(20)], [], NOW).allowed).toBe(true);
    const five = [minuteAgo(50), minuteAgo(40), minuteAgo(30), minuteAgo(20), minuteAgo(10)];
    expect(rateVerdict(five, [], NOW)).toEqual({ allowed: false, retryAfterSeconds: 10, by: 'address' });
    expect(rateVerdict([], [minuteAgo(30), minuteAgo(20), minuteAgo(10)], NOW)).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
      by: 'email',
    });
    expect(rateVerdict([], [minuteAgo(90), minuteAgo(80), minuteAgo(70)], NOW).allowed).toBe(true);
  });
});

describe('form token', () => {
  const secret = 'test-secret';
  const issued = new Date(NOW);
  const token = issueFormToken(secret, 'cookie-a', issued);
  const at = (ms: number) => new Date(NOW + ms);
  it('passes after the minimum time with the same cookie', () => {
    expect(checkFormToken(secret, token, 'cookie-a', at(MIN_FILL_MS))).toEqual({ ok: true });
  });
  it('refuses a post sent too soon, saying how long to wait', () => {
    expect(checkFormToken(secret, token, 'cookie-a', at(1000))).toEqual({ ok: false, problem: 'too_fast', waitSeconds: 2 });
  });
  it('refuses another reader’s cookie, a changed timestamp, a missing cookie and an old form', () => {
    expect(checkFormToken(secret, token, 'cookie-b', at(5000))).toMatchObject({ problem: 'forged' });
    expect(checkFormToken(secret, token.replace(/^\d+/, String(NOW - 60_000)), 'cookie-a', at(5000))).toMatchObject({ problem: 'forged' });
    expect(checkFormToken(secret, token, undefined, at(5000))).toMatchObject({ problem: 'missing' });
    expect(checkFormToken(secret, token, 'cookie-a', at(3 * 86_400_000))).toMatchObject({ problem: 'expired' });
  });
});
