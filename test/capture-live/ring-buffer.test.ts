// With a ring, the spool rotates to a new file before one would pass the size, and only the
// newest N files are kept; together they hold the latest frames, in order.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { readAllFrames } from '../helpers/capture-builder';
import { assertCapturePrivileges, loopbackServer, recordingSink, sendMessages, waitFor } from './live-test-kit';

let live: LiveCapture | null = null;
afterEach(async () => {
  await live?.dispose();
  live = null;
});

describe('ring of capture files', () => {
  it('keeps N files under the size, holding the newest frames', async () => {
    assertCapturePrivileges();
    const server = await loopbackServer();
    const directory = mkdtempSync(join(tmpdir(), 'msnp-ring-'));
    const fileSizeMb = 0.01; // 10485 bytes: a dozen 1 KB segments with their ACKs
    const limit = fileSizeMb * 1024 * 1024;
    live = new LiveCapture();
    const sink = recordingSink();
    await live.start({ device: 'lo', filter: `tcp port ${server.port}`, ring: { directory, fileSizeMb, files: 3 } }, sink);
    const messages = Array.from({ length: 60 }, (_, i) => `MSG ${i} N 1000\r\n`.padEnd(1000, 'x'));
    await sendMessages(server.port, messages, 1);
    await waitFor('the server to receive everything', () => server.received().length === 60_000);
    await server.close();
    await waitFor('frames', () => sink.frames.filter((f) => f.data.length > 1000).length === 60);
    await live.stop();

    const files = readdirSync(directory).sort();
    expect(files).toHaveLength(3);
    expect(live.spoolPaths.map((p) => p.slice(directory.length + 1))).toEqual(files);
    const kept = [];
    for (const name of files) {
      expect(statSync(join(directory, name)).size).toBeLessThanOrEqual(limit);
      kept.push(...(await readAllFrames(join(directory, name))).frames);
    }
    // The kept files are the newest: their frames are the last ones delivered, in order.
    const tail = sink.frames.slice(sink.frames.length - kept.length);
    expect(kept.map((f) => f.data)).toEqual(tail.map((f) => f.data));
    // Save copies what the ring still holds.
    const saved = join(directory, '..', `${files[0]}-saved.pcapng`);
    expect(await live.save(saved, false, () => true)).toBe(kept.length);
    // Frames of deleted files are gone, not invented.
    expect(await live.readFrame(1)).toBeNull();
    expect(await live.readFrame(sink.frames.length)).toEqual(sink.frames[sink.frames.length - 1]);
  });
});
