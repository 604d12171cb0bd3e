// Mutations of TCP segments that keep the rest of the stream believable: a payload grown or shrunk
// shifts the later sequence numbers of its direction and the acknowledgments of the other, so the
// reassembler delivers the change instead of seeing a gap or an overlap; and header mutations
// (a flipped sequence bit, FIN/RST/SYN set) that reach reassembly's rarely used paths.
// Segments are decoded with the engine's decoder and rewritten with the tests' packet builder.

import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import type { DecodedPacket } from '../../src/main/engine/decode/decoded-packet';
import type { FrameSpec } from '../../test/helpers/capture-builder';
import { FLAGS, tcpFrame } from '../../test/helpers/packet-builder';
import { FuzzRandom, INTERESTING_DECIMALS } from './fuzz-random';
import { splice } from './mutation';

export interface FramesMutated {
  frames: FrameSpec[];
  mutation: string;
}

type TcpPacket = DecodedPacket & { tcp: NonNullable<DecodedPacket['tcp']> };

const REBUILDABLE_LINKS = new Set([0, 1, 12, 14, 101, 108, 113, 228, 229, 276]);
const encoder = new TextEncoder();

function decodeTcp(frame: FrameSpec): TcpPacket | null {
  if (!REBUILDABLE_LINKS.has(frame.linkType)) return null;
  const pkt = decodePacket(frame.linkType, frame.data);
  return pkt?.tcp && !pkt.fragment && !pkt.truncated ? (pkt as TcpPacket) : null;
}

function rebuild(frame: FrameSpec, pkt: TcpPacket, change: { seq?: number; ack?: number; flags?: number; payload?: Uint8Array }): FrameSpec {
  const data = tcpFrame({
    linkType: frame.linkType,
    src: pkt.src,
    dst: pkt.dst,
    srcPort: pkt.srcPort,
    dstPort: pkt.dstPort,
    seq: change.seq ?? pkt.tcp.seq,
    ack: change.ack ?? pkt.tcp.ack,
    flags: change.flags ?? pkt.tcp.flags,
    window: pkt.tcp.window,
    payload: change.payload ?? pkt.payload,
  });
  return { tsUs: frame.tsUs, linkType: frame.linkType, data };
}

/** a comes after b in sequence space (RFC 1982 arithmetic over 32 bits). */
const after = (a: number, b: number): boolean => ((a - b) | 0) > 0;

function mutatePayloadBytes(payload: Uint8Array, rnd: FuzzRandom): { payload: Uint8Array; what: string } {
  const at = rnd.int(payload.length);
  switch (rnd.int(4)) {
    case 0: {
      const out = payload.slice();
      out[at] ^= 1 << rnd.int(8);
      return { payload: out, what: `flip a bit at payload byte ${at}` };
    }
    case 1: {
      const insert = rnd.chance(0.5) ? encoder.encode(rnd.pick(['\r\n', ' ', 'MSG 9 N 5\r\nhello', '\r\n\r\n', 'Content-Length: 2147483648\r\n'])) : rnd.bytes(1 + rnd.int(16));
      return { payload: splice(payload, at, at, insert), what: `insert ${insert.length} byte(s) at payload byte ${at}` };
    }
    case 2: {
      const count = Math.min(payload.length - at, 1 + rnd.int(16));
      return { payload: splice(payload, at, at + count), what: `delete ${count} byte(s) at payload byte ${at}` };
    }
    default: {
      // A decimal in the payload (an MSNP length, a Content-Length, a P2P size in text) made hostile.
      const text = new TextDecoder('latin1').decode(payload);
      const numbers = [...text.matchAll(/\d+/g)];
      const value = encoder.encode(rnd.pick(INTERESTING_DECIMALS));
      if (!numbers.length) return { payload: splice(payload, at, at, value), what: `insert a number at payload byte ${at}` };
      const n = rnd.pick(numbers);
      return { payload: splice(payload, n.index, n.index + n[0].length, value), what: `number ${n[0]} at payload byte ${n.index} → ${new TextDecoder().decode(value)}` };
    }
  }
}

