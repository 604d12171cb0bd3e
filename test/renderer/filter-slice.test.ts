import { describe, expect, it } from 'vitest';
import { answerFilter, filterIsStale, initialFilter, requestFilter } from '../../src/renderer/store/filter-slice';
import { appendRows, initialFrames } from '../../src/renderer/store/frames-slice';
import { rows } from './rows';

function loaded(count: number) {
  const base = { ...initialFrames(), ...initialFilter() };
  return { ...base, ...appendRows(base, rows(count)) };
}

const shown = (s: ReturnType<typeof loaded>) =>
  s.order === null ? s.rows.slice(0, s.rowCount).map((r) => r.number) : Array.from(s.order, (i) => s.rows[i].number);

describe('display filter slice', () => {
  it('shows the matching frames once the back end answers', () => {
    let s = loaded(5);
    s = { ...s, ...requestFilter(s, '  msnp.cmd == MSG ') };
    expect(s.filterRequest).toBe('msnp.cmd == MSG');
    expect(shown(s)).toEqual([1, 2, 3, 4, 5]);
    s = { ...s, ...answerFilter(s, 'msnp.cmd == MSG', 5, { ok: true, frames: [2, 4] }) };
    expect(s.appliedFilter).toBe('msnp.cmd == MSG');
    expect(shown(s)).toEqual([2, 4]);
  });

  it('keeps the previous filter and reports the reason when the back end rejects one', () => {
    let s = loaded(3);
    s = { ...s, ...requestFilter(s, 'tcp') };
    s = { ...s, ...answerFilter(s, 'tcp', 3, { ok: true, frames: [1] }) };
    s = { ...s, ...requestFilter(s, 'msnp.cmd ==') };
    s = { ...s, ...answerFilter(s, 'msnp.cmd ==', 3, { ok: false, error: 'value expected', position: 11 }) };
    expect(s.appliedFilter).toBe('tcp');
    expect(shown(s)).toEqual([1]);
    expect(s.filterCheck).toEqual({ status: 'invalid', error: 'value expected', position: 11 });
  });

  it('ignores an answer to a request that was superseded', () => {
    let s = loaded(3);
    s = { ...s, ...requestFilter(s, 'a') };
    s = { ...s, ...requestFilter(s, 'b') };
    expect(answerFilter(s, 'a', 3, { ok: true, frames: [1] })).toEqual({});
  });

  it('clears at once with an empty expression', () => {
    let s = loaded(3);
    s = { ...s, ...requestFilter(s, 'x') };
    s = { ...s, ...answerFilter(s, 'x', 3, { ok: true, frames: [] }) };
    expect(shown(s)).toEqual([]);
    s = { ...s, ...requestFilter(s, '') };
    expect(s.appliedFilter).toBe('');
    expect(shown(s)).toEqual([1, 2, 3]);
  });

  it('is stale when rows arrived after the answer it covers', () => {
    let s = loaded(3);
    s = { ...s, ...requestFilter(s, 'x') };
    s = { ...s, ...answerFilter(s, 'x', 3, { ok: true, frames: [1] }) };
    expect(filterIsStale(s)).toBe(false);
    s = { ...s, ...appendRows(s, rows(2, 4)) };
    expect(filterIsStale(s)).toBe(true);
  });
});
