// The spool is where frames are kept; when it cannot be written (here: the ring's directory is
// removed, so the next file cannot be created) the capture ends with a message, never with an
// exception in the app. Bad ring settings are refused before anything starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { assertCapturePrivileges, loopbackServer, recordingSink, sendMessages, waitFor } from './live-test-kit';

describe('capture file failures', () => {
  it('ends the capture with the write error when the ring directory disappears', async () => {
    assertCapturePrivileges();
    const server = await loopbackServer();
    const directory = mkdtempSync(join(tmpdir(), 'msnp-ring-gone-'));
    const live = new LiveCapture();
    const sink = recordingSink();
    await live.start({ device: 'lo', filter: `tcp port ${server.port}`, ring: { directory, fileSizeMb: 0.004, files: 2 } }, sink);
    rmSync(directory, { recursive: true });
    await sendMessages(server.port, Array.from({ length: 20 }, () => 'x'.repeat(500)), 1);
    await waitFor('stopped', () => sink.stoppedCount === 1);
    expect(sink.errors).toHaveLength(1);
    expect(sink.errors[0]).toMatch(/^cannot write the capture file: ENOENT/);
    expect(live.running).toBe(false);
    await server.close();
    await live.dispose();
  });

  it('refuses a ring without files or size', async () => {
    assertCapturePrivileges();
    const live = new LiveCapture();
    const sink = recordingSink();
    for (const ring of [{ directory: tmpdir(), fileSizeMb: 0, files: 2 }, { directory: tmpdir(), fileSizeMb: 1, files: 0 }]) {
      await expect(live.start({ device: 'lo', filter: '', ring }, sink)).rejects.toThrow('ring buffer needs a directory, a file size above 0 MB and at least 1 file');
    }
    await expect(live.start({ device: 'lo', filter: '', ring: { directory: '/nonexistent/dir', fileSizeMb: 1, files: 2 } }, sink))
      .rejects.toThrow(/^cannot create the capture file: ENOENT/);
    expect(live.running).toBe(false);
    expect(sink.stoppedCount).toBe(0);
  });
});
