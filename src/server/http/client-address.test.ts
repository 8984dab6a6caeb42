import { describe, expect, it } from 'vitest';
import { parseClientAddressPolicy, readClientAddress, type ClientAddressPolicy } from './client-address';
import { createClientAddressReader } from './client-address-reader';

const policy = (trustedProxies?: string, header?: string): ClientAddressPolicy => {
  const parsed = parseClientAddressPolicy({ trustedProxies, header });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.policy;
};
const xff = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('readClientAddress', () => {
  it('trusts nothing by default: a client can name any address, so none is believed', () => {
    for (const value of ['198.51.100.7', '127.0.0.1', '10.0.0.1, 198.51.100.7']) expect(readClientAddress(xff(value), policy())).toBeNull();
    expect(readClientAddress(new Headers({ 'x-real-ip': '198.51.100.7', 'cf-connecting-ip': '198.51.100.7' }), policy())).toBeNull();
    expect(readClientAddress(xff('198.51.100.7'), policy('0'))).toBeNull();
  });

  it('with one trusted hop takes the entry that proxy appended, not what the client wrote before it', () => {
    const one = policy('1');
    expect(readClientAddress(xff('198.51.100.7'), one)).toBe('198.51.100.7');
    // The attacker writes a whole chain; the proxy appends the real peer.
    expect(readClientAddress(xff('1.1.1.1, 10.0.0.1, 203.0.113.66'), one)).toBe('203.0.113.66');
    expect(readClientAddress(xff('1.1.1.1,203.0.113.66'), one)).toBe('203.0.113.66');
  });

  it('with two hops takes the second from the right, and a chain shorter than the proxies is unknown', () => {
    const two = policy('2');
    expect(readClientAddress(xff('6.6.6.6, 203.0.113.66, 10.0.0.2'), two)).toBe('203.0.113.66');
    expect(readClientAddress(xff('203.0.113.66'), two)).toBeNull();
  });

  it('with trusted ranges walks right to left past the proxies and stops at the first address outside them', () => {
    const ranges = policy('10.0.0.0/8, 2001:db8:ffff::/48, loopback');
    expect(readClientAddress(xff('203.0.113.66, 10.1.2.3'), ranges)).toBe('203.0.113.66');
    // A spoofed "trusted" address left of the real client does not help: the walk stops at the client.
    expect(readClientAddress(xff('10.9.9.9, 203.0.113.66, 10.1.2.3, 127.0.0.1'), ranges)).toBe('203.0.113.66');
    expect(readClientAddress(xff('1.1.1.1, 203.0.113.66, 2001:db8:ffff::5'), ranges)).toBe('203.0.113.66');
    // Only proxies in the chain (a proxy that adds no address, a health check): unknown, never the proxy's bucket.
    expect(readClientAddress(xff('10.1.2.3'), ranges)).toBeNull();
    expect(readClientAddress(xff('::ffff:127.0.0.1'), ranges)).toBeNull();
  });

  it('reads a platform header only when configured, and only a single address in it', () => {
    const cloudflare = policy(undefined, 'CF-Connecting-IP');
    expect(readClientAddress(new Headers({ 'cf-connecting-ip': '198.51.100.9', 'x-forwarded-for': '6.6.6.6' }), cloudflare)).toBe('198.51.100.9');
    expect(readClientAddress(xff('198.51.100.9'), cloudflare)).toBeNull();
    expect(readClientAddress(new Headers({ 'cf-connecting-ip': '6.6.6.6, 198.51.100.9' }), cloudflare)).toBeNull();
    const repeated = new Headers();
    repeated.append('cf-connecting-ip', '6.6.6.6');
    repeated.append('cf-connecting-ip', '198.51.100.9');
    expect(readClientAddress(repeated, cloudflare)).toBeNull();
    expect(readClientAddress(new Headers({ 'x-vercel-forwarded-for': '2001:db8:1:2::99' }), policy('', 'x-vercel-forwarded-for'))).toBe('2001:db8:1:2::/64');
  });

  it('limits IPv6 clients per /64, and maps IPv4 in IPv6 back to IPv4', () => {
    const one = policy('1');
    const a = readClientAddress(xff('2001:db8:1:2:aaaa::1'), one);
    const b = readClientAddress(xff('[2001:DB8:1:2:bbbb:cccc:dddd:eeee]:443'), one);
    expect(a).toBe('2001:db8:1:2::/64');
    expect(b).toBe(a);
    expect(readClientAddress(xff('2001:db8:1:3::1'), one)).not.toBe(a);
    expect(readClientAddress(xff('::ffff:198.51.100.7'), one)).toBe('198.51.100.7');
    expect(readClientAddress(xff('fe80::1%eth0'), one)).toBe('fe80::/64');
  });

  it('accepts a port after an address and turns malformed values into unknown, never into a bucket of their own', () => {
    const one = policy('1');
    expect(readClientAddress(xff('198.51.100.7:5678'), one)).toBe('198.51.100.7');
    for (const value of [
      '',
      ' ',
      'unknown',
      '_hidden',
      '198.51.100',
      '198.51.100.7.8',
      '0x7f.1',
      '127.1',
      '999.1.1.1',
      '198.51.100.7/24',
      '2001:db8::1::2',
      '[2001:db8::1',
      'a'.repeat(5000),
      '198.51.100.7, ',
      ', , ,',
    ]) {
      expect(readClientAddress(xff(value), one), JSON.stringify(value)).toBeNull();
    }
    expect(readClientAddress(new Headers(), one)).toBeNull();
    // A malformed entry where a trusted proxy should have written the client's address stops the walk.
    expect(readClientAddress(xff('198.51.100.7, garbage, 10.0.0.1'), policy('10.0.0.0/8'))).toBeNull();
  });
});

