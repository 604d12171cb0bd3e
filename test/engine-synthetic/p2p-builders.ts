// Builders for MSNSLP / P2P test traffic, written from the protocol description (PROTOCOL.md
// "P2P / MSNSLP"; msnpiki MSNC pages; MSNPSharp P2PMessage/P2Pv2Header; libpurple msn/p2p.c):
// the 48-byte little-endian v1 header, the big-endian v2 header with its data header, SLP text
// with a Content-Length that counts the body's trailing NUL, the file-transfer Context struct,
// the switchboard MIME wrapper with its big-endian footer, and direct-connection packets (4-byte
// little-endian length prefix, `foo\0`, nonce handshakes).

import { bytesOf, concatBytes, type Bytes } from '../helpers/packet-builder';

export const FILE_TRANSFER_EUF_GUID = '{5D3E02AB-6190-11D3-BBBB-00C04F795683}';

export interface V1Header {
  sessionId: number;
  id: number;
  offset?: number;
  total: number;
  length: number;
  flags?: number;
  ackId?: number;
  ackUid?: number;
  ackSize?: number;
}

/** P2P v1: session id, identifier, offset u64, total size u64, message length, flags, ack id, ack unique id, ack data size u64. */
export function v1Header(h: V1Header): Uint8Array {
  const out = new Uint8Array(48);
  const v = new DataView(out.buffer);
  v.setUint32(0, h.sessionId, true);
  v.setUint32(4, h.id, true);
  v.setBigUint64(8, BigInt(h.offset ?? 0), true);
  v.setBigUint64(16, BigInt(h.total), true);
  v.setUint32(24, h.length, true);
  v.setUint32(28, h.flags ?? 0, true);
  v.setUint32(32, h.ackId ?? 0, true);
  v.setUint32(36, h.ackUid ?? 0, true);
  v.setBigUint64(40, BigInt(h.ackSize ?? 0), true);
  return out;
}

/** One v1 message (header + data) carrying `data` whole. */
export function v1Message(sessionId: number, id: number, data: Bytes, flags = 0, ackId = 0x1a2b3c4d): Uint8Array {
  const bytes = bytesOf(data);
  return concatBytes(v1Header({ sessionId, id, total: bytes.length, length: bytes.length, flags, ackId }), bytes);
}

/** v1 data chunks of one message: same identifier, offsets into `data`. */
export function v1Chunks(sessionId: number, id: number, data: Uint8Array, chunk: number, flags: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let offset = 0; offset < data.length; offset += chunk) {
    const part = data.subarray(offset, offset + chunk);
    out.push(concatBytes(v1Header({ sessionId, id, offset, total: data.length, length: part.length, flags, ackId: 0x5000 + offset }), part));
  }
  return out;
}

export interface V2Packet {
  opCode?: number;
  sequence: number;
  /** Header TLVs (type, value); padded to a multiple of 4. */
  tlvs?: Array<[number, Uint8Array]>;
  /** Absent for a packet without data (e.g. a bare ACK). */
  data?: { tf: number; packageNumber: number; sessionId: number; remaining?: number; payload: Uint8Array };
}

function tlvBytes(tlvs: Array<[number, Uint8Array]>): Uint8Array {
  const raw = concatBytes(...tlvs.map(([t, value]) => concatBytes(Uint8Array.of(t, value.length), value)));
  return concatBytes(raw, new Uint8Array((4 - (raw.length % 4)) % 4));
}

/** P2P v2: header length, op code, message size u16, sequence u32, TLVs; data header length, TF, package u16, session u32, TLVs. */
export function v2Packet(p: V2Packet): Uint8Array {
  const headerTlvs = tlvBytes(p.tlvs ?? []);
  const header = new Uint8Array(8 + headerTlvs.length);
  let dataPart: Uint8Array = new Uint8Array(0);
  if (p.data) {
    const value = new Uint8Array(8);
    new DataView(value.buffer).setBigUint64(0, BigInt(p.data.remaining ?? 0), false);
    const remaining = p.data.remaining !== undefined ? tlvBytes([[1, value]]) : new Uint8Array(0);
    const dh = new Uint8Array(8 + remaining.length);
    const dv = new DataView(dh.buffer);
    dh[0] = dh.length;
    dh[1] = p.data.tf;
    dv.setUint16(2, p.data.packageNumber, false);
    dv.setUint32(4, p.data.sessionId, false);
    dh.set(remaining, 8);
    dataPart = concatBytes(dh, p.data.payload);
  }
  const v = new DataView(header.buffer);
  header[0] = header.length;
  header[1] = p.opCode ?? 0;
  v.setUint16(2, dataPart.length, false);
  v.setUint32(4, p.sequence, false);
  header.set(headerTlvs, 8);
  return concatBytes(header, dataPart);
}

