// Writes a large classic pcap fast, for the big-capture end-to-end test and the benchmark: the real
// PPA switchboard chat (50 frames) at the start, `frames` − 100 frames of bulk TCP on many flows
// in the middle (small data segments and ACKs, checksums not recomputed: nothing here checks them),
// and the same chat again at the end on another client port, with its accounts renamed
// (tesla_… → nikol_…) and its switchboard session id changed (same lengths) so that it is another connection and another conversation,
// its times moved after the bulk. Frames are patched from per-flow templates into one big buffer, so
// two million frames take a second or two to write.

import { closeSync, openSync, writeSync } from 'node:fs';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { CAPTURES } from './captures';
import { tcpFrame } from './packet-builder';

const CHUNK = 4 << 20;
const FLOWS = 512;
/** PPA chat: client 192.168.0.114:3331 ↔ server 207.46.26.167:1863 (tshark). */
export const CHAT_FRAMES = 50;
const PPA_CLIENT_PORT = 3331;
export const SECOND_CHAT_CLIENT_PORT = 3332;
export const SECOND_CHAT_ACCOUNT_PREFIX = 'nikol_';

/** Same-length substitutions: the accounts, and the switchboard session id (in USR's cookie and CAL's reply). */
const RENAMES = [['tesla_', SECOND_CHAT_ACCOUNT_PREFIX], ['1835953129', '1835953130']].map(([a, b]) => [new TextEncoder().encode(a), new TextEncoder().encode(b)]);

function renameAccounts(data: Uint8Array): void {
  for (const [from, to] of RENAMES) {
    for (let i = 0; i + from.length <= data.length; i++) {
      if (from.every((b, k) => data[i + k] === b)) data.set(to, i);
    }
  }
}

export interface BigCapture {
  frames: number;
  /** Frame numbers of the two chats' first frames. */
  firstChat: number;
  secondChat: number;
}

export async function writeBigCapture(path: string, frames: number): Promise<BigCapture> {
  const chat: Array<{ tsUs: number; data: Uint8Array }> = [];
  for await (const f of readCaptureFile(CAPTURES.ppa2006, 0)) chat.push({ tsUs: f.tsUs, data: new Uint8Array(f.data) });
  if (chat.length !== CHAT_FRAMES) throw new Error(`expected ${CHAT_FRAMES} chat frames, got ${chat.length}`);
  const bulk = frames - 2 * CHAT_FRAMES;
  if (bulk < 0) throw new Error('too few frames');

  const fd = openSync(path, 'w');
  let buffer = new Uint8Array(CHUNK);
  let view = new DataView(buffer.buffer);
  let used = 0;
  const flush = () => {
    let done = 0;
    while (done < used) done += writeSync(fd, buffer, done, used - done);
    buffer = new Uint8Array(CHUNK);
    view = new DataView(buffer.buffer);
    used = 0;
  };
  const record = (tsUs: number, data: Uint8Array): number => {
    if (used + 16 + data.length > CHUNK) flush();
    const seconds = Math.floor(tsUs / 1e6);
    view.setUint32(used, seconds, true);
    view.setUint32(used + 4, tsUs - seconds * 1e6, true);
    view.setUint32(used + 8, data.length, true);
    view.setUint32(used + 12, data.length, true);
    buffer.set(data, used + 16);
    used += 16 + data.length;
    return used - data.length;
  };
  const header = new DataView(new ArrayBuffer(24));
  header.setUint32(0, 0xa1b2c3d4, true);
  header.setUint16(4, 2, true);
  header.setUint16(6, 4, true);
  header.setUint32(16, 262_144, true);
  header.setUint32(20, 1, true);
  buffer.set(new Uint8Array(header.buffer), 0);
  used = 24;

  try {
    for (const f of chat) record(f.tsUs, f.data);
    let tsUs = chat[chat.length - 1].tsUs;
    // Per flow: a data segment from the server (16 bytes, not MSNP) and the client's ACK.
    const payload = new Uint8Array(16).map((_, i) => 0x80 | i);
    const templates = Array.from({ length: FLOWS }, (_, k) => {
      const client = `10.2.${k >> 8}.${k & 255}`;
      const cport = 40000 + k;
      return {
        data: tcpFrame({ src: '192.0.2.1', dst: client, srcPort: 443, dstPort: cport, seq: 1000, ack: 5000, flags: 'PA', payload }),
        ack: tcpFrame({ src: client, dst: '192.0.2.1', srcPort: cport, dstPort: 443, seq: 5000, ack: 1016, flags: 'A' }),
        seq: 1000,
      };
    });
    for (let i = 0; i < bulk; i++) {
      const t = templates[(i >> 1) % FLOWS];
      tsUs += 7;
      if (i % 2 === 0) {
        const at = record(tsUs, t.data);
        view.setUint32(at + 38, t.seq); // TCP sequence number (Ethernet 14 + IPv4 20 + 4)
        t.seq = (t.seq + payload.length) >>> 0;
      } else {
        const at = record(tsUs, t.ack);
        view.setUint32(at + 42, t.seq); // TCP acknowledgement number
      }
    }
    const shift = tsUs + 1_000_000 - chat[0].tsUs;
    for (const f of chat) {
      const data = f.data.slice();
      const bytes = new DataView(data.buffer);
      if (bytes.getUint16(34) === PPA_CLIENT_PORT) bytes.setUint16(34, SECOND_CHAT_CLIENT_PORT);
      if (bytes.getUint16(36) === PPA_CLIENT_PORT) bytes.setUint16(36, SECOND_CHAT_CLIENT_PORT);
      renameAccounts(data);
      record(f.tsUs + shift, data);
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { frames, firstChat: 1, secondChat: frames - CHAT_FRAMES + 1 };
}
