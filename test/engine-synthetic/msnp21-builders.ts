// Builders for MSNP21 SDG traffic, written from public documents (where each layout comes from is
// said at each builder):
// - KB_MSNP21 (msnp-sharp wiki, msndevs/msnp-sharp KB_MSNP21.md; mirrored on the NINA wiki
//   "MSN Protocol Version 21"): the three header blocks of an SDG (Routing with To/From and
//   `;epid=`, Service-Channel and Options; Reliability; Messaging 2.0 with Message-Type), and
//   Signal/CloseIMWindow's `local/remote` text body.
// - MSNPSharp's SDGBridge notes (P2P over the notification server): P2P data travels as
//   `Message-Type: Data`, `Content-Type: application/x-msnmsgrp2p`, `Content-Transfer-Encoding:
//   binary`, `Pipe: <package number>`, `Bridging-Offsets: 0[,o2,…]` (where each packet of a bundle
//   starts); the transport bodies (transreqbody / transrespbody) go as `Message-Type: Signal/P2P`
//   with the SLP text as a text/plain body.
// - NINA wiki "MSNC/P2Pv2 Headers": the P2P v2 packet (built by p2p-builders.ts v2Packet) and its
//   4-byte big-endian application-id footer (as on the switchboard).
// - libpurple msn/xfer.h MsnFileContext (and NINA wiki "MSNC/File transfer"): the file-transfer
//   Context, little-endian.

import type { ConversationMessage } from '../helpers/tcp-conversation';
import { bytesOf, concatBytes, type Bytes } from '../helpers/packet-builder';
import { conversationAt, type FrameSpec } from './synthetic';

const utf8 = new TextEncoder();

export interface SdgParts {
  /** Routing To / From as sent, e.g. `1:bob@live.com;epid={…}`. */
  to: string;
  from: string;
  messageType: string;
  contentType: string;
  /** More Messaging headers, after Message-Type and Content-Type. */
  headers?: Array<[string, string]>;
  body: Bytes;
}

/** An SDG body: Routing, Reliability, Messaging blocks, then the body (Content-Length counts its bytes). */
export function sdgBody(p: SdgParts): Uint8Array {
  const body = bytesOf(p.body);
  const block = (lines: string[]): string => `${lines.join('\r\n')}\r\n\r\n`;
  const head =
    block(['Routing: 1.0', `To: ${p.to}`, `From: ${p.from}`, 'Service-Channel: PE', 'Options: 0']) +
    block(['Reliability: 1.0']) +
    block([
      'Messaging: 2.0',
      `Message-Type: ${p.messageType}`,
      `Content-Type: ${p.contentType}`,
      ...(p.headers ?? []).map(([k, v]) => `${k}: ${v}`),
      `Content-Length: ${body.length}`,
    ]);
  return concatBytes(utf8.encode(head), body);
}

/** A P2P packet followed by its 4-byte big-endian application-id footer. */
export function withFooter(packet: Uint8Array, appId: number): Uint8Array {
  const footer = new Uint8Array(4);
  new DataView(footer.buffer).setUint32(0, appId, false);
  return concatBytes(packet, footer);
}

/**
 * `Message-Type: Data` carrying one or more footed P2P packets; Bridging-Offsets lists where each
 * starts. P2P-Src / P2P-Dest name the endpoints, as a third-party client sends them.
 */
export function sdgP2pData(to: string, from: string, pipe: number, packets: Uint8Array[]): Uint8Array {
  const offsets: number[] = [];
  let at = 0;
  for (const p of packets) {
    offsets.push(at);
    at += p.length;
  }
  return sdgBody({
    to,
    from,
    messageType: 'Data',
    contentType: 'application/x-msnmsgrp2p',
    headers: [
      ['Content-Transfer-Encoding', 'binary'],
      ['Pipe', String(pipe)],
      ['Bridging-Offsets', offsets.join(',')],
      ['P2P-Src', from.replace(/^\d+:/, '').replace(';epid=', ';')],
      ['P2P-Dest', to.replace(/^\d+:/, '').replace(';epid=', ';')],
    ],
    body: concatBytes(...packets),
  });
}

/**
 * File-transfer Context, version 3 (libpurple MsnFileContext): header length u32 (637 for
 * version 3: the 574-byte version 2 layout plus 63 bytes), version u32, file size u64, type u32
 * (1: no preview), file name as 260 UTF-16LE code units (NUL-padded), 30 unknown bytes (0xFF in
 * the wild), a u32 0xFFFFFFFF, then the 63 version-3 bytes (zeros here). Returned as base64.
 */
export function fileContextV3(name: string, size: number): string {
  const out = new Uint8Array(637);
  const v = new DataView(out.buffer);
  v.setUint32(0, 637, true);
  v.setUint32(4, 3, true);
  v.setBigUint64(8, BigInt(size), true);
  v.setUint32(16, 1, true);
  const units = Buffer.from(name, 'utf16le');
  if (units.length > 518) throw new Error('file name longer than the context holds');
  out.set(units, 20);
  out.fill(0xff, 540, 570);
  v.setUint32(570, 0xffffffff, true);
  return Buffer.from(out).toString('base64');
}

/** One MSNP21 notification connection of `account`: VER and an SSO USR answered OK, then `messages`. */
export function msnp21Connection(account: string, startUs: number, messages: ConversationMessage[], client = { ip: '192.168.5.5', port: 51000 }): FrameSpec[] {
  return conversationAt(startUs, {
    client,
    server: { ip: '65.54.239.140', port: 1863 },
    messages: [
      { from: 'client', payload: 'VER 1 MSNP21 CVR0\r\n' },
      { from: 'server', payload: 'VER 1 MSNP21\r\n' },
      { from: 'client', payload: `USR 2 SSO I ${account}\r\n` },
      { from: 'server', payload: `USR 2 OK ${account} 1 0\r\n` },
      ...messages,
    ],
  });
}
