// A shared capture with segments taken out, for expert notes counted from the bytes: the 2005
// Wireshark sample's notification connection (192.168.1.14:1037 ↔ :1863) carries 40 client
// keep-alives "PNG\r\n"; every other one (the 1st, 3rd, …) is dropped. The holes are found again
// from the bytes: a client data segment whose sequence number is past the end of the previous one.
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { buildPcap, readAllFrames, writeTempCapture } from './capture-builder';
import { CAPTURES } from './captures';

export const PNG = 'PNG\r\n';
const SERVER_PORT = 1863;

/** Writes the sample without every other client PNG (a temporary file: the caller removes its directory); `holes` are the 1-based frames where client data resumes after a hole. */
export async function withoutEveryOtherPing() {
  const { frames } = await readAllFrames(CAPTURES.wireshark2005);
  let pings = 0;
  const kept = frames.filter((f) => {
    const p = decodePacket(f.linkType, f.data);
    const ping = !!p?.tcp && p.dstPort === SERVER_PORT && Buffer.from(p.payload).toString('latin1') === PNG;
    return !(ping && pings++ % 2 === 0);
  });
  const holes: Array<{ frame: number; bytes: number }> = [];
  const nextSeq = new Map<string, number>();
  kept.forEach((f, i) => {
    const p = decodePacket(f.linkType, f.data);
    if (!p?.tcp || p.payload.length === 0 || p.dstPort !== SERVER_PORT) return;
    const flow = `${p.src}:${p.srcPort}>${p.dst}:${p.dstPort}`;
    const expected = nextSeq.get(flow);
    if (expected !== undefined && p.tcp.seq > expected) holes.push({ frame: i + 1, bytes: p.tcp.seq - expected });
    nextSeq.set(flow, p.tcp.seq + p.payload.length);
  });
  const path = writeTempCapture(buildPcap(kept.map((f) => ({ tsUs: f.tsUs, data: f.data, linkType: f.linkType, originalLength: f.originalLength }))), 'msnms-2005-pings-lost.pcap');
  return { path, dropped: Math.ceil(pings / 2), holes };
}

