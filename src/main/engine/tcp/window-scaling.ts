// TCP window scaling (RFC 7323 §2): each side's SYN may carry a window scale option; only when
// both did, every later window from a side is its 16-bit value shifted left by that side's own
// shift (Win=64 with shift 10 is 65536). SYN segments are never scaled. As in Wireshark, a
// connection whose handshake was not captured shows its windows unscaled ("unknown", factor −1),
// and one whose handshake lacked an option on either side shows them as sent ("unused", −2).

import { TCP_SYN, type DecodedPacket, type WindowScale } from '../decode/decoded-packet';

export type { WindowScale } from '../decode/decoded-packet';

/** RFC 7323 §2.3: a shift above 14 is treated as 14. */
const MAX_SHIFT = 14;
const MAX_DIRECTIONS = 400_000;

function key(srcIp: string, srcPort: number, dstIp: string, dstPort: number): string {
  return `${srcIp}\u0000${srcPort}\u0000${dstIp}\u0000${dstPort}`;
}

export class WindowScaling {
  /** Directed 4-tuple → the shift its SYN offered, null for a SYN without the option. */
  private readonly offered = new Map<string, number | null>();

  /** Records a SYN's option and returns the scale that applies to this segment's window. */
  observe(pkt: DecodedPacket): WindowScale {
    const tcp = pkt.tcp;
    if (!tcp) return 'unknown';
    if (tcp.flags & TCP_SYN) {
      const k = key(pkt.src, pkt.srcPort, pkt.dst, pkt.dstPort);
      // A new handshake on the same ports replaces the old one (delete first: newest last).
      this.offered.delete(k);
      if (this.offered.size >= MAX_DIRECTIONS) this.offered.delete(this.offered.keys().next().value as string);
      this.offered.set(k, tcp.synWindowShift ?? null);
      return 'syn';
    }
    return this.scaleOf(pkt);
  }

  /** The scale of a (non-SYN) segment's window, from the handshakes seen so far. */
  scaleOf(pkt: DecodedPacket): WindowScale {
    if (pkt.tcp && pkt.tcp.flags & TCP_SYN) return 'syn';
    const mine = this.offered.get(key(pkt.src, pkt.srcPort, pkt.dst, pkt.dstPort));
    const theirs = this.offered.get(key(pkt.dst, pkt.dstPort, pkt.src, pkt.srcPort));
    if (mine === undefined || theirs === undefined) return 'unknown';
    if (mine === null || theirs === null) return 'unused';
    return Math.min(mine, MAX_SHIFT);
  }
}

/** The shift to apply (0 when none applies). */
export function shiftOf(scale: WindowScale): number {
  return typeof scale === 'number' ? scale : 0;
}
