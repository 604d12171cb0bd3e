// An interface that disappears mid-capture (USB adapter unplugged, VPN down): the binding
// aborts its process; the app reports that the interface is gone and stops cleanly.
// The interface is a veth in a network namespace made by this test; the capture process runs
// in that namespace through the `launcher` option.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { assertCapturePrivileges, recordingSink, waitFor } from './live-test-kit';

const ns = `msnp-capture-test-${process.pid}`;
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

beforeAll(() => {
  assertCapturePrivileges();
  ip('netns', 'add', ns);
  ip('-n', ns, 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1');
  ip('-n', ns, 'link', 'set', 'v0', 'up');
  ip('-n', ns, 'link', 'set', 'v1', 'up');
});

afterAll(() => {
  try {
    ip('netns', 'del', ns);
  } catch {
    // not created
  }
});

describe('interface disappears during a capture', () => {
  it('reports the interface as gone, stops, and the app lives on', async () => {
    assertCapturePrivileges();
    const live = new LiveCapture({ launcher: ['ip', 'netns', 'exec', ns] });
    expect((await live.listInterfaces()).map((i) => i.name)).toContain('v0');
    const sink = recordingSink();
    await live.start({ device: 'v0', filter: '' }, sink);
    ip('-n', ns, 'link', 'del', 'v0');
    await waitFor('stopped', () => sink.stoppedCount === 1);
    expect(sink.errors).toHaveLength(1);
    expect(sink.errors[0]).toMatch(/^interface v0 disappeared during the capture \(capture process (crashed: SIGABRT|exited)/);
    expect(live.running).toBe(false);
    await live.dispose();
  });
});