export interface SlpOptions {
  to: string;
  from: string;
  branch: string;
  cseq: number;
  callId: string;
  contentType: string;
  /** `Key: value` lines of the body (a blank line and a NUL are added). */
  body: Array<[string, string]>;
}

/** SLP text: start line, headers, then the body; Content-Length counts the body and its NUL. */
export function slp(startLine: string, o: SlpOptions): Uint8Array {
  const body = bytesOf(`${o.body.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n\0`);
  const head = [
    startLine,
    `To: <msnmsgr:${o.to}>`,
    `From: <msnmsgr:${o.from}>`,
    `Via: MSNSLP/1.0/TLP ;branch=${o.branch}`,
    `CSeq: ${o.cseq} `,
    `Call-ID: ${o.callId}`,
    'Max-Forwards: 0',
    `Content-Type: ${o.contentType}`,
    `Content-Length: ${body.length}`,
  ];
  return concatBytes(bytesOf(`${head.join('\r\n')}\r\n\r\n`), body);
}

/** The switchboard MIME message around a binary P2P packet, with its 4-byte big-endian footer. */
export function p2pMime(dest: string, packet: Uint8Array, footer: number, src?: string): Uint8Array {
  const headers = ['MIME-Version: 1.0', 'Content-Type: application/x-msnmsgrp2p', ...(src ? [`P2P-Src: ${src}`] : []), `P2P-Dest: ${dest}`];
  const tail = new Uint8Array(4);
  new DataView(tail.buffer).setUint32(0, footer, false);
  return concatBytes(bytesOf(`${headers.join('\r\n')}\r\n\r\n`), packet, tail);
}

/** File-transfer Context (version 2, 574 bytes): length, version, size u64, type, UTF-16LE name[260], 30 bytes, u32. */
export function fileContext(name: string, size: number): string {
  const out = new Uint8Array(574);
  const v = new DataView(out.buffer);
  v.setUint32(0, 574, true);
  v.setUint32(4, 2, true);
  v.setBigUint64(8, BigInt(size), true);
  v.setUint32(16, 1, true); // no preview
  for (let i = 0; i < name.length; i++) v.setUint16(20 + i * 2, name.charCodeAt(i), true);
  out.fill(0xff, 20 + 520, 20 + 520 + 30);
  v.setUint32(570, 0xffffffff, true);
  return Buffer.from(out).toString('base64');
}

/** A GUID "{…}" in .NET byte order (Data1 LE u32, Data2 LE u16, Data3 LE u16, 8 bytes as written). */
export function guidBytes(guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, '');
  const b = Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return Uint8Array.of(b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], ...b.subarray(8));
}

/** A direct-connection packet: 4-byte little-endian length, then the bytes. */
export function directPacket(bytes: Uint8Array): Uint8Array {
  const prefix = new Uint8Array(4);
  new DataView(prefix.buffer).setUint32(0, bytes.length, true);
  return concatBytes(prefix, bytes);
}

export const FOO = directPacket(bytesOf('foo\0'));

/** v1 nonce handshake: a header with flag 0x100 (KEY) and the nonce in the ack id / ack uid / ack size fields. */
export function v1NonceHandshake(nonce: string): Uint8Array {
  const header = v1Header({ sessionId: 0, id: 0x7000, total: 0, length: 0, flags: 0x100 });
  header.set(guidBytes(nonce), 32);
  return directPacket(header);
}

/** Reverses a string, as WLM 2009 writes some transport header names and values. */
export const reversed = (text: string): string => [...text].reverse().join('');
