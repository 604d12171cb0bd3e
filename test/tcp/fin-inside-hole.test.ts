// Issue 11, defect 1: a FIN (or RST) inside a hole, before data already held, used to pin the
// analysis in an endless loop: flush() (at end of input) and settle() (as soon as the peer
// acknowledged past the hole) skipped to the held byte, passed the FIN and could never reach it.
// Each capture runs in a child process with a time limit, so a hang fails instead of blocking.
import { describe, expect, it } from 'vitest';
import { buildPcap, readAllFrames, writeTempCapture, type FrameSpec } from '../helpers/capture-builder';
import { CAPTURES } from '../helpers/captures';
import { tcpFrame } from '../helpers/packet-builder';
import { analyzeInChild, type ChildOutcome } from '../helpers/analyze-in-child';
import type { AnalysisResult } from '../../src/shared/model';

const CLIENT = { ip: '10.0.0.1', port: 40000 };
const SERVER = { ip: '10.0.0.2', port: 1863 };
const T0_US = Date.UTC(2006, 2, 23, 12, 0, 0) * 1000;

function segment(n: number, from: 'c' | 's', seq: number, ack: number, flags: string, payload = '', clientPort = CLIENT.port): FrameSpec {
  const client = { ip: CLIENT.ip, port: clientPort };
  const [src, dst] = from === 'c' ? [client, SERVER] : [SERVER, client];
  return { tsUs: T0_US + n * 1000, linkType: 1, data: tcpFrame({ src: src.ip, dst: dst.ip, srcPort: src.port, dstPort: dst.port, seq, ack, flags, payload }) };
}

/** The seven frames (from, seq, ack, flags, payload); client data from 1001, server data from 5001. */
const SEVEN_ARGS: Array<[from: 'c' | 's', seq: number, ack: number, flags: string, payload: string]> = [
  ['c', 1000, 0, 'S', ''],
  ['s', 5000, 1001, 'SA', ''],
  ['c', 1001, 5001, 'A', ''],
  ['c', 1001, 5001, 'PA', 'VER 1 MSNP8 CVR0\r\n'], // 18 bytes: 1001–1018
  ['s', 5001, 1019, 'PA', 'VER 1 MSNP8\r\n'],
  ['c', 1119, 5014, 'PA', 'x'], // held: 100 bytes (1019–1118) missing before it
  ['c', 1069, 5014, 'FA', ''], // the FIN, inside the hole
];
const SEVEN_FRAMES: FrameSpec[] = SEVEN_ARGS.map((args, i) => segment(i + 1, ...args));
/** The server acknowledges everything up to and past the held byte. */
const SERVER_ACK = segment(8, 's', 5014, 1219, 'A');

function analysed(outcome: ChildOutcome<AnalysisResult>): AnalysisResult {
  expect(outcome.status).toBe('done');
  if (outcome.status !== 'done') throw new Error(outcome.status === 'failed' ? outcome.stderr : 'analysis timed out');
  return outcome.result;
}

function expectGapAndHeldByte(result: AnalysisResult): void {
  // Both VERs decoded, on one MSNP connection.
  expect(result.commandCounts).toEqual({ VER: 2 });
  expect(result.connections).toHaveLength(1);
  expect(result.connections[0]).toMatchObject({ client: '10.0.0.1:40000', server: '10.0.0.2:1863', version: 'MSNP8' });
  // 1019–1118 lost, reported where data resumes (the held byte's frame 6)…
  const gap = result.expert.find((e) => /missing/.test(e.message));
  expect(gap).toMatchObject({ frame: 6, severity: 'warning' });
  expect(gap?.message).toMatch(/^100 bytes missing from the client/);
  // …and the held byte delivered: not a command, so the framer says it skipped it.
  expect(result.expert.some((e) => e.frame === 6 && /^1 byte skipped/.test(e.message))).toBe(true);
}

/** The handshake and VER of the capture, on another client port. */
function opening(port: number): FrameSpec[] {
  return SEVEN_ARGS.slice(0, 4).map((args, i) => segment(i + 1, ...args, port));
}

describe.concurrent('a FIN inside a hole before held data', () => {
  it('ends at end of input: gap reported, held byte delivered, VER decoded', async () => {
    expectGapAndHeldByte(analysed(await analyzeInChild([writeTempCapture(buildPcap(SEVEN_FRAMES))])));
  });

  it('ends when the peer acknowledges past the hole (settle)', async () => {
    expectGapAndHeldByte(analysed(await analyzeInChild([writeTempCapture(buildPcap([...SEVEN_FRAMES, SERVER_ACK]))])));
  });

  it('a real capture with one bit flipped in a TCP sequence number still ends with the chat intact', async () => {
    // Frame 25 of the MSNP12 chat is an HTTP request (stream 2, port 80, 2425 bytes at seq
    // 3572411955, tshark); bit 12 of its seq moves it 4096 bytes ahead, so the FIN of frame 39
    // (seq 3572414380) falls inside the hole before it.
    const { frames } = await readAllFrames(CAPTURES.pecanChat);
    const data = frames[24].data;
    const seqAt = 14 + (data[14] & 0x0f) * 4 + 4; // Ethernet, IPv4 header, then ports
    expect(new DataView(data.buffer, data.byteOffset).getUint32(seqAt)).toBe(3572411955);
    data[seqAt + 2] ^= 0x10;
    const flipped = writeTempCapture(buildPcap(frames.map((f) => ({ tsUs: f.tsUs, data: f.data, linkType: f.linkType, originalLength: f.originalLength }))));
    const result = analysed(await analyzeInChild([flipped]));
    // The chat of the fixture's README, untouched by damage to an unrelated HTTP stream.
    expect(result.sessions.flatMap((s) => s.messages.map((m) => m.text))).toEqual([
      'Hi Bob! This is message 1 from Alice.',
      'Hello Alice, Bob here (message 2).',
      '你好，鲍勃！今天天气很好。',
      '是的，我们去公园吧 🙂 Ça va? Grüße!',
      'Last message from Alice. Bye!',
    ]);
  });

  it('also ends for a FIN inside held data, and for a RST after a FIN inside a hole', async () => {
    // Port 40001: "CHG 2 NLN 0\r\n" held at 1030–1042, 11 bytes after the VER; the FIN at 1035
    // falls inside it. Port 40002: the frames, then a RST: the loop was reached live.
    const finInHeld = [...opening(40001), segment(5, 'c', 1030, 5001, 'PA', 'CHG 2 NLN 0\r\n', 40001), segment(6, 'c', 1035, 5001, 'FA', '', 40001)];
    const rstAfter = [...SEVEN_ARGS.map((args, i) => segment(i + 1, ...args, 40002)), segment(8, 'c', 1070, 0, 'R', '', 40002)];
    const result = analysed(await analyzeInChild([writeTempCapture(buildPcap(finInHeld)), writeTempCapture(buildPcap(rstAfter))]));
    expect(result.commandCounts).toEqual({ VER: 3, CHG: 1 });
    const missing = result.expert.filter((e) => /missing/.test(e.message)).map((e) => e.message.split(' (')[0]);
    expect(missing.sort()).toEqual(['100 bytes missing from the client', '11 bytes missing from the client']);
  });
});
