import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/renderer/store/event-queue';

describe('per-animation-frame event queue', () => {
  it('applies everything pushed before the frame as one batch, in order', () => {
    const frames: Array<() => void> = [];
    const batches: number[][] = [];
    const queue = new EventQueue<number>((b) => batches.push(b), (cb) => frames.push(cb));
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(frames).toHaveLength(1);
    expect(batches).toEqual([]);
    frames[0]();
    expect(batches).toEqual([[1, 2, 3]]);
    queue.push(4);
    expect(frames).toHaveLength(2);
    frames[1]();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('does not apply an empty batch', () => {
    const batches: number[][] = [];
    const queue = new EventQueue<number>((b) => batches.push(b), () => {});
    queue.flush();
    expect(batches).toEqual([]);
  });
});
