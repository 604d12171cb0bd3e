// The fuzzer's seeded choices, on the tests' PRNG (mulberry32) so a case number and seed always
// rebuild the same bytes.

import { prng } from '../../test/helpers/prng';

export class FuzzRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = prng(seed);
  }

  /** 0 ≤ n < bound. */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('FuzzRandom.pick: nothing to pick from');
    return items[this.int(items.length)];
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(256));
  }
}

/** Lengths and counts that break arithmetic: zero, off-by-one around limits, 2^31 and beyond. */
export const INTERESTING_32 = [0, 1, 0xff, 0xffff, 0x10000, 262_144, 262_145, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff] as const;

/** Decimal lengths an MSNP or HTTP parser may trust: huge, negative, not numbers. */
export const INTERESTING_DECIMALS = ['0', '-1', '2147483647', '2147483648', '4294967295', '4294967296', '9007199254740993', '1e9', '99999999999999999999', ' ', 'x'] as const;
