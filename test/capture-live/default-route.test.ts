// The default interface is the one of the default route in /proc/net/route (hex fields,
// little-endian addresses: 010200C0 is 192.0.2.1), the lowest metric winning.
import { describe, expect, it } from 'vitest';
import { defaultRouteInterface } from '../../src/main/capture/interface-list';

const HEADER = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';

describe('defaultRouteInterface', () => {
  it('picks the 0.0.0.0/0 route', () => {
    const table = [HEADER,
      'eth1\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
      'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0'].join('\n');
    expect(defaultRouteInterface(table, null)).toBe('eth0');
  });

  it('prefers the lower metric among several default routes', () => {
    const table = [HEADER,
      'wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
      'eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0'].join('\n');
    expect(defaultRouteInterface(table, null)).toBe('eth0');
  });

  it('falls back to the IPv6 default route, and to null without one', () => {
    const v6 = '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003 wlan0';
    expect(defaultRouteInterface(HEADER, v6)).toBe('wlan0');
    expect(defaultRouteInterface(HEADER, '')).toBeNull();
  });
});
