// A capture cut short in the middle of a record (a crashed capture, a partial download): the
// frames before the damage are analysed and captures[0].damage names the offset of the broken
// record. Offsets are computed from the record layout written here.
import { describe, expect, it } from 'vitest';
import { buildPcap, buildPcapng, writeTempCapture } from '../helpers/capture-builder';
import { analyzePaths, chatMime, conversationAt, frameContaining, payloadCommand, T0_US } from './synthetic';

const FIRST = 'Before the cut.';
const SECOND = 'Cut in half by the truncation.';

const truncatedFrames = conversationAt(T0_US, {
  client: { ip: '10.4.0.1', port: 2000 },
  server: { ip: '207.46.108.80', port: 1863 },
  messages: [
    { from: 'client', payload: 'USR 1 alice@hotmail.com 1.2\r\n' },
    { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\r\n' },
    { from: 'server', payload: 'JOI bob@hotmail.com Bob\r\n' },
    { from: 'client', payload: payloadCommand('MSG 2 N', chatMime(FIRST)) },
    { from: 'client', payload: payloadCommand('MSG 3 N', chatMime(SECOND)) },
  ],
});

const cutFrame = frameContaining(truncatedFrames, SECOND);

/** pcap: 24-byte file header, then per record a 16-byte header and the frame bytes. */
function pcapRecordOffset(frame: number): number {
  return 24 + truncatedFrames.slice(0, frame - 1).reduce((n, f) => n + 16 + f.data.length, 0);
}

/** The pcap cut 30 bytes into the body of the record holding SECOND. */
function truncatedPcap(): Uint8Array {
  return buildPcap(truncatedFrames).subarray(0, pcapRecordOffset(cutFrame) + 16 + 30);
}

describe('truncated capture', () => {
  it('pcap cut inside a record: what comes before is analysed, the damage is at that record', async () => {
    const path = writeTempCapture(truncatedPcap());
    const result = await analyzePaths([path]);
    expect(result.frames).toBe(cutFrame - 1);
    expect(result.captures[0].frames).toBe(cutFrame - 1);
    expect(result.captures[0].damage?.offset).toBe(pcapRecordOffset(cutFrame));
    expect(result.captures[0].damage?.message).toMatch(/truncated/);
    expect(result.sessions[0].messages.map((m) => m.text)).toEqual([FIRST]);
  });

  it('pcapng cut inside an Enhanced Packet Block', async () => {
    const whole = buildPcapng(truncatedFrames);
    const onlyBefore = buildPcapng(truncatedFrames.slice(0, cutFrame - 1));
    // The file up to the cut frame is byte for byte the pcapng of the earlier frames.
    expect(whole.subarray(0, onlyBefore.length)).toEqual(onlyBefore);
    const path = writeTempCapture(whole.subarray(0, onlyBefore.length + 40), 'cut.pcapng');
    const result = await analyzePaths([path]);
    expect(result.captures[0]).toMatchObject({ format: 'pcapng', frames: cutFrame - 1 });
    expect(result.captures[0].damage?.offset).toBe(onlyBefore.length);
    expect(result.sessions[0].messages.map((m) => m.text)).toEqual([FIRST]);
  });

  it('a clean capture has no damage', async () => {
    const result = await analyzePaths([writeTempCapture(buildPcap(truncatedFrames))]);
    expect(result.captures[0].damage).toBeUndefined();
    expect(result.sessions[0].messages.map((m) => m.text)).toEqual([FIRST, SECOND]);
  });
});
