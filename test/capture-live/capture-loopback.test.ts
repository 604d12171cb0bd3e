// A real capture on lo: known bytes sent over a loopback socket arrive as frames with arrival
// timestamps close to the wall clock, in order, and the spooled pcapng re-reads (with the
// engine's reader) to exactly the frames delivered.
import { afterEach, describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { readAllFrames } from '../helpers/capture-builder';
import { assertCapturePrivileges, loopbackServer, recordingSink, sendMessages, waitFor } from './live-test-kit';

const MESSAGES = ['VER 1 MSNP12 CVR0\r\n', 'CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 7.5 msmsgs alice@example.com\r\n', 'OUT\r\n'];

let live: LiveCapture | null = null;
afterEach(async () => {
  await live?.dispose();
  live = null;
});

describe('live capture on lo', () => {
  it('captures the test\'s own loopback traffic with wall-clock arrival timestamps', async () => {
    assertCapturePrivileges();
    const server = await loopbackServer();
    live = new LiveCapture();
    const sink = recordingSink();
    const before = Date.now() * 1000;
    await live.start({ device: 'lo', filter: `tcp port ${server.port}` }, sink);
    await sendMessages(server.port, MESSAGES);
    await waitFor('the server to receive everything', () => server.received().length === MESSAGES.join('').length);
    await server.close();
    // SYN, SYN/ACK, ACK, 3 data segments and their ACKs, FIN exchange: at least 9 packets.
    await waitFor('frames', () => sink.frames.length >= 9);
    await live.stop();
    const after = Date.now() * 1000;

    expect(sink.stoppedCount).toBe(1);
    expect(sink.errors).toEqual([]);
    expect(sink.frames.map((f) => f.number)).toEqual(sink.frames.map((_, i) => i + 1));
    for (const [i, f] of sink.frames.entries()) {
      expect(f.linkType).toBe(1); // Linux lo: Ethernet headers with zero addresses
      expect(f.captureIndex).toBe(0);
      expect(f.originalLength).toBe(f.data.length);
      expect(f.tsUs).toBeGreaterThanOrEqual(before);
      expect(f.tsUs).toBeLessThanOrEqual(after);
      if (i > 0) expect(f.tsUs).toBeGreaterThanOrEqual(sink.frames[i - 1].tsUs);
    }
    // Every packet is on the test's port, and the client→server payloads are the messages, in order.
    const decoded = sink.frames.map((f) => decodePacket(f.linkType, f.data)!);
    expect(decoded.every((p) => p.srcPort === server.port || p.dstPort === server.port)).toBe(true);
    const sent = decoded.filter((p) => p.dstPort === server.port && p.payload.length > 0).map((p) => Buffer.from(p.payload).toString('latin1'));
    expect(sent).toEqual(MESSAGES);
  });

  it('spools to a pcapng that the engine\'s reader reads back to the same frames, offsets included', async () => {
    assertCapturePrivileges();
    const server = await loopbackServer();
    live = new LiveCapture();
    const sink = recordingSink();
    await live.start({ device: 'lo', filter: `tcp port ${server.port}` }, sink);
    await sendMessages(server.port, MESSAGES);
    await waitFor('frames', () => sink.frames.length >= 9);
    await server.close();
    await live.stop();

    const [spoolPath] = live.spoolPaths;
    const { frames } = await readAllFrames(spoolPath);
    expect(frames.map((f) => ({ ...f, number: 0 }))).toEqual(sink.frames.map((f) => ({ ...f, number: 0 })));
    // Re-reading one frame by number gives the same frame.
    const third = await live.readFrame(3);
    expect(third).toEqual(sink.frames[2]);
  });
});
