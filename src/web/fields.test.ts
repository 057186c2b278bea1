import { describe, expect, it } from 'vitest';
import { idField, idParam, lineField, MAX_ID, textField } from './fields.ts';

describe('row ids from a client', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', MAX_ID],
  ])('takes %j as %d', (text, id) => {
    expect(idParam(text)).toBe(id);
    expect(idField().parse(text)).toBe(id);
  });

  it.each([
    '0',
    '-1',
    '01',
    ' 1',
    '1 ',
    '+1',
    '1.0',
    '1e3',
    '1e20',
    '0x1f',
    '2147483648',
    '3000000000',
    '99999999999',
    '١',
    '１',
    '',
    'a',
    undefined,
  ])('refuses %j', (text) => {
    expect(idParam(text)).toBeNull();
    expect(idField('No such comment').safeParse(text).error?.issues[0]?.message).toBe('No such comment');
  });
});

describe('text fields', () => {
  it.each(['a\u0000b', '\u0000', 'a\rb', 'a\nb', 'tab\there', '\u0007', '\u001b[2J', 'del\u007f', 'next\u0085line'])(
    'one line refuses %j',
    (text) => {
      expect(lineField(100).safeParse(text).error?.issues[0]?.message).toBe('must not contain control characters');
    },
  );

  it('one line trims, keeps ordinary Unicode and counts the limit', () => {
    expect(lineField(100).parse('  Álvaro Curiel 🎬 ')).toBe('Álvaro Curiel 🎬');
    expect(lineField(3).safeParse('abcd').error?.issues[0]?.message).toBe('must be at most 3 characters');
  });

  it('multi-line text keeps tab and newline, writes CR LF as LF, and refuses other control characters', () => {
    expect(textField(100).parse(' one\ttwo\r\nthree\rfour\n')).toBe('one\ttwo\nthree\nfour');
    for (const text of ['a\u0000b', 'a\u000bb', 'a\u001bb', 'a\u007fb'])
      expect(textField(100).safeParse(text).error?.issues[0]?.message, JSON.stringify(text)).toBe('must not contain control characters');
  });
});
