// The spare analysis worker: started once ahead, handed to the next capture, replaced only when
// asked again; a spare that dies while waiting is never handed out; disposing terminates it.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SpareWorker } from '../../src/main/backend/spare-worker';
import type { WorkerLike } from '../../src/main/backend/worker-client';

class FakeWorker extends EventEmitter {
  terminated = false;
  constructor(readonly id: number) {
    super();
  }
  postMessage(): void {}
  async terminate(): Promise<number> {
    this.terminated = true;
    return 0;
  }
}

function spawner() {
  const spawned: FakeWorker[] = [];
  const spawn = () => {
    const w = new FakeWorker(spawned.length + 1);
    spawned.push(w);
    return w as unknown as WorkerLike;
  };
  return { spawned, spawn };
}

describe('SpareWorker', () => {
  it('hands out the worker started ahead, and starts the next one only when warmed again', () => {
    const { spawned, spawn } = spawner();
    const spare = new SpareWorker(spawn);
    spare.warm();
    spare.warm();
    expect(spawned).toHaveLength(1);
    expect((spare.take() as unknown as FakeWorker).id).toBe(1);
    expect((spare.take() as unknown as FakeWorker).id).toBe(2);
    spare.warm();
    expect(spawned).toHaveLength(3);
    expect((spare.take() as unknown as FakeWorker).id).toBe(3);
  });

  it('drops a spare that exits or fails while it waits', () => {
    const { spawned, spawn } = spawner();
    const spare = new SpareWorker(spawn);
    spare.warm();
    spawned[0].emit('exit', 1);
    expect((spare.take() as unknown as FakeWorker).id).toBe(2);
    spare.warm();
    spawned[2].emit('error', new Error('boom'));
    expect((spare.take() as unknown as FakeWorker).id).toBe(4);
  });

  it('terminates the waiting spare on dispose', async () => {
    const { spawned, spawn } = spawner();
    const spare = new SpareWorker(spawn);
    spare.warm();
    await spare.dispose();
    expect(spawned[0].terminated).toBe(true);
  });
});
