// Without capture privileges libpcap says "Operation not permitted"; the user gets told how to
// fix that on their platform. The capture process is started as `nobody` to see the real error.
import { describe, expect, it } from 'vitest';
import { explainOpenError } from '../../src/main/capture/capture-errors';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { assertCapturePrivileges, recordingSink } from './live-test-kit';

const NOBODY = 65534;

describe('capture without privileges', () => {
  it('fails to start with the libpcap error and the setcap command', async () => {
    assertCapturePrivileges(); // root is needed to start the process as another user
    const live = new LiveCapture({ uid: NOBODY, gid: NOBODY });
    const sink = recordingSink();
    const error = await live.start({ device: 'lo', filter: '' }, sink).then(() => 'started', (e: Error) => e.message);
    // libpcap 1.10.3 says "socket: Operation not permitted"; later ones mention CAP_NET_RAW.
    expect(error).toMatch(/^cannot capture on lo: .*(Operation not permitted|CAP_NET_RAW).*\. Capturing needs the CAP_NET_RAW privilege/);
    expect(error).toContain(`sudo setcap cap_net_raw,cap_net_admin+eip ${process.execPath}`);
    expect(live.running).toBe(false);
    expect(sink.stoppedCount).toBe(0);
  });

  it('says what to do on each platform', () => {
    expect(explainOpenError('socket: Operation not permitted', 'eth0', 'linux', '/opt/app/msnp-analyzer'))
      .toContain('sudo setcap cap_net_raw,cap_net_admin+eip /opt/app/msnp-analyzer');
    expect(explainOpenError('(cannot open BPF device) /dev/bpf0: Permission denied', 'en0', 'darwin', '/x'))
      .toMatch(/ChmodBPF/);
    expect(explainOpenError('Error opening adapter: Access is denied.', '\\Device\\NPF_{X}', 'win32', 'C:\\x.exe'))
      .toMatch(/Npcap/);
    expect(explainOpenError('No such device exists', 'eth9', 'linux', '/x')).toBe('cannot capture on eth9: no such interface (No such device exists)');
  });
});
