// errorMeaning: PROTOCOL.md's list and seed 003's examples.
import { describe, expect, it } from 'vitest';
import { errorMeaning, knownErrorCodes } from '../../src/main/engine/msnp/error-codes';

describe('errorMeaning', () => {
  it.each([
    [200, 'syntax error'],
    ['205', 'invalid user (account does not exist)'],
    [217, 'user not online'],
    ['540', 'challenge response failed'],
    [911, 'authentication failed'],
    [928, 'bad ticket'],
  ] as const)('%s → %s', (code, meaning) => {
    expect(errorMeaning(code)).toBe(meaning);
  });
  it('unknown codes and non-codes', () => {
    expect(errorMeaning(999)).toBeNull();
    expect(errorMeaning('MSG')).toBeNull();
    expect(errorMeaning('2050')).toBeNull();
  });
  it('covers every code PROTOCOL.md lists', () => {
    const listed = [200, 201, 205, 206, 207, 208, 209, 210, 215, 216, 217, 218, 219, 223, 224, 225, 229, 230, 231, 280, 281, 282, 300, 302, 500, 540, 600, 707, 710, 711, 713, 715, 717, 800, 910, 911, 913, 920, 921, 924, 928];
    const known = new Set(knownErrorCodes());
    expect(listed.filter((c) => !known.has(c))).toEqual([]);
  });
});
