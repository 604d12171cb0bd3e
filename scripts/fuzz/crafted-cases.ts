// Inputs built on purpose rather than mutated: FIN/RST inside a reassembly hole, MSNP and P2P
// lengths of 2^31 and beyond, and floods (connections, out-of-order segments, P2P chunks) sized
// by `floodSize`, written with the tests' capture builders.

import { FILE_TRANSFER_EUF_GUID, directPacket, fileContext, p2pMime, slp, v1Chunks, v1Header, v1Message, FOO } from '../../test/engine-synthetic/p2p-builders';
import { payloadCommand, timeline } from '../../test/engine-synthetic/synthetic';
import { tcpConversation, type FrameSpec } from '../../test/helpers/capture-builder';
import { tcpFrame, type Bytes } from '../../test/helpers/packet-builder';
import { FuzzRandom, INTERESTING_DECIMALS } from './fuzz-random';

export interface CraftedCase {
  frames: FrameSpec[];
  mutation: string;
}

const T0 = 1_143_115_200_000_000;
const CLIENT = { ip: '10.0.0.1', port: 40000 };
const SERVER = { ip: '10.0.0.2', port: 1863 };
const ALICE = 'alice@hotmail.com';
const BOB = 'bob@hotmail.com';

/** One segment from the client (or server) of CLIENT↔SERVER, at frame time T0 + n ms. */
function segment(n: number, from: 'client' | 'server', seq: number, ack: number, flags: string, payload: Bytes = ''): FrameSpec {
  const [a, b] = from === 'client' ? [CLIENT, SERVER] : [SERVER, CLIENT];
  return { tsUs: T0 + n * 1000, linkType: 1, data: tcpFrame({ src: a.ip, dst: b.ip, srcPort: a.port, dstPort: b.port, seq, ack, flags, payload }) };
}

export interface HoleOptions {
  /** Bytes between the end of `VER` and the held segment (default 100). */
  hole?: number;
  /** Where in the hole the FIN (or RST) sits, from its start (default 50). */
  at?: number;
  flag?: 'FA' | 'RA' | 'R';
  /** The server acknowledges past the held segment (reaches reassembly as soon as it arrives). */
  serverAck?: boolean;
}

/**
 * Issue 11's first defect: handshake with client ISN 1000, `VER 1 MSNP8 CVR0\r\n` at 1001, one byte
 * held `hole` bytes ahead (1119 by default), then FIN|ACK at 1069, inside the hole.
 */
export function finInHoleFrames(o: HoleOptions = {}): FrameSpec[] {
  const hole = o.hole ?? 100;
  const ver = 'VER 1 MSNP8 CVR0\r\n';
  const held = 1001 + ver.length + hole;
  const frames = [
    segment(0, 'client', 1000, 0, 'S'),
    segment(1, 'server', 5000, 1001, 'SA'),
    segment(2, 'client', 1001, 5001, 'A'),
    segment(3, 'client', 1001, 5001, 'PA', ver),
    segment(4, 'client', held, 5001, 'PA', 'x'),
    segment(5, 'client', 1001 + ver.length + (o.at ?? 50), 5001, o.flag ?? 'FA'),
  ];
  if (o.serverAck) frames.push(segment(6, 'server', 5001, held + 100, 'A'));
  else frames.push(segment(6, 'server', 5001, 1001 + ver.length, 'A'));
  return frames;
}

function finInHole(rnd: FuzzRandom): CraftedCase {
  const o: HoleOptions = { hole: 1 + rnd.int(3000), flag: rnd.pick(['FA', 'RA', 'R'] as const), serverAck: rnd.chance(0.5) };
  o.at = rnd.int(o.hole ?? 1);
  return { frames: finInHoleFrames(o), mutation: `crafted: ${o.flag} inside a ${o.hole}-byte hole at +${o.at}${o.serverAck ? ', server ACK past the hole' : ''}` };
}

/** MSNP commands whose length field is 2^31 or more (or not a number), followed by a little data. */
function hugeMsnpLength(rnd: FuzzRandom): CraftedCase {
  const length = rnd.pick(INTERESTING_DECIMALS);
  const head = rnd.pick(['MSG 2 N', 'MSG bob@hotmail.com Bob', 'UUX 3', 'UBX bob@hotmail.com', 'NOT', 'GCF 4', 'ADL 5', 'QRY 6 PROD0090YUAUV{2B 32', 'SDG 7', 'NFY PUT']);
  const from = head.startsWith('MSG 2') || head.startsWith('UUX') || head.startsWith('QRY') || head.startsWith('ADL') ? 'client' : 'server';
  const frames = tcpConversation({
    client: CLIENT,
    server: SERVER,
    startTsUs: T0,
    messages: [
      { from: 'client', payload: 'VER 1 MSNP12 CVR0\r\n' },
      { from: 'server', payload: 'VER 1 MSNP12\r\n' },
      { from, payload: `${head} ${length}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhi` },
      { from: 'client', payload: 'PNG\r\n' },
    ],
    fin: rnd.chance(0.5),
  });
  return { frames, mutation: `crafted: '${head} ${length}'` };
}

