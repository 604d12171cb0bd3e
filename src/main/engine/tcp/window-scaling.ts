// TCP window scaling (RFC 7323 §2): each side's SYN may carry a window scale option; only when
// both did, every later window from a side is its 16-bit value shifted left by that side's own
// shift (Win=64 with shift 10 is 65536). SYN segments are never scaled. As in Wireshark, a
// connection whose handshake was not captured shows its windows unscaled ("unknown", factor −1),
// and one whose handshake lacked an option on either side shows them as sent ("unused", −2).

import { TCP_ACK, TCP_SYN, type DecodedPacket, type WindowScale } from '../decode/decoded-packet';

export type { WindowScale } from '../decode/decoded-packet';

/** RFC 7323 §2.3: a shift above 14 is treated as 14. */
const MAX_SHIFT = 14;
const MAX_DIRECTIONS = 400_000;

function key(srcIp: string, srcPort: number, dstIp: string, dstPort: number): string {
  return `${srcIp}\u0000${srcPort}\u0000${dstIp}\u0000${dstPort}`;
}

/** One TCP stream's handshake: who sent the SYN, and the shift each side offered. */
interface Handshake {
  synIp: string;
  synPort: number;
  /** The SYN sender's shift (null: no option; undefined: its SYN not seen). */
  syn: number | null | undefined;
  /** The SYN-ACK sender's shift, likewise. */
  synAck: number | null | undefined;
}

function combine(mine: number | null | undefined, theirs: number | null | undefined): WindowScale {
  if (mine === undefined || theirs === undefined) return 'unknown';
  if (mine === null || theirs === null) return 'unused';
  return Math.min(mine, MAX_SHIFT);
}

export class WindowScaling {
  /** Directed 4-tuple → the shift its SYN offered, null for a SYN without the option (for scaleOf). */
  private readonly offered = new Map<string, number | null>();
  /** tcp.stream → its handshake: the per-segment path, a number lookup and no string built. */
  private readonly streams = new Map<number, Handshake>();

  /** Records a SYN's option and returns the scale that applies to this segment (of `stream`) window. */
  observe(pkt: DecodedPacket, stream: number): WindowScale {
    const tcp = pkt.tcp;
    if (!tcp) return 'unknown';
    if (tcp.flags & TCP_SYN) {
      this.recordSyn(pkt, stream, tcp.synWindowShift ?? null, (tcp.flags & TCP_ACK) !== 0);
      return 'syn';
    }
    const h = this.streams.get(stream);
    if (!h) return 'unknown';
    const fromSyn = pkt.srcPort === h.synPort && pkt.src === h.synIp;
    return fromSyn ? combine(h.syn, h.synAck) : combine(h.synAck, h.syn);
  }

  private recordSyn(pkt: DecodedPacket, stream: number, shift: number | null, isSynAck: boolean): void {
    const k = key(pkt.src, pkt.srcPort, pkt.dst, pkt.dstPort);
    // A new handshake on the same ports replaces the old one (delete first: newest last).
    this.offered.delete(k);
    if (this.offered.size >= MAX_DIRECTIONS) this.offered.delete(this.offered.keys().next().value as string);
    this.offered.set(k, shift);
    if (stream < 0) return;
    let h = this.streams.get(stream);
    if (!isSynAck || !h) {
      if (this.streams.size >= MAX_DIRECTIONS) this.streams.delete(this.streams.keys().next().value as number);
      // A SYN-ACK whose SYN was not captured: the SYN's sender is the one it answers.
      h = isSynAck ? { synIp: pkt.dst, synPort: pkt.dstPort, syn: undefined, synAck: undefined } : { synIp: pkt.src, synPort: pkt.srcPort, syn: undefined, synAck: undefined };
      this.streams.set(stream, h);
    }
    if (isSynAck) h.synAck = shift;
    else h.syn = shift;
  }

  /** The scale of a segment's window from the handshakes seen so far, by its addresses (for the detail tree). */
  scaleOf(pkt: DecodedPacket): WindowScale {
    if (pkt.tcp && pkt.tcp.flags & TCP_SYN) return 'syn';
    return combine(this.offered.get(key(pkt.src, pkt.srcPort, pkt.dst, pkt.dstPort)), this.offered.get(key(pkt.dst, pkt.dstPort, pkt.src, pkt.srcPort)));
  }
}

/** The shift to apply (0 when none applies). */
export function shiftOf(scale: WindowScale): number {
  return typeof scale === 'number' ? scale : 0;
}
