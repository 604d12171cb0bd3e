// Bridging-Offsets (MSNP21 SDG P2P data): where each bundled P2P packet starts in the body.
// Offsets that do not fit are not followed: the body is then one packet and the reason is given.
import { describe, expect, it } from 'vitest';
import { bridgedPackets } from '../../src/main/engine/p2p/bridging-offsets';
import { makeMimeMessage } from '../../src/main/engine/message/parse-mime-message';

const BODY = Uint8Array.from({ length: 30 }, (_, i) => i);
const withOffsets = (value: string | null) => makeMimeMessage(value === null ? [] : [['Bridging-Offsets', value]], BODY, 0);

describe('bridgedPackets', () => {
  it('cuts the body at each offset', () => {
    const r = bridgedPackets(withOffsets('0,8,20'));
    expect(r.problem).toBeNull();
    expect(r.packets.map((p) => [p.at, Array.from(p.bytes)])).toEqual([
      [0, [0, 1, 2, 3, 4, 5, 6, 7]],
      [8, [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]],
      [20, [20, 21, 22, 23, 24, 25, 26, 27, 28, 29]],
    ]);
  });

  it('takes the body whole without the header, or with "0"', () => {
    for (const value of [null, '0']) {
      const r = bridgedPackets(withOffsets(value));
      expect(r.problem).toBeNull();
      expect(r.packets).toEqual([{ at: 0, bytes: BODY }]);
    }
  });

  it.each([
    ['8,20', 'not starting at 0'],
    ['0,20,8', 'not ascending'],
    ['0,30', 'at the end of the body'],
    ['0,x', 'not a number'],
  ])('does not follow %s (%s)', (value) => {
    const r = bridgedPackets(withOffsets(value));
    expect(r.packets).toEqual([{ at: 0, bytes: BODY }]);
    expect(r.problem).toContain(value);
  });
});
