// parseImFormat keeps parsed values per header text (clients repeat one format on every line);
// what it returns must still be the caller's own object, as before the cache.

import { describe, expect, it } from 'vitest';
import { parseImFormat } from '../../src/main/engine/message/im-format';

describe('parseImFormat cache', () => {
  it('a result changed by its caller does not change the next parse of the same text', () => {
    const text = 'FN=Arial; EF=BI; CO=ff; CS=0; PF=22';
    const first = parseImFormat(text);
    first.font = 'changed';
    first.effectNames?.push('changed');
    const second = parseImFormat(text);
    expect(second).toEqual({ font: 'Arial', effects: 'BI', effectNames: ['bold', 'italic'], color: '#ff0000', charsetCode: '0', charset: 'ANSI', pitch: '22' });
    expect(second).not.toBe(first);
  });

  it('a long value (not cached) parses the same', () => {
    const font = 'x'.repeat(300);
    expect(parseImFormat(`FN=${font}; CO=0`)).toEqual({ font, color: '#000000' });
    expect(parseImFormat(`FN=${font}; CO=0`)).toEqual({ font, color: '#000000' });
  });
});
