// Address text: dotted IPv4 (through the intern cache, also past its size limit) and RFC 5952
// IPv6 (examples from RFC 5952 §4 and §5).

import { describe, expect, it } from 'vitest';
import { canonicalIpText, ipv4Text, ipv6Text, macText } from '../../src/main/engine/decode/ip-address-text';
import { hexToBytes, parseIpv6 } from '../helpers/packet-builder';

describe('ipv4Text', () => {
  it('formats at an offset', () => {
    expect(ipv4Text(hexToBytes('ff ff c0 a8 00 72'), 2)).toBe('192.168.0.114');
    expect(ipv4Text(hexToBytes('00 00 00 00'), 0)).toBe('0.0.0.0');
    expect(ipv4Text(hexToBytes('ff ff ff ff'), 0)).toBe('255.255.255.255');
    expect(ipv4Text(hexToBytes('80 00 00 01'), 0)).toBe('128.0.0.1'); // negative int32 key
  });

  it('stays right for many distinct addresses (cache refills)', () => {
    const bytes = new Uint8Array(4);
    for (let i = 0; i < 20000; i += 7) {
      bytes.set([10, (i >> 16) & 255, (i >> 8) & 255, i & 255]);
      expect(ipv4Text(bytes, 0)).toBe(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    }
  });
});

describe('ipv6Text (RFC 5952)', () => {
  const text = (address: string) => ipv6Text(parseIpv6(address), 0);

  it.each([
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // first of equal runs
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // longest run
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group stays
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['fe80:0:0:0:0:0:0:0', 'fe80::'],
    ['2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff'],
    ['0:0:0:0:0:ffff:c000:0201', '::ffff:192.0.2.1'], // IPv4-mapped keeps the dotted quad
  ])('%s → %s', (input, expected) => {
    expect(text(input)).toBe(expected);
  });
});

describe('macText', () => {
  it('formats colon-separated lower-case hex', () => {
    expect(macText(hexToBytes('00 16 CE 6E 8B 24'), 0)).toBe('00:16:ce:6e:8b:24');
  });
});

describe('canonicalIpText', () => {
  it.each([
    ['2001:DB8:0:0::20', '2001:db8::20'],
    ['2001:0db8:0000:0000:0000:0000:0000:0020', '2001:db8::20'],
    ['[fe80::1%eth0]', 'fe80::1'],
    ['::FFFF:192.0.2.1', '::ffff:192.0.2.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ])('%s → %s (RFC 5952)', (given, expected) => {
    expect(canonicalIpText(given)).toBe(expected);
  });
  it.each(['192.0.2.1', '1:2:3', '1::2::3', 'g::1', '1:2:3:4:5:6:7:8:9', '::1.2.3.999'])('leaves %s as written', (given) => {
    expect(canonicalIpText(given)).toBe(given);
  });
});
