// Builders for synthetic P2P test input: SLP text with a correct Content-Length, P2P v1 and v2
// bodies, MSG payloads and message contexts. Byte layouts follow PROTOCOL.md "P2P / MSNSLP" and
// are checked field by field in p2p-header-v1.test.ts / p2p-header-v2.test.ts.
import type { MessageContext } from '../../src/main/engine/message/message-context';
import { parseMimeMessage, type ParsedMimeMessage } from '../../src/main/engine/message/parse-mime-message';

const utf8 = new TextEncoder();

/** SLP message text; the body ends with CRLF and the NUL real clients send (counted in Content-Length). */
export function slpText(startLine: string, headers: Array<[string, string]>, bodyLines: string[], contentType: string): Uint8Array {
  const body = bodyLines.length > 0 ? `${bodyLines.join('\r\n')}\r\n\r\n\0` : '\0';
  const all: Array<[string, string]> = [...headers, ['Content-Type', contentType], ['Content-Length', String(utf8.encode(body).length)]];
  return utf8.encode(`${startLine}\r\n${all.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
}

export function slpHeaders(from: string, to: string, callId: string, cseq = 0): Array<[string, string]> {
  return [
    ['To', `<msnmsgr:${to}>`],
    ['From', `<msnmsgr:${from}>`],
    ['Via', 'MSNSLP/1.0/TLP ;branch={A0D624A6-6C0C-4283-A9E0-BC97B4B46D32}'],
    ['CSeq', String(cseq)],
    ['Call-ID', callId],
    ['Max-Forwards', '0'],
  ];
}

export interface V1Fields {
  sessionId?: number;
  identifier?: number;
  offset?: number;
  totalSize?: number;
  flags?: number;
  ackIdentifier?: number;
  ackUniqueId?: number;
  ackDataSize?: number;
  footer?: number | null;
}

export function p2pV1(data: Uint8Array, f: V1Fields = {}): Uint8Array {
  const footer = f.footer === undefined ? 0 : f.footer;
  const out = new Uint8Array(48 + data.length + (footer === null ? 0 : 4));
  const v = new DataView(out.buffer);
  v.setUint32(0, f.sessionId ?? 0, true);
  v.setUint32(4, f.identifier ?? 1000, true);
  v.setBigUint64(8, BigInt(f.offset ?? 0), true);
  v.setBigUint64(16, BigInt(f.totalSize ?? data.length), true);
  v.setUint32(24, data.length, true);
  v.setUint32(28, f.flags ?? 0, true);
  v.setUint32(32, f.ackIdentifier ?? 0, true);
  v.setUint32(36, f.ackUniqueId ?? 0, true);
  v.setBigUint64(40, BigInt(f.ackDataSize ?? 0), true);
  out.set(data, 48);
  if (footer !== null) v.setUint32(48 + data.length, footer, false);
  return out;
}

export interface V2Fields {
  opCode?: number;
  sequence?: number;
  tf?: number;
  packageNumber?: number;
  sessionId?: number;
  dataRemaining?: number | null;
  footer?: number | null;
}

/** A v2 chunk: 8-byte header (no TLVs), a data header with the data-remaining TLV when given. */
export function p2pV2(data: Uint8Array, f: V2Fields = {}): Uint8Array {
  const footer = f.footer === undefined ? 0 : f.footer;
  const dataHeader = f.dataRemaining !== undefined && f.dataRemaining !== null ? 20 : 8;
  const messageSize = data.length > 0 ? dataHeader + data.length : 0;
  const out = new Uint8Array(8 + messageSize + (footer === null ? 0 : 4));
  const v = new DataView(out.buffer);
  out[0] = 8;
  out[1] = f.opCode ?? 0;
  v.setUint16(2, messageSize, false);
  v.setUint32(4, f.sequence ?? 1, false);
  if (messageSize > 0) {
    out[8] = dataHeader;
    out[9] = f.tf ?? 0;
    v.setUint16(10, f.packageNumber ?? 0, false);
    v.setUint32(12, f.sessionId ?? 0, false);
    if (dataHeader === 20) {
      out[16] = 1;
      out[17] = 8;
      v.setBigUint64(18, BigInt(f.dataRemaining as number), false);
    }
    out.set(data, 8 + dataHeader);
  }
  if (footer !== null) v.setUint32(8 + messageSize, footer, false);
  return out;
}

/** A switchboard MSG payload carrying a P2P body. */
export function p2pMessage(body: Uint8Array, dest = 'bob@example.com', src?: string): ParsedMimeMessage {
  const head = utf8.encode(`MIME-Version: 1.0\r\nContent-Type: application/x-msnmsgrp2p\r\n${src ? `P2P-Src: ${src}\r\n` : ''}P2P-Dest: ${dest}\r\n\r\n`);
  const payload = new Uint8Array(head.length + body.length);
  payload.set(head);
  payload.set(body, head.length);
  return parseMimeMessage(payload);
}

export function textMessage(text: string): ParsedMimeMessage {
  return parseMimeMessage(utf8.encode(text));
}

export function ctx(over: Partial<MessageContext> = {}): MessageContext {
  return { connection: 1, session: 1, from: 'alice@example.com', fromNick: 'Alice', to: ['bob@example.com'], frame: 10, tsUs: 0, duplicate: false, ...over };
}

export const bytes = (text: string): Uint8Array => utf8.encode(text);

/** A version 2 file-transfer context (574 bytes, as msn-pecan sends it), base64. */
export function fileContext(name: string, size: number): string {
  const out = new Uint8Array(574);
  const v = new DataView(out.buffer);
  v.setUint32(0, 574, true);
  v.setUint32(4, 2, true);
  v.setBigUint64(8, BigInt(size), true);
  for (let i = 0; i < name.length; i++) v.setUint16(20 + 2 * i, name.charCodeAt(i), true);
  v.setUint32(570, 0xffffffff, true);
  return Buffer.from(out).toString('base64');
}

/** Deterministic file content. */
export function pattern(length: number, mul: number, add: number): Uint8Array {
  return new Uint8Array(length).map((_, i) => (i * mul + add) & 0xff);
}
