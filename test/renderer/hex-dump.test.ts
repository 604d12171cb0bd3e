// Hex dump pieces of the bytes pane.
import { describe, expect, it } from 'vitest';
import { HEX_BYTE, offsetText, TEXT_BYTE, dumpRowCount } from '../../src/renderer/features/bytes-pane/hex-dump';

describe('hex dump pieces', () => {
  it('formats bytes, text and offsets', () => {
    expect(HEX_BYTE[0x0a]).toBe('0a');
    expect(TEXT_BYTE[0x4d]).toBe('M');
    expect(TEXT_BYTE[0x0d]).toBe('.');
    expect(TEXT_BYTE[0xe4]).toBe('.');
    expect(offsetText(0x1f0, 500)).toBe('01f0');
    expect(offsetText(0x10, 70_000)).toBe('00000010');
    expect(dumpRowCount(17)).toBe(2);
  });
});
