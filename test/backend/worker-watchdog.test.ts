// The watchdog's decisions on a progress board moved by hand and a clock set by hand (the worker
// side of the board is exercised by worker-watchdog-backend.test.ts with the real worker).
import { describe, expect, it } from 'vitest';
import { ProgressBoard } from '../../src/main/backend/progress-board';
import { WorkerWatchdog, type Stall } from '../../src/main/backend/worker-watchdog';

function watched() {
  const board = new ProgressBoard();
  let now = 0;
  const seen: string[] = [];
  const stalls: Stall[] = [];
  const dog = new WorkerWatchdog(board, { stallMs: 1000, stopMs: 3000 }, {
    stalled: (s) => { seen.push('stalled'); stalls.push(s); },
    resumed: () => seen.push('resumed'),
    expired: (s) => { seen.push('expired'); stalls.push(s); },
  }, () => now);
  const at = (ms: number) => {
    now = ms;
    dog.check();
  };
  return { board, dog, seen, stalls, at };
}

describe('WorkerWatchdog', () => {
  it('says nothing before the first heartbeat: loading a worker is not a stall', () => {
    const { seen, at } = watched();
    at(5000);
    expect(seen).toEqual([]);
  });

  it('reports a frame that does not return once, then expires at the hard bound', () => {
    const { board, dog, seen, stalls, at } = watched();
    board.beat();
    at(0);
    board.frameStarted(1);
    board.frameDone(1);
    board.frameStarted(2);
    at(100); // frame 1 done: progress
    at(1099);
    expect(seen).toEqual([]);
    at(1100);
    at(2000);
    expect(seen).toEqual(['stalled']);
    expect(stalls[0]).toEqual({ frame: 2, lastDone: 1, finishing: false, ms: 1000 });
    expect(dog.stalled?.frame).toBe(2);
    at(3100);
    at(9000);
    expect(seen).toEqual(['stalled', 'expired']);
  });

  it('keeps quiet while the heartbeat goes on, and says when a stalled worker moves again', () => {
    const { board, dog, seen, at } = watched();
    board.beat();
    at(0);
    for (let t = 900; t < 5000; t += 900) {
      board.beat();
      at(t);
    }
    expect(seen).toEqual([]);
    at(7000);
    expect(seen).toEqual(['stalled']);
    expect(dog.stalled).toMatchObject({ frame: null, lastDone: 0 });
    board.beat();
    at(7100);
    expect(seen).toEqual(['stalled', 'resumed']);
    expect(dog.stalled).toBeNull();
  });
});
