// "Save" copies the spool as pcapng: all frames, or only those the back end marks as MSNP.
// Validity is checked by a second tool (tshark reads it) and by the engine's reader.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

function tsharkFrameCount(path: string): number {
  const out = execFileSync('tshark', ['-r', path, '-T', 'fields', '-e', 'frame.number'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim().split('\n').filter(Boolean).length;
}

describe('save', () => {
  it('writes all frames, or only the selected ones, during and after the capture', async () => {
    assertCapturePrivileges();
    const server = await loopbackServer();
    const dir = mkdtempSync(join(tmpdir(), 'msnp-save-'));
    live = new LiveCapture();
    const sink = recordingSink();
    await live.start({ device: 'lo', filter: `tcp port ${server.port}` }, sink);
    await sendMessages(server.port, ['USR 1 TWN I alice@example.com\r\n', 'OUT\r\n']);
    await waitFor('frames', () => sink.frames.length >= 6);

    // During the capture: what has arrived so far.
    const during = join(dir, 'during.pcapng');
    const countDuring = await live.save(during, false, () => true);
    expect(countDuring).toBeGreaterThanOrEqual(6);
    expect(tsharkFrameCount(during)).toBe(countDuring);

    await server.close();
    await live.stop();
    const all = join(dir, 'all.pcapng');
    expect(await live.save(all, false, () => false)).toBe(sink.frames.length);
    expect(tsharkFrameCount(all)).toBe(sink.frames.length);
    const reread = await readAllFrames(all);
    expect(reread.frames.map((f) => f.data)).toEqual(sink.frames.map((f) => f.data));
    expect(reread.frames.map((f) => f.tsUs)).toEqual(sink.frames.map((f) => f.tsUs));

    const odd = join(dir, 'odd.pcapng');
    const chosen = (n: number) => n % 2 === 1;
    const expected = sink.frames.filter((f) => chosen(f.number));
    expect(await live.save(odd, true, chosen)).toBe(expected.length);
    expect(tsharkFrameCount(odd)).toBe(expected.length);
    expect((await readAllFrames(odd)).frames.map((f) => f.data)).toEqual(expected.map((f) => f.data));
  });
});
