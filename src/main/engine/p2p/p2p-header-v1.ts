// P2P version 1 (MSNP9 – WLM 8.5): a 48-byte little-endian binary header, the data, and — when
// carried in a switchboard MSG — a 4-byte big-endian application id footer. Direct connections
// carry no footer. Chunks of one message share the identifier and are joined by offset.
// Spec: PROTOCOL.md "P2P / MSNSLP"; msnpiki "MSNC:P2Pv1 Headers" (field order, flags).

export interface P2pV1Header {
  sessionId: number;
  identifier: number;
  /** u64 on the wire; values beyond 2^53 are clamped and flagged by `hugeNumbers`. */
  offset: number;
  totalSize: number;
  messageLength: number;
  flags: number;
  ackIdentifier: number;
  ackUniqueId: number;
  ackDataSize: number;
}

export interface P2pV1Message {
  version: 1;
  header: P2pV1Header;
  /** The chunk's data: `messageLength` bytes after the header (fewer if truncated). A view, no copy. */
  data: Uint8Array;
  /** Application id footer (big-endian), or null when absent (direct connections). */
  footer: number | null;
  /** Problems found: short body, data running past the end, oversized u64 values. */
  problems: string[];
}

export const P2P_V1_HEADER_LENGTH = 48;

/** Flag bits (PROTOCOL.md names) and the WLM 2009 compatibility bit libpurple documents. */
export const P2P_V1_FLAGS: ReadonlyArray<[number, string]> = [
  [0x1, 'NAK'],
  [0x2, 'ACK'],
  [0x4, 'RAK'],
  [0x8, 'RST'],
  [0x10, 'file data'],
  [0x20, 'EACH'],
  [0x40, 'CAN'],
  [0x80, 'ERR'],
  [0x100, 'KEY'],
  [0x200, 'CRYPT'],
  [0x1000000, 'WLM 2009 compatible'],
];

/** Application ids of the footer. */
export const P2P_APP_IDS: Record<number, string> = {
  0: 'session negotiation',
  1: 'MSN object',
  2: 'file transfer',
  4: 'webcam',
  11: 'custom emoticon',
  12: 'display picture',
};

export function p2pV1FlagNames(flags: number): string[] {
  const names: string[] = [];
  let known = 0;
  for (const [bit, name] of P2P_V1_FLAGS) {
    known |= bit;
    if ((flags & bit) !== 0) names.push(name);
  }
  const unknown = (flags & ~known) >>> 0;
  if (unknown !== 0) names.push(`0x${unknown.toString(16)}`);
  return names;
}

/** Chunk carries file data (flag 0x10 set; pecan and WLM 2009 send 0x1000030). */
export function isP2pV1FileData(flags: number): boolean {
  return (flags & 0x10) !== 0;
}

function u64(view: DataView, at: number, problems: string[], name: string): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    problems.push(`${name} ${value} is beyond 2^53`);
    return Number.MAX_SAFE_INTEGER;
  }
  return Number(value);
}

/**
 * Parses a v1 P2P body. `hasFooter`: true for switchboard MSGs (4 bytes follow the data), false for
 * direct-connection packets. Returns null when the body is shorter than the header.
 */
export function parseP2pV1(body: Uint8Array, hasFooter = true): P2pV1Message | null {
  if (body.length < P2P_V1_HEADER_LENGTH) return null;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const problems: string[] = [];
  const header: P2pV1Header = {
    sessionId: view.getUint32(0, true),
    identifier: view.getUint32(4, true),
    offset: u64(view, 8, problems, 'offset'),
    totalSize: u64(view, 16, problems, 'total size'),
    messageLength: view.getUint32(24, true),
    flags: view.getUint32(28, true),
    ackIdentifier: view.getUint32(32, true),
    ackUniqueId: view.getUint32(36, true),
    ackDataSize: u64(view, 40, problems, 'ack data size'),
  };
  const available = body.length - P2P_V1_HEADER_LENGTH - (hasFooter ? 4 : 0);
  let length = header.messageLength;
  if (length > Math.max(available, 0)) {
    problems.push(`message length ${length} but only ${Math.max(available, 0)} bytes follow the header`);
    length = Math.max(available, 0);
  }
  const data = body.subarray(P2P_V1_HEADER_LENGTH, P2P_V1_HEADER_LENGTH + length);
  const footerAt = P2P_V1_HEADER_LENGTH + header.messageLength;
  const footer = hasFooter && footerAt + 4 <= body.length ? view.getUint32(footerAt, false) : null;
  if (header.offset + header.messageLength > header.totalSize && header.totalSize > 0) {
    problems.push(`offset ${header.offset} + length ${header.messageLength} is beyond the total size ${header.totalSize}`);
  }
  return { version: 1, header, data, footer, problems };
}
