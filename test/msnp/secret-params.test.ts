// secretParamIndexes: which parameter positions hold credentials (tickets, hashes, cookies).
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/shared/model';
import { secretParamIndexes } from '../../src/main/engine/msnp/secret-params';

const secrets = (line: string, direction: Direction): number[] => {
  const [verb, ...params] = line.split(' ');
  return secretParamIndexes({ verb, params, direction });
};

describe('secretParamIndexes', () => {
  it.each([
    ['USR 4 TWN S t=301b5b2aede0&p=', 'c2s', [3]],
    ['USR 21 MD5 S 8d30fc782aa25ec9e1293fdda13cab42', 'c2s', [3]],
    ['USR 4 SSO S t=61f5c6fdeaf2 AsJVw6Tl/RK96yed {42B97F22-15C1-2133-28B8-864229612F7E}', 'c2s', [3, 4]],
    ['USR 5 SHA A PD94bWwgdmVyc2lvbj0i', 'c2s', [3]],
    ['USR 1 alice@example.com f6b5960cd1e6737461a6', 'c2s', [2]],
    ['ANS 89 jujurius@msn.com 1115371039.15845 17069658', 'c2s', [2]],
    ['XFR 19 SB 207.46.108.59:1863 CKI 246503.1115372323.20879', 's2c', [4]],
    ['RNG 17069658 207.46.108.83:1863 CKI 1115371039.15845 cecile260992@hotmail.com choupi', 's2c', [3]],
  ] as const)('%s → %j', (line, dir, expected) => {
    expect(secrets(line, dir)).toEqual(expected);
  });

  it.each([
    ['USR 3 TWN I alice@example.com', 'c2s'],
    ['USR 3 TWN S ct=1,rver=1,wp=FS_40SEC_0_COMPACT,lc=1,id=1', 's2c'],
    ['USR 3 SSO S MBI_KEY_OLD 7FePGHwugnhoVBg6bcLKFcF2DgHx6lAf', 's2c'],
    ['USR 3 MD5 S 1013928519.693957190', 's2c'],
    ['USR 4 OK alice@example.com 1 0', 's2c'],
    ['ANS 89 OK', 's2c'],
    ['XFR 15 SB', 'c2s'],
    ['XFR 3 NS 207.46.106.118:1863 0 207.46.104.20:1863', 's2c'],
    ['QRY 1049 PROD0090YUAUV{2B 32', 'c2s'],
    ['MSG 3 N 139', 'c2s'],
    ['USR 4 TWN S', 'c2s'],
  ] as const)('%s → none', (line, dir) => {
    expect(secrets(line, dir)).toEqual([]);
  });
});
