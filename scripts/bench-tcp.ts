// Microbenchmark of TCP reassembly (not a test): MB/s of payload delivered for in-order segments
// (the fast path) and with 1% of segment pairs swapped (the held-segment path).
// Run: npx tsx scripts/bench-tcp.ts [megabytes=200]

import type { DecodedPacket } from '../src/main/engine/decode/decoded-packet';
import { TCP_ACK, TCP_PSH } from '../src/main/engine/decode/decoded-packet';
import { TcpReassembler } from '../src/main/engine/tcp/tcp-reassembler';

const MSS = 1460;
const STREAMS = 8;
const megabytes = Number(process.argv[2] ?? 200);
const perStream = Math.ceil((megabytes * 1024 * 1024) / MSS / STREAMS);

/** Packets of STREAMS interleaved connections (no handshake: each starts mid-stream). */
function buildPackets(swapEvery: number): DecodedPacket[] {
  const chunk = new Uint8Array(MSS * 64).fill(0x41); // payloads are views into shared chunks, like frames
  const packets: DecodedPacket[] = [];
  for (let k = 0; k < perStream; k++) {
    for (let s = 0; s < STREAMS; s++) {
      packets.push({
        ipVersion: 4,
        src: '10.0.0.1',
        dst: '10.0.0.2',
        protocol: 6,
        srcPort: 40000 + s,
        dstPort: 1863,
        tcp: { seq: (0xfff00000 + k * MSS) >>> 0, ack: 1, flags: TCP_ACK | TCP_PSH, window: 65535 },
        payload: chunk.subarray((k % 64) * MSS, (k % 64 + 1) * MSS),
      });
    }
  }
  if (swapEvery > 0) {
    for (let i = STREAMS; i + STREAMS < packets.length; i += swapEvery * STREAMS) {
      [packets[i], packets[i + STREAMS]] = [packets[i + STREAMS], packets[i]];
    }
  }
  return packets;
}

function run(label: string, packets: DecodedPacket[]): void {
  let delivered = 0;
  const reassembler = new TcpReassembler(() => ({
    data: (_dir, bytes) => void (delivered += bytes.length),
    gap: () => {},
    end: () => {},
  }));
  const started = process.hrtime.bigint();
  for (let i = 0; i < packets.length; i++) reassembler.add(packets[i], i + 1, i);
  reassembler.finish();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mb = delivered / (1024 * 1024);
  console.log(`${label}: ${packets.length} segments, ${mb.toFixed(0)} MB in ${seconds.toFixed(3)} s = ${(mb / seconds).toFixed(0)} MB/s, ${(packets.length / seconds / 1e6).toFixed(2)} M segments/s`);
}

const inOrder = buildPackets(0);
const swapped = buildPackets(100);
for (let round = 1; round <= 3; round++) {
  run(`round ${round} in order`, inOrder);
  run(`round ${round} 1% swapped pairs`, swapped);
}
