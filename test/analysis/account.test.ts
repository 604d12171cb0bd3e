import { describe, expect, it } from 'vitest';
import { hasMachineGuid, hasNetworkPrefix, looksLikeAccount, normalizeAccount } from '../../src/main/engine/analysis/account';

describe('normalizeAccount', () => {
  it('drops the MSNP16+ point of presence and the MSNP18 network prefix', () => {
    // Forms from the MSNP18 capture: IRO/JOI/BYE name both, UBX/NLN/FLN carry `1:`.
    expect(normalizeAccount('alice@example.com;{42B97F22-15C1-2133-28B8-864229612F7E}')).toBe('alice@example.com');
    expect(normalizeAccount('bob@example.com;{960748a6-b9d0-312a-4569-b15f5be85736}')).toBe('bob@example.com');
    expect(normalizeAccount('1:bob@example.com')).toBe('bob@example.com');
  });

  it('lower-cases (Passport names are case-insensitive)', () => {
    expect(normalizeAccount('Tesla_Brian@Hotmail.com')).toBe('tesla_brian@hotmail.com');
  });

  it('recognises the decorations it drops', () => {
    expect(hasNetworkPrefix('1:bob@example.com')).toBe(true);
    expect(hasNetworkPrefix('bob@example.com')).toBe(false);
    expect(hasMachineGuid('alice@example.com;{42B97F22-15C1-2133-28B8-864229612F7E}')).toBe(true);
    expect(hasMachineGuid('alice@example.com')).toBe(false);
  });

  it('tells accounts from other tokens', () => {
    expect(looksLikeAccount('alice@example.com')).toBe(true);
    expect(looksLikeAccount('Hotmail')).toBe(false);
    expect(looksLikeAccount('@example.com')).toBe(false);
    expect(looksLikeAccount(undefined)).toBe(false);
  });
});
