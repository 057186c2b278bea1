import { expect, it } from 'vitest';
import { emailKey } from '../comments/comment.input.ts';
import { addressKey, banRange, ipv6Groups } from './client.ts';

it('reads IPv6 addresses however they are written', () => {
  expect(ipv6Groups('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  expect(ipv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  expect(ipv6Groups('64:ff9b::192.0.2.33')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x221]);
  expect(ipv6Groups('203.0.113.7')).toBeNull();
});

it('counts an IPv6 /64 as one address and bans a /24 or /48', () => {
  expect(addressKey('2001:db8:1:1::a')).toBe(addressKey('2001:db8:1:1:ffff::b'));
  expect(addressKey('2001:db8:1:1::a')).toBe('2001:db8:1:1::/64');
  expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
  expect(banRange('2001:db8::1')).toBe('2001:db8:0::/48');
  expect(banRange('::1')).toBe('0:0:0::/48');
  expect(banRange('203.0.113.7')).toBe('203.0.113.0/24');
});

it('keys one mailbox however its address is spelt', () => {
  expect(emailKey(' Ana.Lopez+tv@GMAIL.com ')).toBe('analopez@gmail.com');
  expect(emailKey('analopez@googlemail.com')).toBe('analopez@gmail.com');
  expect(emailKey('Ana.Lopez+tv@example.com')).toBe('ana.lopez@example.com');
  expect(emailKey('+only@example.com')).toBe('+only@example.com');
});
