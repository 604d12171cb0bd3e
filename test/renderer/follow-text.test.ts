// Follow Stream's text modes on bytes written by hand.
import { describe, expect, it } from 'vitest';
import { asciiText, gapText, hexDumpText, rawText, utf8Text } from '../../src/renderer/features/follow-stream/follow-text';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('follow-text', () => {
  it('ASCII keeps line breaks and tabs, CR LF as one break, other bytes as dots', () => {
    expect(asciiText(bytes(0x4d, 0x53, 0x47, 0x0d, 0x0a, 0x09, 0x00, 0xe2, 0x80, 0xae, 0x7f, 0x41))).toBe('MSG\n\t.....A');
  });

  it('UTF-8 decodes, leaves controls for CapturedText to mark, and shows invalid bytes as U+FFFD', () => {
    expect(utf8Text(text('héllo\r\n\u202eexe'))).toBe('héllo\n\u202eexe');
    expect(utf8Text(bytes(0x41, 0xff, 0x42))).toBe('A\ufffdB');
  });

  it('hex dump rows carry the offset in the direction’s stream, two groups of 8 and the text column', () => {
    const row = text('VER 1 MSNP8 CVR0\r\n');
    expect(hexDumpText(row, 0x20).split('\n')).toEqual([
      '00000020  56 45 52 20 31 20 4d 53  4e 50 38 20 43 56 52 30  VER 1 MSNP8 CVR0',
      `00000030  0d 0a ${' '.repeat(3 * 6)} ${' '.repeat(3 * 8)} ..`,
    ]);
  });

  it('raw is one hex stream; gaps say how many bytes are missing', () => {
    expect(rawText(bytes(0x00, 0xab, 0x10))).toBe('00ab10');
    expect(gapText(10)).toBe('[10 bytes missing]');
    expect(gapText(1)).toBe('[1 byte missing]');
  });
});
