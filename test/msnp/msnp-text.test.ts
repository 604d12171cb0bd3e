// decodeMsnpText: %XX over UTF-8, invalid escapes kept as sent.
import { describe, expect, it } from 'vitest';
import { decodeMsnpText } from '../../src/main/engine/msnp/msnp-text';

describe('decodeMsnpText', () => {
  it.each([
    ['Famille%20VERNE%20-%20Etape%205,%20Freebox', 'Famille VERNE - Etape 5, Freebox'],
    ['%E5%AE%8B%E4%BD%93', '宋体'], // seed 003: the font name 宋体
    ['a+b', 'a+b'],
    ['100%', '100%'],
    ['%ZZok', '%ZZok'],
    ['x%E4%BDy', 'x%E4%BDy'], // truncated UTF-8 sequence
    ['%FF%41', '%FFA'],
    ['%C3%A7a va', 'ça va'],
    ['raw 好友 %41', 'raw 好友 A'],
  ])('%j → %j', (input, expected) => {
    expect(decodeMsnpText(input)).toBe(expected);
  });

  it('stays linear on long runs of invalid escapes', () => {
    const input = '%FF'.repeat(20000);
    const t = performance.now();
    expect(decodeMsnpText(input)).toBe(input);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
