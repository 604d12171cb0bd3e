// The browser mode's token leaves the address bar: taken from ?token=, kept for the tab, and the
// URL replaced by the same one without it (other parameters and the fragment kept); a reload
// (no token in the URL) gets it back from the tab's storage; without storage it is still used.
import { describe, expect, it } from 'vitest';
import { takeAccessToken, type TokenEnvironment } from '../../src/renderer/api/access-token';

function tab(search: string, stored: Record<string, string> = {}) {
  const replaced: string[] = [];
  const env: TokenEnvironment = {
    location: { search, pathname: '/', hash: '#frame-3' },
    history: { replaceState: (_d, _u, url) => void replaced.push(url) },
    storage: { getItem: (k) => stored[k] ?? null, setItem: (k, v) => void (stored[k] = v) },
  };
  return { env, replaced, stored };
}

describe('takeAccessToken', () => {
  it('takes the token from the URL, keeps it for the tab and removes it from the address bar', () => {
    const t = tab('?token=abc-DEF_123&view=sessions');
    expect(takeAccessToken(t.env)).toBe('abc-DEF_123');
    expect(t.replaced).toEqual(['/?view=sessions#frame-3']);
    expect(t.stored).toEqual({ 'msnp-analyzer.token': 'abc-DEF_123' });
  });

  it('leaves a bare path when the token was the only parameter', () => {
    const t = tab('?token=abc');
    takeAccessToken(t.env);
    expect(t.replaced).toEqual(['/#frame-3']);
  });

  it('after a reload, gets it back from the tab and touches nothing', () => {
    const t = tab('', { 'msnp-analyzer.token': 'abc' });
    expect(takeAccessToken(t.env)).toBe('abc');
    expect(t.replaced).toEqual([]);
  });

  it('works without storage or history (the cookie carries later loads)', () => {
    const refusing: TokenEnvironment = {
      location: { search: '?token=abc' },
      history: { replaceState: () => { throw new Error('SecurityError'); } },
      storage: { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } },
    };
    expect(takeAccessToken(refusing)).toBe('abc');
    expect(takeAccessToken({ location: { search: '' }, storage: null })).toBe('');
  });
});
