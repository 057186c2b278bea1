import { describe, expect, it } from 'vitest';
import { afterLogin } from './login.rules.ts';

describe('where a login goes next', () => {
  it.each(['/admin', '/admin/queue', '/admin/shows/somos?saved=1', '/admin/comments?status=held#top', '/admin/events/12/edit'])(
    'keeps the desk page %j',
    (next) => {
      expect(afterLogin(next)).toBe(next);
    },
  );

  it.each([
    '/admin\r\nSet-Cookie: x=1',
    '/admin/\nx',
    '/admin/queue\u0000',
    '/admin\t',
    '/admin/ñ',
    '/adminx',
    '/admin.evil.test',
    '/admin@evil.test',
    '/admin\\evil.test',
    '/admin/\\evil.test',
    '//evil.test/admin',
    '/\\evil.test',
    'https://evil.test/admin',
    'javascript:alert(1)',
    '/shows/somos',
    '',
    undefined,
    ['/admin'],
  ])('sends %j to the desk home instead', (next) => {
    expect(afterLogin(next)).toBe('/admin');
  });
});
