// A capture filter is compiled against the device without starting a capture; libpcap's own
// reason comes back, and a capture with a bad filter never starts.
import { describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { assertCapturePrivileges, recordingSink } from './live-test-kit';

describe('checkFilter', () => {
  it('accepts a valid filter', async () => {
    assertCapturePrivileges();
    expect(await new LiveCapture().checkFilter('lo', 'tcp port 1863 or tcp port 1864')).toBeNull();
  });

  it('reports libpcap\'s reason for a bad filter', async () => {
    assertCapturePrivileges();
    const live = new LiveCapture();
    // libpcap's gencode.c wording: "illegal port number %d > 65535" and bison's "syntax error".
    expect(await live.checkFilter('lo', 'tcp port 99999')).toBe('illegal port number 99999 > 65535');
    expect(await live.checkFilter('lo', 'tcp port')).toMatch(/syntax error/);
  });

  it('reports an unknown device', async () => {
    assertCapturePrivileges();
    expect(await new LiveCapture().checkFilter('nosuchif0', 'tcp')).toMatch(/No such device/i);
  });

  it('a start with a bad filter rejects with the reason and starts nothing', async () => {
    assertCapturePrivileges();
    const live = new LiveCapture();
    const sink = recordingSink();
    await expect(live.start({ device: 'lo', filter: 'tcp port 99999' }, sink)).rejects.toThrow('cannot capture on lo: illegal port number 99999 > 65535');
    expect(live.running).toBe(false);
    expect(sink.stoppedCount).toBe(0);
    expect(sink.frames).toHaveLength(0);
    await expect(live.save('/tmp/never-written.pcapng', false, () => true)).rejects.toThrow('nothing was captured yet');
  });
});
