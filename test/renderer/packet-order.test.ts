import { describe, expect, it } from 'vitest';
import { FrameSet } from '../../src/renderer/store/frame-set';
import { buildOrder, displayPositionOf, extendOrder, findRowIndex } from '../../src/renderer/store/packet-order';
import { row, rows } from './rows';

const numbers = (all: ReturnType<typeof rows>, order: Int32Array | null) => Array.from(order ?? [], (i) => all[i].number);

describe('packet display order', () => {
  it('needs no index array for all rows in frame order', () => {
    expect(buildOrder(rows(5), 5, null, null)).toBeNull();
    expect(buildOrder(rows(5), 5, null, { column: 'number', desc: false })).toBeNull();
  });

  it('keeps only the frames the filter matched', () => {
    const all = rows(6);
    expect(numbers(all, buildOrder(all, 6, new FrameSet([2, 5, 99]), null))).toEqual([2, 5]);
  });

  it('sorts by a text column with frame number breaking ties, both directions', () => {
    const all = [row(1, { source: 'b' }), row(2, { source: 'a' }), row(3, { source: 'b' }), row(4, { source: 'a' })];
    expect(numbers(all, buildOrder(all, 4, null, { column: 'source', desc: false }))).toEqual([2, 4, 1, 3]);
    expect(numbers(all, buildOrder(all, 4, null, { column: 'source', desc: true }))).toEqual([3, 1, 4, 2]);
  });

  it('only looks at the first `count` rows', () => {
    const all = rows(4);
    expect(numbers(all, buildOrder(all, 2, null, { column: 'number', desc: true }))).toEqual([2, 1]);
  });

  it('merges appended rows into a sorted order as if sorted from scratch', () => {
    const all = [row(1, { length: 50 }), row(2, { length: 10 }), row(3, { length: 30 })];
    const sort = { column: 'length' as const, desc: false };
    const before = buildOrder(all, 3, null, sort);
    all.push(row(4, { length: 20 }), row(5, { length: 60 }), row(6, { length: 10 }));
    const after = extendOrder(before, all, 3, 6, null, sort);
    expect(numbers(all, after)).toEqual([2, 6, 4, 3, 1, 5]);
    expect(numbers(all, after)).toEqual(numbers(all, buildOrder(all, 6, null, sort)));
  });

  it('appends matching new rows at the end when filtered in frame order', () => {
    const all = rows(3);
    const matching = new FrameSet([1, 3, 4]);
    const before = buildOrder(all, 3, matching, null);
    all.push(...rows(2, 4));
    expect(numbers(all, extendOrder(before, all, 3, 5, matching, null))).toEqual([1, 3, 4]);
  });

  it('finds rows by frame number, also when numbers have gaps', () => {
    const gapped = [row(2), row(5), row(9), row(10)];
    expect(findRowIndex(gapped, 4, 9)).toBe(2);
    expect(findRowIndex(gapped, 4, 2)).toBe(0);
    expect(findRowIndex(gapped, 4, 3)).toBe(-1);
    expect(findRowIndex(gapped, 3, 10)).toBe(-1);
    expect(findRowIndex(rows(1000), 1000, 777)).toBe(776);
  });

  it('reports where a frame is displayed, or -1 when the filter hides it', () => {
    const all = rows(5);
    const order = buildOrder(all, 5, new FrameSet([4, 2]), { column: 'number', desc: true });
    expect(displayPositionOf(all, 5, order, 2)).toBe(1);
    expect(displayPositionOf(all, 5, order, 3)).toBe(-1);
    expect(displayPositionOf(all, 5, null, 3)).toBe(2);
  });
});
