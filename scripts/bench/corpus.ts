// Builds the benchmark corpora: reproducible classic pcaps of at least the requested size, with
// MSNP sessions of several versions (MSNP8 with Passport login, MSNP12, MSNP18 with network
// prefixes; notification and switchboard connections, chat, typing, presence) interleaved with
// non-MSNP traffic. Same seed, same bytes. Two mixes:
//  - 'msnp-dense': after every MSNP segment, three bulk segments of one long transfer (about one
//    packet in four is MSNP): the analysis of MSNP dominates.
//  - 'network-mix': after every MSNP segment, 29 other packets (one in thirty is MSNP), as on a
//    real network: several concurrent HTTPS downloads with handshakes, client ACKs and FINs, and
//    DNS over UDP: per-packet decoding and reassembly dominate.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PcapWriter } from '../../src/main/engine/capture/pcap-writer';
import { tcpFrame, udpFrame } from '../../test/helpers/packet-builder';
import { prng } from '../../test/helpers/prng';

interface Flow {
  client: string; server: string; cport: number; sport: number; cseq: number; sseq: number;
}

const VERSIONS = ['MSNP8', 'MSNP12', 'MSNP18'] as const;

function chatScript(version: (typeof VERSIONS)[number], a: string, b: string, n: number, rnd: () => number): Array<['c' | 's', string]> {
  const acct = (x: string) => (version === 'MSNP18' ? `1:${x}` : x);
  const lines: Array<['c' | 's', string]> = [
    ['c', `VER 1 ${version} CVR0\r\n`], ['s', `VER 1 ${version}\r\n`],
    ['c', `CVR 2 0x0409 win 5.1 i386 MSNMSGR 7.5.0324 msmsgs ${a}\r\n`], ['s', `CVR 2 7.5.0324 7.5.0324 7.0.0816 http://download.example/msn.exe http://messenger.example\r\n`],
    ['c', `USR 3 TWN I ${a}\r\n`], ['s', `USR 3 TWN S lc=1033,id=507,tw=40,fs=1,ru=http%3A%2F%2Fmessenger%2Emsn%2Ecom,ct=1062764229\r\n`],
    ['c', `USR 4 TWN S t=secret-ticket-${Math.floor(rnd() * 1e9)}&p=profile\r\n`], ['s', `USR 4 OK ${a} Alice 1 0\r\n`],
    ['c', 'CHG 5 NLN 0\r\n'], ['s', 'CHG 5 NLN 0\r\n'],
    ['s', `NLN NLN ${acct(b)} Bob 268435492\r\n`],
  ];
  for (let i = 0; i < n; i++) {
    const text = `message ${i} ${'lorem ipsum dolor sit amet '.repeat(1 + Math.floor(rnd() * 4))}`;
    const body = `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nX-MMS-IM-Format: FN=Arial; EF=; CO=0; CS=0; PF=22\r\n\r\n${text}`;
    const typing = `MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: ${a}\r\n\r\n\r\n`;
    lines.push(['c', `MSG ${10 + i * 2} U ${Buffer.byteLength(typing)}\r\n${typing}`]);
    lines.push(['c', `MSG ${11 + i * 2} A ${Buffer.byteLength(body)}\r\n${body}`], ['s', `ACK ${11 + i * 2}\r\n`]);
    if (i % 3 === 0) lines.push(['s', `MSG ${b} Bob ${Buffer.byteLength(body)}\r\n${body}`]);
  }
  lines.push(['c', 'OUT\r\n']);
  return lines;
}

export type CorpusMix = 'msnp-dense' | 'network-mix';

/** Packets of other traffic after each MSNP segment. */
const OTHER_PER_MSNP: Record<CorpusMix, number> = { 'msnp-dense': 3, 'network-mix': 29 };
/** Concurrent downloads in the network mix, and their length in segments. */
const DOWNLOADS = 6;
const DOWNLOAD_SEGMENTS = [200, 3000] as const;

interface Download {
  flow: Flow;
  /** Packets still to send: [fromClient, flags, payload]. */
  queue: Array<[boolean, string, Uint8Array]>;
}