describe('parseClientAddressPolicy', () => {
  it('accepts hop counts, addresses, CIDRs and range names, and refuses anything else', () => {
    expect(policy('')).toEqual({ kind: 'none' });
    expect(policy('3')).toEqual({ kind: 'hops', hops: 3 });
    expect(policy('loopback,uniquelocal,linklocal, 203.0.113.5 ,2001:db8::/32').kind).toBe('ranges');
    for (const bad of ['11', '-1', '1.5', '10.0.0.0/33', '10.0/8', 'localhost', '1, 10.0.0.0/8', 'loopback,', '2001:db8::/129']) {
      expect(parseClientAddressPolicy({ trustedProxies: bad }).ok, bad).toBe(false);
    }
    expect(parseClientAddressPolicy({ trustedProxies: '1', header: 'cf-connecting-ip' }).ok).toBe(false);
    expect(parseClientAddressPolicy({ header: 'x real ip' }).ok).toBe(false);
  });
});

describe('createClientAddressReader', () => {
  it('warns in production when nothing is trusted, and when most recent requests had no address', () => {
    expect(createClientAddressReader(policy(), { production: true }).health().warning).toMatch(/TRUSTED_PROXIES and CLIENT_ADDRESS_HEADER are unset/);
    const reader = createClientAddressReader(policy('1'), { sampleSize: 10 });
    for (let i = 0; i < 10; i += 1) reader.read(xff(`198.51.100.${i}`));
    expect(reader.health()).toEqual({ source: 'hops', recent: { requests: 10, unknown: 0, distinct: 10 }, warning: null });
    for (let i = 0; i < 5; i += 1) reader.read(new Headers());
    expect(reader.health().recent).toEqual({ requests: 10, unknown: 5, distinct: 5 });
    expect(reader.health().warning).toMatch(/5 of the last 10 requests had no trusted client address/);
  });

  it('warns when every recent request came from one address (a proxy counted as the client)', () => {
    const reader = createClientAddressReader(policy('1'));
    for (let i = 0; i < 60; i += 1) reader.read(xff('10.0.0.1'));
    expect(reader.health().warning).toMatch(/all came from one address/);
  });
});
