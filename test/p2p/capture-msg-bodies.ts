// A deliberately small reader for the P2P tests: the MSG commands (line + body) of the
// switchboard connections in a classic-pcap Ethernet/IPv4 capture. It assumes in-order TCP
// segments without retransmissions, which holds for the capture it is used on (checked with
// `tshark -Y tcp.analysis.flags`: only two FIN retransmissions on port 443). It is independent
// of the engine's own capture/TCP layers on purpose, so the P2P tests do not depend on them.
import { readFileSync } from 'node:fs';

export interface CapturedMsg {
  /** Frame number (1-based) of the segment that completed the command. */
  frame: number;
  /** "client-ip:port>server-ip:port" of the TCP connection. */
  connection: string;
  direction: 'c2s' | 's2c';
  line: string;
  body: Uint8Array;
  /** The connection's account, from its USR / ANS line. */
  account: string | null;
}

interface Flow {
  connection: string;
  direction: 'c2s' | 's2c';
  chunks: Array<{ bytes: Uint8Array; frame: number }>;
}

export function readSwitchboardMsgs(path: string, switchboardPort: number): CapturedMsg[] {
  const file = readFileSync(path);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const little = view.getUint32(0, true) === 0xa1b2c3d4;
  const flows = new Map<string, Flow>();
  let pos = 24;
  let frame = 0;
  while (pos + 16 <= file.length) {
    const captured = view.getUint32(pos + 8, little);
    const packet = file.subarray(pos + 16, pos + 16 + captured);
    pos += 16 + captured;
    frame++;
    if (packet.length < 34 || packet[12] !== 0x08 || packet[13] !== 0x00) continue;
    const ip = 14;
    const ihl = (packet[ip] & 0x0f) * 4;
    const total = (packet[ip + 2] << 8) | packet[ip + 3];
    if (packet[ip + 9] !== 6) continue;
    const tcp = ip + ihl;
    const srcPort = (packet[tcp] << 8) | packet[tcp + 1];
    const dstPort = (packet[tcp + 2] << 8) | packet[tcp + 3];
    const payload = packet.subarray(tcp + (packet[tcp + 12] >> 4) * 4, ip + total);
    if (payload.length === 0 || (srcPort !== switchboardPort && dstPort !== switchboardPort)) continue;
    const src = `${packet.subarray(ip + 12, ip + 16).join('.')}:${srcPort}`;
    const dst = `${packet.subarray(ip + 16, ip + 20).join('.')}:${dstPort}`;
    const direction = dstPort === switchboardPort ? 'c2s' : 's2c';
    const connection = direction === 'c2s' ? `${src}>${dst}` : `${dst}>${src}`;
    const key = `${connection}|${direction}`;
    let flow = flows.get(key);
    if (!flow) flows.set(key, (flow = { connection, direction, chunks: [] }));
    flow.chunks.push({ bytes: payload, frame });
  }

  const accounts = new Map<string, string>();
  const out: CapturedMsg[] = [];
  for (const flow of flows.values()) {
    const data = Buffer.concat(flow.chunks.map((c) => c.bytes));
    const ends: number[] = [];
    let sum = 0;
    for (const c of flow.chunks) ends.push((sum += c.bytes.length));
    const frameAt = (end: number) => flow.chunks[ends.findIndex((e) => e >= end)].frame;
    let at = 0;
    while (at < data.length) {
      const eol = data.indexOf(0x0a, at);
      if (eol < 0) break;
      const line = data.subarray(at, eol).toString('utf8').replace(/\r$/, '');
      at = eol + 1;
      const tokens = line.split(' ');
      if (flow.direction === 'c2s' && (tokens[0] === 'USR' || tokens[0] === 'ANS')) accounts.set(flow.connection, tokens[2]);
      if (tokens[0] !== 'MSG') continue;
      const length = Number(tokens[tokens.length - 1]);
      out.push({ frame: frameAt(at + length), connection: flow.connection, direction: flow.direction, line, body: new Uint8Array(data.subarray(at, at + length)), account: null });
      at += length;
    }
  }
  for (const m of out) m.account = accounts.get(m.connection) ?? null;
  return out.sort((a, b) => a.frame - b.frame);
}
