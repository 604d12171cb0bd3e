// TLS record layer (RFC 8446 §5.1, RFC 5246 §6.2): a 5-byte header — content type, protocol
// version, length — before each record. The MSN clients' Passport/SSO logins run TLS on port 443;
// a segment there whose payload starts with a record header is labelled TLS (by the record's
// version, as Wireshark's Protocol column does: "TLSv1" for a ClientHello sent in a 0x0301
// record) and its records are shown in the tree. Nothing is decrypted.

import type { TreeNode } from '../../../shared/model';
import { field, hex, remark, u16 } from './tree-field';

export const TLS_PORT = 443;

const CONTENT_TYPES: Record<number, string> = { 20: 'Change Cipher Spec', 21: 'Alert', 22: 'Handshake', 23: 'Application Data', 24: 'Heartbeat' };
const VERSIONS: Record<number, { short: string; long: string }> = {
  0x0300: { short: 'SSLv3', long: 'SSL 3.0' },
  0x0301: { short: 'TLSv1', long: 'TLS 1.0' },
  0x0302: { short: 'TLSv1.1', long: 'TLS 1.1' },
  0x0303: { short: 'TLSv1.2', long: 'TLS 1.2' },
  0x0304: { short: 'TLSv1.3', long: 'TLS 1.3' },
};
const HANDSHAKE_TYPES: Record<number, string> = {
  0: 'Hello Request', 1: 'Client Hello', 2: 'Server Hello', 4: 'New Session Ticket', 8: 'Encrypted Extensions', 11: 'Certificate',
  12: 'Server Key Exchange', 13: 'Certificate Request', 14: 'Server Hello Done', 15: 'Certificate Verify', 16: 'Client Key Exchange', 20: 'Finished',
};
/** 2^14 plus the expansion RFC 5246 §6.2.3 allows. */
const MAX_RECORD = 16384 + 2048;

export interface TlsRecordHeader {
  contentType: number;
  version: number;
  length: number;
}

/** The record header at data[at], or null when those bytes are not one. */
export function tlsRecordAt(data: Uint8Array, at: number, end = data.length): TlsRecordHeader | null {
  if (at + 5 > end) return null;
  const contentType = data[at];
  const version = u16(data, at + 1);
  const length = u16(data, at + 3);
  if (!CONTENT_TYPES[contentType] || !VERSIONS[version] || length === 0 || length > MAX_RECORD) return null;
  return { contentType, version, length };
}

/** True for a TCP segment between the TLS port and anything. */
export function onTlsPort(srcPort: number, dstPort: number): boolean {
  return srcPort === TLS_PORT || dstPort === TLS_PORT;
}

/** "TLSv1.2" when the payload starts with a TLS record, else null. */
export function tlsLabel(payload: Uint8Array): string | null {
  const record = tlsRecordAt(payload, 0);
  return record ? VERSIONS[record.version].short : null;
}

function recordNode(data: Uint8Array, at: number, end: number, r: TlsRecordHeader): TreeNode {
  const type = CONTENT_TYPES[r.contentType];
  const version = VERSIONS[r.version];
  const available = Math.min(r.length, end - at - 5);
  const children: TreeNode[] = [
    field(`Content Type: ${type} (${r.contentType})`, at, 1),
    field(`Version: ${version.long} (${hex(r.version, 4)})`, at + 1, 2),
    field(`Length: ${r.length}`, at + 3, 2),
  ];
  // A handshake message's type is in clear until the keys change (then it is "Encrypted").
  if (r.contentType === 22 && available >= 4) {
    const name = HANDSHAKE_TYPES[data[at + 5]];
    children.push(field(name ? `Handshake Protocol: ${name} (${data[at + 5]})` : 'Handshake Protocol: Encrypted Handshake Message', at + 5, available));
  } else if (available > 0) {
    children.push(field(r.contentType === 23 ? `Encrypted Application Data (${available} bytes)` : `${type} (${available} bytes)`, at + 5, available));
  }
  if (available < r.length) children.push(remark(`[Record continues: ${r.length - available} of its ${r.length} bytes are in later segments]`, 'note'));
  return field(`${version.short} Record Layer: ${type} Protocol`, at, 5 + available, children);
}

/** The records of data[start, end), for a segment whose payload starts with one. */
export function describeTls(data: Uint8Array, start: number, end: number): TreeNode | null {
  const records: TreeNode[] = [];
  let at = start;
  while (at < end && records.length < 64) {
    const r = tlsRecordAt(data, at, end);
    if (!r) break;
    records.push(recordNode(data, at, end, r));
    at += 5 + r.length;
  }
  if (records.length === 0) return null;
  if (at < end) records.push(remark(`[${end - at} bytes after the last record header read]`, 'note', [at, end - at]));
  return field('Transport Layer Security', start, end - start, records);
}
