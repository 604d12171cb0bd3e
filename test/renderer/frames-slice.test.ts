import { describe, expect, it } from 'vitest';
import { appendRows, initialFrames, sortRows } from '../../src/renderer/store/frames-slice';
import { FrameSet } from '../../src/renderer/store/frame-set';
import { row, rows } from './rows';

describe('frames slice', () => {
  it('appends batches in place and counts them', () => {
    const state = { ...initialFrames(), matching: null };
    const first = { ...state, ...appendRows(state, rows(3)) };
    const second = { ...first, ...appendRows(first, rows(2, 4)) };
    expect(second.rowCount).toBe(5);
    expect(second.rows).toBe(state.rows);
    expect(second.firstTimeUs).toBe(1_000_000);
    // The older state still sees only its own prefix.
    expect(first.rowCount).toBe(3);
  });

  it('drops malformed and out-of-order rows instead of failing', () => {
    const state = { ...initialFrames(), matching: null };
    const next = { ...state, ...appendRows(state, [row(1), { number: 'x' }, null, row(3), row(2), row(3), row(4)]) };
    expect(next.rows.slice(0, next.rowCount).map((r) => r.number)).toEqual([1, 3, 4]);
  });

  it('returns no change for an empty or fully rejected batch', () => {
    const state = { ...initialFrames(), matching: null };
    expect(appendRows(state, [])).toEqual({});
    expect(appendRows(state, [{ bogus: true }])).toEqual({});
  });

  it('keeps a filtered, sorted order up to date while rows arrive', () => {
    let state = { ...initialFrames(), matching: new FrameSet([1, 2, 4]) };
    state = { ...state, ...sortRows(state, { column: 'number', desc: true }) };
    state = { ...state, ...appendRows(state, rows(4)) };
    expect(Array.from(state.order ?? [], (i) => state.rows[i].number)).toEqual([4, 2, 1]);
  });
});
