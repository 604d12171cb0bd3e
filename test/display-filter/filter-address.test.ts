// Address parsing and prefix comparison for ip.addr / ip.src / ip.dst.
import { describe, expect, it } from 'vitest';
import { compareAddresses, parseIpAddress, parseIpPrefix } from '../../src/shared/display-filter/filter-address';

describe('parseIpAddress', () => {
  it.each([
    ['10.0.0.1', [0x0a00, 0x0001]],
    ['255.255.255.255', [0xffff, 0xffff]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['0:0::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['2001:db8::', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]],
    ['FE80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['::ffff:10.0.0.1', [0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001]],
    ['::1.2.3.4', [0, 0, 0, 0, 0, 0, 0x0102, 0x0304]],
    ['1:2:3:4:5:6:1.2.3.4', [1, 2, 3, 4, 5, 6, 0x0102, 0x0304]],
  ])('%s', (text, groups) => {
    expect(parseIpAddress(text)?.groups).toEqual(groups);
  });

  it.each(['10.0.0', '10.0.0.256', '1.2.3.4.5', 'a.b.c.d', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', ':1.2.3.4', 'alice@example.com', ''])(
    'rejects %s', (text) => {
      expect(parseIpAddress(text)).toBeNull();
    });
});

describe('prefixes', () => {
  it('parses bits and bounds them by the family', () => {
    expect(parseIpPrefix('10.0.0.0/8')?.bits).toBe(8);
    expect(parseIpPrefix('10.0.0.1')?.bits).toBe(32);
    expect(parseIpPrefix('fe80::/10')?.bits).toBe(10);
    expect(parseIpPrefix('10.0.0.0/33')).toBeNull();
    expect(parseIpPrefix('::/129')).toBeNull();
  });

  it('compares only the prefix bits', () => {
    const net = parseIpPrefix('192.168.0.0/16')!;
    expect(compareAddresses(parseIpAddress('192.168.77.1')!, net, net.bits)).toBe(0);
    expect(compareAddresses(parseIpAddress('192.169.0.1')!, net, net.bits)).toBe(1);
    const ll = parseIpPrefix('fe80::/10')!;
    expect(compareAddresses(parseIpAddress('febf::1')!, ll, ll.bits)).toBe(0);
    expect(compareAddresses(parseIpAddress('fec0::1')!, ll, ll.bits)).toBe(1);
    expect(compareAddresses(parseIpAddress('10.0.0.1')!, parseIpAddress('::1')!)).toBeNaN();
  });
});
