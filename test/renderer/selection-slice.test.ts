import { describe, expect, it } from 'vitest';
import type { FrameDetail } from '../../src/shared/model';
import { initialSelection, receiveDetail, selectFrame } from '../../src/renderer/store/selection-slice';

const detail = (number: number): FrameDetail => ({ number, tree: [{ label: 'Frame' }], bytes: new Uint8Array([1, 2]) });

describe('selection slice', () => {
  it('selecting a frame waits for its detail', () => {
    const s = { ...initialSelection(), ...selectFrame(initialSelection(), 7, false) };
    expect(s).toMatchObject({ selectedFrame: 7, detailStatus: 'loading', detail: null });
    expect({ ...s, ...receiveDetail(s, 7, detail(7)) }.detailStatus).toBe('ready');
  });

  it('ignores a late detail for a frame no longer selected', () => {
    let s = { ...initialSelection(), ...selectFrame(initialSelection(), 7, false) };
    s = { ...s, ...selectFrame(s, 8, false) };
    expect(receiveDetail(s, 7, detail(7))).toEqual({});
  });

  it('turns bytes sent as a plain array into a Uint8Array', () => {
    const s = { ...initialSelection(), ...selectFrame(initialSelection(), 3, false) };
    const sent = { number: 3, tree: [], bytes: [0x4d, 0x53, 0x47] } as unknown as FrameDetail;
    const next = { ...s, ...receiveDetail(s, 3, sent) };
    expect(next.detail?.bytes).toEqual(new Uint8Array([0x4d, 0x53, 0x47]));
  });

  it('reselecting the same frame only asks to scroll', () => {
    const s = { ...initialSelection(), ...selectFrame(initialSelection(), 2, false) };
    expect(selectFrame(s, 2, false)).toEqual({});
    expect(selectFrame(s, 2, true)).toEqual({ scrollToken: 1 });
  });

  it('a missing frame is reported as such', () => {
    const s = { ...initialSelection(), ...selectFrame(initialSelection(), 2, false) };
    expect(receiveDetail(s, 2, null).detailStatus).toBe('missing');
  });
});
