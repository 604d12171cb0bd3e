// Builds the frames of a whole TCP conversation from a list of messages, with correct running
// sequence and acknowledgment numbers, an optional three-way handshake and FIN exchange, so a
// protocol test reads like a transcript:
//   tcpConversation({ client: { ip: '10.0.0.1', port: 1025 }, server: { ip: '10.0.0.2', port: 1863 },
//     messages: [{ from: 'client', payload: 'VER 1 MSNP8 CVR0\r\n' }, { from: 'server', payload: 'VER 1 MSNP8\r\n' }] })

import type { FrameSpec } from './capture-builder';
import { bytesOf, LINK, tcpFrame, type Bytes } from './packet-builder';

export interface Endpoint {
  ip: string;
  port: number;
}

export interface ConversationMessage {
  from: 'client' | 'server';
  payload: Bytes;
  /** Default: previous frame + stepUs. */
  tsUs?: number;
}

export interface ConversationOptions {
  client: Endpoint;
  server: Endpoint;
  messages: ConversationMessage[];
  /** SYN, SYN-ACK, ACK first (default true). */
  handshake?: boolean;
  /** FIN-ACK from the client, FIN-ACK from the server, final ACK (default true). */
  fin?: boolean;
  /** Default Ethernet. */
  linkType?: number;
  /** Time of the first frame (default 2006-03-23T12:00:00Z). */
  startTsUs?: number;
  /** Gap between frames (default 1 ms). */
  stepUs?: number;
  /** Initial sequence numbers (defaults 1000 and 5000). */
  clientIsn?: number;
  serverIsn?: number;
  /** Longer payloads are split into segments of at most this many bytes. */
  maxSegment?: number;
}

export function tcpConversation(opts: ConversationOptions): FrameSpec[] {
  const linkType = opts.linkType ?? LINK.ETHERNET;
  const step = opts.stepUs ?? 1000;
  const side = {
    client: { ep: opts.client, next: ((opts.clientIsn ?? 1000) + 1) >>> 0 },
    server: { ep: opts.server, next: ((opts.serverIsn ?? 5000) + 1) >>> 0 },
  };
  const frames: FrameSpec[] = [];
  let ts = (opts.startTsUs ?? 1_143_115_200_000_000) - step;
  const send = (from: 'client' | 'server', flags: string, payload: Uint8Array, seq: number, ack: number, at?: number) => {
    const me = side[from].ep;
    const peer = side[from === 'client' ? 'server' : 'client'].ep;
    ts = at ?? ts + step;
    const data = tcpFrame({ linkType, src: me.ip, dst: peer.ip, srcPort: me.port, dstPort: peer.port, seq, ack: flags.includes('A') ? ack : 0, flags, payload });
    frames.push({ tsUs: ts, data, linkType });
  };
  if (opts.handshake ?? true) {
    send('client', 'S', new Uint8Array(0), side.client.next - 1, 0);
    send('server', 'SA', new Uint8Array(0), side.server.next - 1, side.client.next);
    send('client', 'A', new Uint8Array(0), side.client.next, side.server.next);
  }
  for (const message of opts.messages) {
    const payload = bytesOf(message.payload);
    const size = opts.maxSegment ?? Math.max(payload.length, 1);
    const me = side[message.from];
    const peer = side[message.from === 'client' ? 'server' : 'client'];
    for (let pos = 0, first = true; pos < payload.length || (first && payload.length === 0); pos += size, first = false) {
      const segment = payload.subarray(pos, pos + size);
      send(message.from, 'PA', segment, me.next, peer.next, first ? message.tsUs : undefined);
      me.next = (me.next + segment.length) >>> 0;
    }
  }
  if (opts.fin ?? true) {
    const { client, server } = side;
    send('client', 'FA', new Uint8Array(0), client.next, server.next);
    client.next = (client.next + 1) >>> 0;
    send('server', 'FA', new Uint8Array(0), server.next, client.next);
    server.next = (server.next + 1) >>> 0;
    send('client', 'A', new Uint8Array(0), client.next, server.next);
  }
  return frames;
}
