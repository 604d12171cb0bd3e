// Sequence-number arithmetic modulo 2^32 (RFC 1982 style comparisons).

import { describe, expect, it } from 'vitest';
import { seqAdd, seqDiff } from '../../src/main/engine/tcp/seq-math';

describe('seqDiff / seqAdd', () => {
  it('orders numbers across the 2^32 wrap', () => {
    expect(seqDiff(0x00000005, 0xfffffffb)).toBe(10);
    expect(seqDiff(0xfffffffb, 0x00000005)).toBe(-10);
    expect(seqDiff(1000, 1000)).toBe(0);
  });

  it('is valid up to 2^31 - 1 apart', () => {
    expect(seqDiff(0x7fffffff, 0)).toBe(0x7fffffff);
    expect(seqDiff(0x80000000, 0)).toBe(-0x80000000); // the ambiguous half-way point
  });

  it('adds with wrap to an unsigned value', () => {
    expect(seqAdd(0xffffffff, 1)).toBe(0);
    expect(seqAdd(0xfffffff1, 20)).toBe(5);
    expect(seqAdd(5, 0)).toBe(5);
  });
});
