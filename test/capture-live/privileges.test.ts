// Without capture privileges libpcap says "Operation not permitted"; the user gets told how to
// fix that on their platform — on Linux by giving the capability to the capture helper, never to
// Node or Electron. The capture process is started as `nobody` to see the real error.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainOpenError } from '../../src/main/capture/capture-errors';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { assertCapturePrivileges, recordingSink } from './live-test-kit';

const NOBODY = 65534;
const ROOT = join(import.meta.dirname, '..', '..');

describe('capture without privileges', () => {
  it('fails to start with the libpcap error and the setcap command for the capture helper', async () => {
    assertCapturePrivileges(); // root is needed to start the process as another user
    const live = new LiveCapture({ uid: NOBODY, gid: NOBODY });
    const sink = recordingSink();
    const error = await live.start({ device: 'lo', filter: '' }, sink).then(() => 'started', (e: Error) => e.message);
    // libpcap 1.10.3 says "socket: Operation not permitted"; later ones mention CAP_NET_RAW.
    expect(error).toMatch(/^cannot capture on lo: .*(Operation not permitted|CAP_NET_RAW).*\. Capturing needs the CAP_NET_RAW privilege/);
    // Running the source, the helper is not used, but the message names where the build puts it.
    expect(error).toContain(`once with \`sudo setcap cap_net_raw,cap_net_admin+eip ${join(ROOT, 'dist', 'capture-helper', 'msnp-capture')}\`, or run the analyzer as root.`);
    expect(error).not.toContain(process.execPath);
    expect(live.running).toBe(false);
    expect(sink.stoppedCount).toBe(0);
  });

  it('says what to do on each platform', () => {
    const helper = { path: '/opt/MSNP Analyzer/resources/app.asar.unpacked/dist/capture-helper/msnp-capture', installed: true };
    expect(explainOpenError('socket: Operation not permitted', 'eth0', 'linux', helper)).toBe(
      'cannot capture on eth0: socket: Operation not permitted. Capturing needs the CAP_NET_RAW privilege: give it to the capture helper once with '
      + `\`sudo setcap cap_net_raw,cap_net_admin+eip ${helper.path}\`, or run the analyzer as root.`,
    );
    expect(explainOpenError('socket: Operation not permitted', 'eth0', 'linux', { path: '/src/dist/capture-helper/msnp-capture', installed: false })).toBe(
      'cannot capture on eth0: socket: Operation not permitted. Capturing needs the CAP_NET_RAW privilege: build the capture helper (`npm run build:capture-helper`) '
      + 'and give it the privilege once with `sudo setcap cap_net_raw,cap_net_admin+eip /src/dist/capture-helper/msnp-capture`, or run the analyzer as root.',
    );
    expect(explainOpenError('(cannot open BPF device) /dev/bpf0: Permission denied', 'en0', 'darwin', null))
      .toMatch(/ChmodBPF/);
    expect(explainOpenError('Error opening adapter: Access is denied.', '\\Device\\NPF_{X}', 'win32', null))
      .toMatch(/Npcap/);
    expect(explainOpenError('No such device exists', 'eth9', 'linux', null)).toBe('cannot capture on eth9: no such interface (No such device exists)');
  });
});
