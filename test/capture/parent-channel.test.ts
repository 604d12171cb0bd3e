// The capture process's channel to the app: in an Electron utility process it is
// process.parentPort (faked here, as Electron cannot run here), where requests arrive as
// event.data and the app's CLOSE_MESSAGE stands for a disconnect.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CLOSE_MESSAGE, parentChannel, type ParentPort } from '../../src/main/capture/parent-channel';
import type { CaptureRequest } from '../../src/main/capture/capture-protocol';

function fakeUtilityProcess() {
  const port = new EventEmitter() as EventEmitter & ParentPort & { posted: unknown[] };
  port.posted = [];
  port.postMessage = (m: unknown) => void port.posted.push(m);
  const proc = { parentPort: port, send: undefined } as unknown as NodeJS.Process & { parentPort: ParentPort };
  return { proc, port };
}

describe('parentChannel in a utility process', () => {
  it('delivers requests, posts replies and closes on the app\'s close message', () => {
    const { proc, port } = fakeUtilityProcess();
    const channel = parentChannel(proc)!;
    const requests: CaptureRequest[] = [];
    let closed = 0;
    channel.onRequest((r) => requests.push(r));
    channel.onClose(() => closed++);

    port.emit('message', { data: { id: 1, op: 'list' } });
    let written = false;
    channel.send({ id: 1, ok: true }, () => { written = true; });
    expect(requests).toEqual([{ id: 1, op: 'list' }]);
    expect(port.posted).toEqual([{ id: 1, ok: true }]);
    expect(written).toBe(true);
    expect(channel.connected()).toBe(true);

    port.emit('message', { data: CLOSE_MESSAGE });
    expect(closed).toBe(1);
    expect(channel.connected()).toBe(false);
    // Nothing goes out or comes in once closed.
    channel.send({ id: 2, ok: true });
    port.emit('message', { data: { id: 3, op: 'stats' } });
    expect(port.posted).toHaveLength(1);
    expect(requests).toHaveLength(1);
  });

  it('is null in a process started with no channel', () => {
    expect(parentChannel({ send: undefined } as unknown as NodeJS.Process)).toBeNull();
  });
});
