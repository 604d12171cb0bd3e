// Frames one direction of a direct P2P connection: every packet is prefixed by its length as a
// 4-byte little-endian number. The connecting side first sends `foo\0`, then each side sends a
// handshake carrying the nonce agreed in the SLP transport negotiation (v1: a header with flag
// 0x100 KEY, the nonce in the ack fields; v2: a bare 16-byte nonce); then P2P messages follow
// without the switchboard's footer. Packets are bounded; a bad length stops the direction.
// Spec: PROTOCOL.md "P2P / MSNSLP" (direct connections); MSNPSharp P2PDCHandshakeMessage.

import { concatBytes } from '../msnp/byte-parts';
import { sniffP2pVersion } from './p2p-header-v2';

/** Larger packets mean we lost the framing (real ones are under 1400 bytes; allow headroom). */
export const MAX_DIRECT_PACKET = 1024 * 1024;

/** Where a packet sits in its direction's stream: `at` is its length prefix's offset, `length` counts the prefix. */
interface Placed {
  at: number;
  length: number;
}

export type DirectPacket = Placed &
  (
    | { type: 'foo'; frame: number; packet: Uint8Array }
    | { type: 'handshake'; version: 1 | 2; nonce: string; frame: number; packet: Uint8Array }
    | { type: 'p2p'; version: 1 | 2; packet: Uint8Array; frame: number }
    | { type: 'unknown'; packet: Uint8Array; frame: number }
  );

/** 16 bytes in .NET Guid order (Data1 LE u32, Data2 LE u16, Data3 LE u16, 8 bytes) → "{…}". */
export function guidFromBytes(bytes: Uint8Array): string {
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = Array.from(bytes.subarray(from, to), (b) => b.toString(16).padStart(2, '0'));
    return (reverse ? part.reverse() : part).join('');
  };
  return `{${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}}`.toUpperCase();
}

export class DirectP2pFramer {
  /** Copies of the bytes not yet framed (a packet still incomplete), joined once it is complete. */
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  private stopped = false;
  /** Stream offset of the first byte not yet framed. */
  private start = 0;
  /** A direction sends one nonce handshake; after it a 16-byte packet is a P2P v2 message (a bare ACK is 16 bytes). */
  private handshakeSeen = false;
  problem: string | null = null;

  /** Feeds in-order bytes; returns the packets they complete. */
  push(bytes: Uint8Array, frame: number): DirectPacket[] {
    if (this.stopped) return [];
    // A packet arriving in many small pieces is joined once, not copied again with each piece.
    if (this.partsLength > 0 && this.partsLength + bytes.length < this.waitingFor()) {
      this.keep(bytes);
      return [];
    }
    const input = this.partsLength > 0 ? concatBytes([...this.parts, bytes]) : bytes;
    this.parts = [];
    this.partsLength = 0;
    const packets: DirectPacket[] = [];
    let pos = 0;
    while (input.length - pos >= 4) {
      const length = new DataView(input.buffer, input.byteOffset + pos, 4).getUint32(0, true);
      if (length > MAX_DIRECT_PACKET) {
        this.stopped = true;
        this.problem = `direct P2P packet length ${length} is over ${MAX_DIRECT_PACKET}: framing lost`;
        return packets;
      }
      if (input.length - pos - 4 < length) break;
      const packet = classify(input.subarray(pos + 4, pos + 4 + length), frame, this.handshakeSeen);
      if (packet.type === 'handshake') this.handshakeSeen = true;
      packets.push({ ...packet, at: this.start + pos, length: 4 + length });
      pos += 4 + length;
    }
    this.start += pos;
    if (pos < input.length) this.keep(input.subarray(pos));
    return packets;
  }

  /** Frees what is held (the connection ended). */
  release(): void {
    this.parts = [];
    this.partsLength = 0;
  }

  /** Bytes the held packet needs in all: its length prefix, then what that prefix says (0: a bad length, to report now). */
  private waitingFor(): number {
    if (this.partsLength < 4) return 4;
    const head = concatBytes(this.parts, 4);
    const length = new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true);
    return length > MAX_DIRECT_PACKET ? 0 : 4 + length;
  }

  /** Keeps a copy: the input may be a view into a reused buffer. */
  private keep(bytes: Uint8Array): void {
    this.parts.push(bytes.slice());
    this.partsLength += bytes.length;
  }
}

type Unplaced<T> = T extends Placed ? Omit<T, keyof Placed> : never;

function classify(packet: Uint8Array, frame: number, handshakeSeen: boolean): Unplaced<DirectPacket> {
  if (packet.length === 4 && packet[0] === 0x66 && packet[1] === 0x6f && packet[2] === 0x6f && packet[3] === 0) return { type: 'foo', frame, packet };
  if (packet.length === 16 && !handshakeSeen) return { type: 'handshake', version: 2, nonce: guidFromBytes(packet), frame, packet };
  const version = sniffP2pVersion(packet);
  if (version === 1) {
    const flags = new DataView(packet.buffer, packet.byteOffset, packet.byteLength).getUint32(28, true);
    if ((flags & 0x100) !== 0) return { type: 'handshake', version: 1, nonce: guidFromBytes(packet.subarray(32, 48)), frame, packet };
  }
  return version ? { type: 'p2p', version, packet, frame } : { type: 'unknown', packet, frame };
}