/**
 * Frame `i` (a TCP segment) with `payload` instead of its own; the later segments of its direction
 * move by the change in length, and the other direction's acknowledgments past it follow.
 */
export function replaceSegmentPayload(frames: FrameSpec[], i: number, payload: Uint8Array): FrameSpec[] {
  const pkt = decodeTcp(frames[i]);
  if (!pkt) throw new Error(`frame ${i + 1} is not a TCP segment the fuzzer can rewrite`);
  const delta = payload.length - pkt.payload.length;
  const out = frames.slice();
  out[i] = rebuild(frames[i], pkt, { payload });
  if (delta === 0) return out;
  const seq = pkt.tcp.seq;
  for (let j = i + 1; j < frames.length; j++) {
    const other = decodeTcp(frames[j]);
    if (!other) continue;
    const sameWay = other.src === pkt.src && other.srcPort === pkt.srcPort && other.dst === pkt.dst && other.dstPort === pkt.dstPort;
    const otherWay = other.src === pkt.dst && other.srcPort === pkt.dstPort && other.dst === pkt.src && other.dstPort === pkt.srcPort;
    if (sameWay && after(other.tcp.seq, seq)) out[j] = rebuild(frames[j], other, { seq: (other.tcp.seq + delta) >>> 0 });
    else if (otherWay && other.tcp.flags & FLAGS.ACK && after(other.tcp.ack, seq)) out[j] = rebuild(frames[j], other, { ack: (other.tcp.ack + delta) >>> 0 });
  }
  return out;
}

/** Changes one segment's payload and shifts the stream's later sequence and acknowledgment numbers. */
export function mutateTcpPayload(frames: FrameSpec[], rnd: FuzzRandom): FramesMutated | null {
  const candidates = frames.map((f, i) => ({ i, pkt: decodeTcp(f) })).filter((c) => c.pkt !== null && c.pkt.payload.length > 0);
  if (!candidates.length) return null;
  const { i, pkt } = rnd.pick(candidates) as { i: number; pkt: TcpPacket };
  const { payload, what } = mutatePayloadBytes(pkt.payload, rnd);
  const delta = payload.length - pkt.payload.length;
  return { frames: replaceSegmentPayload(frames, i, payload), mutation: `frame ${i + 1}: ${what}${delta ? `, later sequence numbers shifted by ${delta}` : ''}` };
}

/** One TCP header changed: a sequence or acknowledgment bit flipped, or FIN/RST/SYN set or cleared. */
export function mutateTcpHeader(frames: FrameSpec[], rnd: FuzzRandom): FramesMutated | null {
  const candidates = frames.map((f, i) => ({ i, pkt: decodeTcp(f) })).filter((c) => c.pkt !== null);
  if (!candidates.length) return null;
  const { i, pkt } = rnd.pick(candidates) as { i: number; pkt: TcpPacket };
  const out = frames.slice();
  const bit = rnd.int(32);
  switch (rnd.int(3)) {
    case 0:
      out[i] = rebuild(frames[i], pkt, { seq: (pkt.tcp.seq ^ (1 << bit)) >>> 0 });
      return { frames: out, mutation: `frame ${i + 1}: sequence number bit ${bit} flipped` };
    case 1:
      out[i] = rebuild(frames[i], pkt, { ack: (pkt.tcp.ack ^ (1 << bit)) >>> 0 });
      return { frames: out, mutation: `frame ${i + 1}: acknowledgment number bit ${bit} flipped` };
    default: {
      const flag = rnd.pick([FLAGS.FIN, FLAGS.RST, FLAGS.SYN]);
      out[i] = rebuild(frames[i], pkt, { flags: pkt.tcp.flags ^ flag });
      return { frames: out, mutation: `frame ${i + 1}: TCP flag 0x${flag.toString(16)} toggled` };
    }
  }
}
