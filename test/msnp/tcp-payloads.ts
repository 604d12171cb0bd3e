// Test helper: the TCP payloads of a classic Ethernet/IPv4 pcap, per direction of each
// connection, in frame order with retransmitted bytes dropped. Deliberately tiny (no IPv6, no
// reordering): enough to feed the framer and the HTTP parser with the real captures' bytes.
import { readFileSync } from 'node:fs';

export interface Segment {
  frame: number;
  tsUs: number;
  bytes: Uint8Array;
}

export interface HalfStream {
  /** "ip:port>ip:port" */
  key: string;
  srcPort: number;
  dstPort: number;
  segments: Segment[];
}

const ip4 = (b: Uint8Array, at: number): string => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;

export function tcpHalfStreams(path: string): HalfStream[] {
  const file = new Uint8Array(readFileSync(path));
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const little = view.getUint32(0, true) === 0xa1b2c3d4;
  const streams = new Map<string, HalfStream & { next: number | null }>();
  let off = 24;
  let frame = 0;
  while (off + 16 <= file.length) {
    frame++;
    const sec = view.getUint32(off, little);
    const usec = view.getUint32(off + 4, little);
    const caplen = view.getUint32(off + 8, little);
    const pkt = file.subarray(off + 16, off + 16 + caplen);
    off += 16 + caplen;
    if (pkt.length < 34 || pkt[12] !== 0x08 || pkt[13] !== 0x00) continue;
    const ihl = (pkt[14] & 0x0f) * 4;
    const total = (pkt[16] << 8) | pkt[17];
    if (pkt[23] !== 6) continue;
    const tcp = 14 + ihl;
    const srcPort = (pkt[tcp] << 8) | pkt[tcp + 1];
    const dstPort = (pkt[tcp + 2] << 8) | pkt[tcp + 3];
    const seq = ((pkt[tcp + 4] << 24) | (pkt[tcp + 5] << 16) | (pkt[tcp + 6] << 8) | pkt[tcp + 7]) >>> 0;
    const flags = pkt[tcp + 13];
    const dataStart = tcp + (pkt[tcp + 12] >> 4) * 4;
    const dataEnd = 14 + total; // IP total length, not the frame length (Ethernet trailers)
    const key = `${ip4(pkt, 26)}:${srcPort}>${ip4(pkt, 30)}:${dstPort}`;
    let s = streams.get(key);
    if (!s) {
      s = { key, srcPort, dstPort, segments: [], next: null };
      streams.set(key, s);
    }
    if (flags & 0x02) s.next = (seq + 1) >>> 0; // SYN
    if (dataEnd <= dataStart) continue;
    let bytes = pkt.subarray(dataStart, dataEnd);
    if (s.next !== null) {
      const behind = (s.next - seq) | 0;
      if (behind >= bytes.length) continue; // retransmission
      if (behind > 0) bytes = bytes.subarray(behind);
    }
    s.next = (seq + (dataEnd - dataStart)) >>> 0;
    s.segments.push({ frame, tsUs: sec * 1_000_000 + usec, bytes });
  }
  return [...streams.values()].map(({ key, srcPort: sp, dstPort: dp, segments }) => ({ key, srcPort: sp, dstPort: dp, segments }));
}
