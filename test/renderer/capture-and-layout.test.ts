// Interface preselection and pane size limits.
import { describe, expect, it } from 'vitest';
import { preferredDevice } from '../../src/renderer/store/capture-slice';
import { resizeLayout } from '../../src/renderer/store/ui-slice';

describe('store helpers', () => {
  const iface = (name: string, extra: object = {}) => ({ name, description: '', addresses: [], loopback: false, up: true, isDefault: false, ...extra });
  it('preselects the current, else the default, else the first up non-loopback interface', () => {
    expect(preferredDevice([iface('lo', { loopback: true }), iface('eth0')], '')).toBe('eth0');
    expect(preferredDevice([iface('eth0'), iface('wlan0', { isDefault: true })], '')).toBe('wlan0');
    expect(preferredDevice([iface('eth0'), iface('lo')], 'lo')).toBe('lo');
    expect(preferredDevice([], 'lo')).toBe('');
  });
  it('keeps panes within usable sizes', () => {
    expect(resizeLayout({ listFraction: 0.5, treeFraction: 0.5, sideWidth: 500, sideHeight: 300 }, { listFraction: 0.99, sideWidth: 10, sideHeight: 5 }))
      .toEqual({ listFraction: 0.85, treeFraction: 0.5, sideWidth: 200, sideHeight: 120 });
  });
});