export async function buildCorpus(path: string, targetBytes: number, mix: CorpusMix = 'msnp-dense', seed = 1863): Promise<{ bytes: number; frames: number }> {
  const rnd = prng(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let frames = 0;
  const writer = new PcapWriter((chunk) => {
    bytes += chunk.length;
    if (!out.write(chunk)) pending = true;
  }, { linkType: 1 });
  let pending = false;
  let tsUs = Date.UTC(2006, 5, 1) * 1000;
  const bulkPayload = new Uint8Array(1448).map((_, i) => (i * 31 + 7) & 0xff);
  let port = 20000;
  const write = async (frame: Uint8Array): Promise<void> => {
    tsUs += 50 + Math.floor(rnd() * 400);
    writer.writePacket(tsUs, frame);
    frames++;
    if (pending) {
      pending = false;
      await once(out, 'drain');
    }
  };
  const emit = async (f: Flow, fromClient: boolean, payload: Uint8Array | string, flags?: string): Promise<void> => {
    const p = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const frame = fromClient
      ? tcpFrame({ src: f.client, dst: f.server, srcPort: f.cport, dstPort: f.sport, seq: f.cseq, ack: flags === 'S' ? 0 : f.sseq, flags, payload: p })
      : tcpFrame({ src: f.server, dst: f.client, srcPort: f.sport, dstPort: f.cport, seq: f.sseq, ack: f.cseq, flags, payload: p });
    // SYN and FIN take a sequence number each.
    const advance = p.length + (flags?.includes('S') ? 1 : 0) + (flags?.includes('F') ? 1 : 0);
    if (fromClient) f.cseq = (f.cseq + advance) >>> 0;
    else f.sseq = (f.sseq + advance) >>> 0;
    await write(frame);
  };
  // Network mix: downloads that open, run and close, and DNS lookups.
  const none = new Uint8Array(0);
  const downloads: Download[] = [];
  let host = 0;
  const newDownload = (): Download => {
    host++;
    const flow: Flow = { client: `10.1.${(host >> 8) & 255}.${host & 255}`, server: `203.0.113.${host % 250}`, cport: 30000 + (host % 30000), sport: 443, cseq: Math.floor(rnd() * 2 ** 32), sseq: Math.floor(rnd() * 2 ** 32) };
    const segments = DOWNLOAD_SEGMENTS[0] + Math.floor(rnd() * (DOWNLOAD_SEGMENTS[1] - DOWNLOAD_SEGMENTS[0]));
    const queue: Download['queue'] = [[true, 'S', none], [false, 'SA', none], [true, 'A', none], [true, 'PA', bulkPayload.subarray(0, 517)]];
    for (let i = 0; i < segments; i++) {
      queue.push([false, i % 8 === 7 ? 'PA' : 'A', bulkPayload]);
      if (i % 2 === 1) queue.push([true, 'A', none]); // delayed ACK: every second segment
    }
    queue.push([false, 'FA', none], [true, 'FA', none], [false, 'A', none]);
    return { flow, queue: queue.reverse() };
  };
  const dnsQuery = Buffer.from('12340100000100000000000003777777076578616d706c6503636f6d0000010001', 'hex');
  const dnsAnswer = Buffer.from('12348180000100010000000003777777076578616d706c6503636f6d0000010001c00c000100010000012c00045db8d822', 'hex');
  let dns = 0;
  const emitOther = async (): Promise<void> => {
    if (rnd() < 1 / 40) {
      dns++;
      const client = `10.1.0.${dns % 200}`;
      const port = 40000 + (dns % 20000);
      await write(udpFrame({ src: client, dst: '10.0.0.53', srcPort: port, dstPort: 53, payload: dnsQuery }));
      await write(udpFrame({ src: '10.0.0.53', dst: client, srcPort: 53, dstPort: port, payload: dnsAnswer }));
      return;
    }
    while (downloads.length < DOWNLOADS) downloads.push(newDownload());
    const i = Math.floor(rnd() * downloads.length);
    const d = downloads[i];
    const [fromClient, flags, payload] = d.queue.pop() as Download['queue'][number];
    await emit(d.flow, fromClient, payload, flags);
    if (d.queue.length === 0) downloads.splice(i, 1);
  };
  let round = 0;
  while (bytes < targetBytes) {
    const version = VERSIONS[round % VERSIONS.length];
    const a = `user${round}@example.com`;
    const b = `peer${round}@example.com`;
    const msnp: Flow = { client: `10.${(round >> 8) & 255}.${round & 255}.2`, server: '65.54.239.80', cport: port++, sport: 1863, cseq: Math.floor(rnd() * 2 ** 32), sseq: Math.floor(rnd() * 2 ** 32) };
    const bulk: Flow = { client: '10.9.9.9', server: '192.0.2.80', cport: port++, sport: 443, cseq: Math.floor(rnd() * 2 ** 32), sseq: Math.floor(rnd() * 2 ** 32) };
    if (port > 60000) port = 20000;
    const script = chatScript(version, a, b, 40, rnd);
    for (const [side, text] of script) {
      await emit(msnp, side === 'c', text);
      for (let k = 0; k < OTHER_PER_MSNP[mix]; k++) {
        // MSNP-dense: a burst of one long transfer (about 20:1 by bytes).
        if (mix === 'msnp-dense') await emit(bulk, false, bulkPayload);
        else await emitOther();
      }
    }
    round++;
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return { bytes, frames };
}
