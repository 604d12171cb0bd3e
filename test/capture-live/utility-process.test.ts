// In Electron without the capture helper, capture runs in a utility process (the app's binary has
// the RunAsNode fuse off). Electron cannot run here, so its utilityProcess.fork is faked by a Node
// child whose process.parentPort rides on Node's IPC (fake-utility-process.ts): the shell's adapter
// (utility-capture.ts), the capture process's channel (parent-channel.ts) and the real capture
// code capture on lo, and the adapter's close message ends the process as a disconnect would.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CaptureChild } from '../../src/main/capture/capture-child';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { forkCaptureUtility } from '../../src/main/electron/utility-capture';
import { assertCapturePrivileges, captureOwnTraffic } from './live-test-kit';

vi.mock('electron', async () => {
  const { fakeUtilityFork } = await import('./fake-utility-process');
  return { utilityProcess: { fork: fakeUtilityFork } };
});

const MESSAGES = ['VER 1 MSNP15 CVR0\r\n', 'OUT\r\n'];

describe('capture in a utility process', () => {
  beforeAll(() => {
    // What Electron's main process looks like to the launch decision.
    Object.defineProperty(process.versions, 'electron', { value: '41.0.0', configurable: true, enumerable: true });
  });
  afterAll(() => {
    delete (process.versions as { electron?: string }).electron;
  });

  it('is what the capture child starts in Electron without the helper, and it exits when closed', async () => {
    assertCapturePrivileges();
    const child = new CaptureChild({ helper: false, forkUtility: forkCaptureUtility });
    expect(child.launch.kind).toBe('utility');
    const reply = await child.request({ op: 'list' });
    expect(reply.ok && 'devices' in reply && reply.devices.some((d) => d.name === 'lo')).toBe(true);
    expect(await child.shutdown(5000)).toMatchObject({ code: 0, signal: null });
  });

  it('captures on lo', async () => {
    assertCapturePrivileges();
    const live = new LiveCapture({ helper: false, forkUtility: forkCaptureUtility });
    try {
      expect(await captureOwnTraffic(live, MESSAGES)).toEqual(MESSAGES);
    } finally {
      await live.dispose();
    }
  });
});
