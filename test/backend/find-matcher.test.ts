// Find Packet's byte tests on hand-built bytes: UTF-16LE ("wide") strings, ASCII case folding
// (letters only, as Wireshark's g_ascii_toupper), hex values in the spellings people paste, and the
// frame bitset the marks live in.
import { describe, expect, it } from 'vitest';
import { bytesContain, frameTest, parseHexValue, type FrameTexts } from '../../src/main/backend/find-matcher';
import { FrameBits } from '../../src/main/backend/frame-bits';
import type { FindQuery } from '../../src/shared/navigation';

// "..h.i.!." : 00 01 68 00 69 00 21 00 — "hi!" in UTF-16LE after two other bytes.
const WIDE = Uint8Array.of(0x00, 0x01, 0x68, 0x00, 0x69, 0x00, 0x21, 0x00);
// "xHI!" : 78 48 49 21 — "HI!" in ASCII.
const NARROW = Uint8Array.of(0x78, 0x48, 0x49, 0x21);

const texts = (bytes: Uint8Array): FrameTexts => ({ columns: () => [], details: async () => null, bytes: () => bytes, filter: () => false });

function matches(query: Partial<FindQuery> & { text: string }, bytes: Uint8Array): boolean | Promise<boolean> {
  const built = frameTest({ mode: 'string', scope: 'bytes', caseSensitive: true, encoding: 'narrow', ...query });
  if (!built.ok) throw new Error(built.error);
  return built.test(0, texts(bytes));
}

describe('find-matcher', () => {
  it('finds a UTF-16LE string only when asked for wide or both', () => {
    expect(matches({ text: 'hi!', encoding: 'narrow' }, WIDE)).toBe(false);
    expect(matches({ text: 'hi!', encoding: 'wide' }, WIDE)).toBe(true);
    expect(matches({ text: 'hi!', encoding: 'both' }, WIDE)).toBe(true);
    expect(matches({ text: 'hi!', encoding: 'wide' }, NARROW)).toBe(false);
  });

  it('folds ASCII letters only when not case sensitive', () => {
    expect(matches({ text: 'hi!' }, NARROW)).toBe(false);
    expect(matches({ text: 'hi!', caseSensitive: false }, NARROW)).toBe(true);
    expect(matches({ text: 'HI!', caseSensitive: false, encoding: 'wide' }, WIDE)).toBe(true);
    // "[" (0x5b) is not a letter: it never equals "{" (0x7b).
    expect(bytesContain(Uint8Array.of(0x5b), Uint8Array.of(0x7b), true)).toBe(false);
  });

  it('reads hex values spaced, with colons, dashes or 0x, and refuses odd or non-hex text', () => {
    for (const text of ['48 49 21', '48:49:21', '48-49-21', '0x484921', '484921']) expect(parseHexValue(text)).toEqual(Uint8Array.of(0x48, 0x49, 0x21));
    expect(parseHexValue('484')).toBeNull();
    expect(parseHexValue('zz')).toBeNull();
    expect(frameTest({ mode: 'hex', text: 'zz', scope: 'bytes', caseSensitive: true, encoding: 'narrow' })).toMatchObject({ ok: false });
  });

  it('keeps one bit per frame and counts them', () => {
    const bits = new FrameBits();
    expect(bits.has(3_000_000)).toBe(false);
    bits.set(3_000_000, true);
    expect(bits.toggle(7)).toBe(true);
    expect(bits.toggle(7)).toBe(false);
    bits.set(31, true);
    bits.set(31, true);
    expect([bits.has(31), bits.has(32), bits.has(3_000_000), bits.count]).toEqual([true, false, true, 2]);
    bits.clear();
    expect(bits.count).toBe(0);
  });
});
