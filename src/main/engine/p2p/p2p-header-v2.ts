// P2P version 2 (WLM 2009+, MSNP18): big-endian. Header: length byte (8 + TLVs, padded to 4),
// op code (SYN 0x1, RAK 0x2), message size u16 (data header + data), sequence number u32, then
// TLVs (1 peer info, 2 ACK sequence, 3 NAK sequence). When the message size is non-zero a data
// header follows: length byte, TF combination (1 first, 4 MSN object, 6 file transfer), package
// number u16, session id u32, TLVs (1 data remaining u64). Switchboard MSGs add a 4-byte footer.
// Spec: PROTOCOL.md "P2P / MSNSLP"; field order as in MSNPSharp P2Pv2Header and libpurple p2p.c.

export interface Tlv {
  type: number;
  /** Value bytes (a view into the body). */
  value: Uint8Array;
  /** Offset of the TLV's type byte within the body. */
  at: number;
}

export interface P2pV2DataHeader {
  length: number;
  tf: number;
  packageNumber: number;
  sessionId: number;
  tlvs: Tlv[];
  /** TLV 1 of the data header: bytes of this package still to come after this chunk. */
  dataRemaining: number | null;
}

export interface P2pV2Message {
  version: 2;
  headerLength: number;
  opCode: number;
  messageSize: number;
  sequenceNumber: number;
  tlvs: Tlv[];
  ackSequence: number | null;
  nakSequence: number | null;
  dataHeader: P2pV2DataHeader | null;
  /** Payload after the data header (a view). */
  data: Uint8Array;
  /** Offset of `data` within the body. */
  dataOffset: number;
  footer: number | null;
  problems: string[];
}

export function p2pV2OpCodeNames(op: number): string[] {
  const names: string[] = [];
  if (op & 0x1) names.push('SYN');
  if (op & 0x2) names.push('RAK');
  if (op & ~0x3) names.push(`0x${(op & ~0x3).toString(16)}`);
  return names;
}

export function p2pV2TfName(tf: number): string {
  const kind: Record<number, string> = { 0: 'SLP / control', 2: 'unknown (2)', 4: 'MSN object', 6: 'file transfer' };
  const base = kind[tf & ~1] ?? `unknown (0x${(tf & ~1).toString(16)})`;
  return tf & 1 ? `${base}, first` : base;
}

/** TLVs in body[start, end): type, length, value; type 0 is padding and ends the list. */
function readTlvs(body: Uint8Array, start: number, end: number, problems: string[], where: string): Tlv[] {
  const tlvs: Tlv[] = [];
  let pos = start;
  while (pos < end) {
    const type = body[pos];
    if (type === 0) break;
    if (pos + 2 > end || pos + 2 + body[pos + 1] > end) {
      problems.push(`${where} TLV ${type} runs past the end of its header`);
      break;
    }
    const length = body[pos + 1];
    tlvs.push({ type, value: body.subarray(pos + 2, pos + 2 + length), at: pos });
    pos += 2 + length;
  }
  return tlvs;
}

function u32(value: Uint8Array): number | null {
  return value.length === 4 ? new DataView(value.buffer, value.byteOffset, 4).getUint32(0, false) : null;
}

function u64(value: Uint8Array): number | null {
  if (value.length !== 8) return null;
  const big = new DataView(value.buffer, value.byteOffset, 8).getBigUint64(0, false);
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
}

/** Parses a v2 P2P body; null when it cannot be one (too short, header length below 8). */
export function parseP2pV2(body: Uint8Array, hasFooter = true): P2pV2Message | null {
  if (body.length < 8) return null;
  const headerLength = body[0];
  if (headerLength < 8 || headerLength > body.length) return null;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const problems: string[] = [];
  const messageSize = view.getUint16(2, false);
  const tlvs = readTlvs(body, 8, headerLength, problems, 'header');
  const tlv = (type: number) => tlvs.find((t) => t.type === type);
  const message: P2pV2Message = {
    version: 2,
    headerLength,
    opCode: body[1],
    messageSize,
    sequenceNumber: view.getUint32(4, false),
    tlvs,
    ackSequence: tlv(2) ? u32((tlv(2) as Tlv).value) : null,
    nakSequence: tlv(3) ? u32((tlv(3) as Tlv).value) : null,
    dataHeader: null,
    data: body.subarray(headerLength, headerLength),
    dataOffset: headerLength,
    footer: null,
    problems,
  };
  const end = headerLength + messageSize;
  if (end > body.length - (hasFooter ? 4 : 0)) problems.push(`message size ${messageSize} runs past the end of the body`);
  if (messageSize > 0) {
    const at = headerLength;
    const dataHeaderLength = body[at] ?? 0;
    if (dataHeaderLength < 8 || at + dataHeaderLength > body.length || dataHeaderLength > messageSize) {
      problems.push(`bad data header length ${dataHeaderLength}`);
    } else {
      const dataTlvs = readTlvs(body, at + 8, at + dataHeaderLength, problems, 'data header');
      const remaining = dataTlvs.find((t) => t.type === 1);
      message.dataHeader = {
        length: dataHeaderLength,
        tf: body[at + 1],
        packageNumber: view.getUint16(at + 2, false),
        sessionId: view.getUint32(at + 4, false),
        tlvs: dataTlvs,
        dataRemaining: remaining ? u64(remaining.value) : null,
      };
      message.dataOffset = at + dataHeaderLength;
      message.data = body.subarray(message.dataOffset, Math.min(end, body.length));
    }
  }
  if (hasFooter && end + 4 <= body.length) message.footer = view.getUint32(end, false);
  return message;
}

/**
 * Which P2P version a direct-connection packet (one length-prefixed packet, no footer) is:
 * the version whose lengths add up exactly to the packet, v1 first; null when neither does.
 */
export function sniffP2pVersion(packet: Uint8Array): 1 | 2 | null {
  if (packet.length >= 48) {
    const length = new DataView(packet.buffer, packet.byteOffset, packet.byteLength).getUint32(24, true);
    if (48 + length === packet.length) return 1;
  }
  if (packet.length >= 8) {
    const headerLength = packet[0];
    const size = (packet[2] << 8) | packet[3];
    if (headerLength >= 8 && headerLength % 4 === 0 && packet[1] <= 3 && headerLength + size === packet.length) return 2;
  }
  return null;
}
