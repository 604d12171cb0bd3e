// MsnpFramer stays linear on hostile shapes: big bodies and long lines in tiny pushes.
// Time limits are loose (a quadratic path would take minutes, not seconds).
import { describe, expect, it } from 'vitest';
import { bytes, harness } from './framer-harness';

describe('MsnpFramer cost', () => {
  it('a 1 MiB body in 100-byte pushes', () => {
    const h = harness('c2s', 12);
    const t = performance.now();
    h.framer.push(bytes('MSG 5 D 1048576\r\n'), 0, 0);
    const piece = new Uint8Array(100).fill(0x61);
    for (let i = 0; i < 10485; i++) h.framer.push(piece, i + 1, 0);
    h.framer.push(new Uint8Array(76).fill(0x62), 10486, 0);
    expect(h.commands).toHaveLength(1);
    expect(h.commands[0].body!.length).toBe(1048576);
    expect(h.commands[0].body![1048575]).toBe(0x62);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('a 16 KiB line pushed byte by byte', () => {
    const h = harness('s2c', 12);
    const t = performance.now();
    const line = `NLN NLN a@b.c ${'x'.repeat(16 * 1024 - 20)}\r\n`;
    const b = bytes(line);
    for (let i = 0; i < b.length; i++) h.framer.push(b.subarray(i, i + 1), 1, 0);
    expect(h.commands.map((c) => c.line.length)).toEqual([line.length - 2]);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('a megabyte of garbage while resynchronising', () => {
    const h = harness('s2c', 12);
    h.framer.gap(1, 1, 0);
    const junk = new Uint8Array(1 << 20).fill(0x7a);
    for (let i = 0; i < junk.length; i += 1 << 16) junk[i] = 0x0a;
    const t = performance.now();
    h.framer.push(junk, 2, 0);
    h.framer.push(bytes('\nPNG\r\n'), 3, 0);
    expect(h.commands.map((c) => c.verb)).toEqual(['PNG']);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});