/** A switchboard P2P message whose v1 header has an offset, total size or length ≥ 2^31. */
function hugeP2pFields(rnd: FuzzRandom): CraftedCase {
  const header = v1Header({ sessionId: 7, id: 100, total: 10, length: 10, flags: rnd.pick([0, 0x20, 0x01000030]) });
  const view = new DataView(header.buffer);
  const field = rnd.pick([{ name: 'offset', at: 8 }, { name: 'total size', at: 16 }, { name: 'length', at: 24 }]);
  const value = rnd.pick([2n ** 31n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n]);
  if (field.at === 24) view.setUint32(24, Number(value & 0xffffffffn) || 0x80000000, true);
  else view.setBigUint64(field.at, value, true);
  const data = new TextEncoder().encode('0123456789');
  const frames = tcpConversation({
    client: CLIENT,
    server: SERVER,
    startTsUs: T0,
    messages: [
      { from: 'client', payload: `USR 1 ${ALICE} 4321.8765\r\n` },
      { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
      { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
      { from: 'client', payload: payloadCommand('MSG 2 D', p2pMime(BOB, new Uint8Array([...header, ...data]), rnd.pick([0, 1, 2]))) },
    ],
  });
  return { frames, mutation: `crafted: P2P v1 ${field.name} = ${value}` };
}

/** Many connections, each holding one byte behind a hole and never closed. */
function connectionFlood(rnd: FuzzRandom, floodSize: number): CraftedCase {
  const count = 1 + rnd.int(floodSize);
  const frames: FrameSpec[] = [];
  for (let i = 0; i < count; i++) {
    const src = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const port = 1024 + (i % 60000);
    const base = { src, dst: SERVER.ip, srcPort: port, dstPort: 1863 };
    frames.push({ tsUs: T0 + i * 10, linkType: 1, data: tcpFrame({ ...base, seq: 1000, flags: 'S' }) });
    frames.push({ tsUs: T0 + i * 10 + 5, linkType: 1, data: tcpFrame({ ...base, seq: 1101, ack: 1, flags: 'PA', payload: 'VER 1 MSNP8 CVR0\r\n' }) });
  }
  return { frames, mutation: `crafted: ${count} connections, each with data behind a hole` };
}

/** One MSNP message sent as one-byte segments, last first. */
function segmentFlood(rnd: FuzzRandom, floodSize: number): CraftedCase {
  const body = 'x'.repeat(1 + rnd.int(floodSize));
  const payload = payloadCommand('MSG 2 N', `MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n${body}`);
  const handshake = tcpConversation({ client: CLIENT, server: SERVER, startTsUs: T0, messages: [], fin: false });
  const frames = [...handshake];
  for (let i = payload.length - 1; i >= 0; i--) frames.push(segment(10 + frames.length, 'client', 1001 + i, 5001, 'PA', payload.subarray(i, i + 1)));
  return { frames, mutation: `crafted: ${payload.length} one-byte segments in reverse order` };
}

/**
 * A direct-connection P2P file in one-byte chunks, odd offsets first and each half last first:
 * every chunk of the first half is a new range of its own (file rebuilding's worst order).
 */
function p2pChunkFlood(rnd: FuzzRandom, floodSize: number): CraftedCase {
  const size = 1 + rnd.int(floodSize);
  const file = Uint8Array.from({ length: size }, (_, i) => i & 0xff);
  const session = 94044;
  const invite = slp(`INVITE MSNMSGR:${BOB} MSNSLP/1.0`, {
    to: BOB, from: ALICE, branch: '{33517CE4-02FC-4428-B6F4-39927229B722}', cseq: 0, callId: '{9D79AE57-1BD5-444B-B14E-3FC9BB2B5D58}',
    contentType: 'application/x-msnmsgr-sessionreqbody',
    body: [['EUF-GUID', FILE_TRANSFER_EUF_GUID], ['SessionID', String(session)], ['AppID', '2'], ['Context', fileContext('flood.bin', size)]],
  });
  const switchboard = tcpConversation({
    client: { ip: '192.168.1.10', port: 1500 },
    server: { ip: '207.46.108.110', port: 1863 },
    startTsUs: T0,
    messages: [
      { from: 'client', payload: `USR 1 ${ALICE} 4321.8765\r\n` },
      { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
      { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
      { from: 'client', payload: payloadCommand('MSG 2 D', p2pMime(BOB, v1Message(0, 100, invite), 0)) },
    ],
    fin: false,
  });
  const inOrder = v1Chunks(session, 102, file, 1, 0x01000030);
  const chunks = [...inOrder.filter((_, i) => i % 2 === 1), ...inOrder.filter((_, i) => i % 2 === 0)].reverse();
  const direct = tcpConversation({
    client: { ip: '192.168.1.10', port: 1600 },
    server: { ip: '192.168.1.20', port: 6891 },
    startTsUs: T0 + 1_000_000,
    stepUs: 10,
    messages: [{ from: 'client', payload: FOO }, ...chunks.map((c) => ({ from: 'client' as const, payload: directPacket(c) }))],
  });
  return { frames: timeline(switchboard, direct), mutation: `crafted: a ${size}-byte P2P file in one-byte chunks, odd offsets first, last first` };
}

export const CRAFTED = { finInHole, hugeMsnpLength, hugeP2pFields, connectionFlood, segmentFlood, p2pChunkFlood } as const;

export function craftCase(rnd: FuzzRandom, floodSize: number): CraftedCase {
  const name = rnd.pick(Object.keys(CRAFTED) as Array<keyof typeof CRAFTED>);
  return CRAFTED[name](rnd, floodSize);
}
