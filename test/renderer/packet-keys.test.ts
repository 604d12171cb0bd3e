// Packet list keyboard navigation over the displayed rows.
import { describe, expect, it } from 'vitest';
import { nextPosition } from '../../src/renderer/features/packet-list/use-packet-keys';

describe('packet list keys', () => {
  it('moves within the displayed rows', () => {
    expect(nextPosition('ArrowDown', -1, 10, 4)).toBe(0);
    expect(nextPosition('ArrowDown', 9, 10, 4)).toBe(9);
    expect(nextPosition('ArrowUp', 0, 10, 4)).toBe(0);
    expect(nextPosition('PageDown', 7, 10, 4)).toBe(9);
    expect(nextPosition('PageUp', 3, 10, 4)).toBe(0);
    expect(nextPosition('End', 2, 10, 4)).toBe(9);
    expect(nextPosition('Home', 5, 10, 4)).toBe(0);
    expect(nextPosition('x', 5, 10, 4)).toBeNull();
    expect(nextPosition('ArrowDown', -1, 0, 4)).toBeNull();
  });
});
