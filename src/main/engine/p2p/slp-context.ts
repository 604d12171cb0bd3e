// The base64 `Context` of a file-transfer INVITE (EUF-GUID {5D3E02AB…}): a little-endian struct —
// header length u32, version u32 (2, or 3 with 63 more header bytes: length 637), file size u64,
// type u32 (0: a preview image may follow the header; 1: no preview; 4: background sharing), the
// file name as 260 UTF-16LE code units (520 bytes, NUL-terminated), 30 unknown bytes, a u32
// (0xFFFFFFFF in the wild), then the optional preview. Version 2 clients fill the length field
// wrongly, so for version 2 the header is taken as 574 bytes whatever it says (as libpurple does).
// Decoding is bounded and never throws.
// Spec: PROTOCOL.md "P2P / MSNSLP"; layout as in libpurple xfer.c (msn_file_context_from_wire)
// and MSNPSharp FTContext.

export interface FileTransferContext {
  /** The header length field as sent. */
  headerLength: number;
  version: number;
  fileSize: number;
  type: number;
  typeName: string;
  fileName: string;
  /** The u32 after the 30 unknown bytes (0xFFFFFFFF in the wild), or null if the context is short. */
  trailer: number | null;
  /** Bytes of preview image after the header (type 0 only; 0 when none). */
  previewLength: number;
  problems: string[];
}

/** Contexts larger than this are not file-transfer contexts (a preview is a small thumbnail). */
export const MAX_CONTEXT_BYTES = 1024 * 1024;
const NAME_OFFSET = 20;
const NAME_UNITS = 260;
const TRAILER_OFFSET = NAME_OFFSET + NAME_UNITS * 2 + 30;
/** Header length of version 2 (574) and version 3 (637). */
const V2_LENGTH = TRAILER_OFFSET + 4;
const V3_LENGTH = V2_LENGTH + 63;

const TYPE_NAMES: Record<number, string> = { 0: 'preview allowed', 1: 'no preview', 4: 'background sharing', 8: 'unknown (8)' };

/** Decodes base64 with a size bound; null when it is longer than the bound or not base64. */
export function decodeBase64Bounded(text: string, maxBytes = MAX_CONTEXT_BYTES): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  // Checked before decoding so a huge value costs nothing, then exactly after.
  if (compact.length > Math.ceil(maxBytes / 3) * 4) return null;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  const bytes = new Uint8Array(Buffer.from(compact, 'base64'));
  return bytes.length <= maxBytes ? bytes : null;
}

/** Reads a NUL-terminated UTF-16LE string of at most `units` code units at `at`. */
export function readUtf16z(bytes: Uint8Array, at: number, units: number): string {
  let end = at;
  const limit = Math.min(bytes.length - 1, at + units * 2);
  while (end < limit && (bytes[end] !== 0 || bytes[end + 1] !== 0)) end += 2;
  return new TextDecoder('utf-16le').decode(bytes.subarray(at, end));
}

/** Parses the decoded context bytes; null when shorter than the fixed fields before the name. */
export function parseFileTransferContext(bytes: Uint8Array): FileTransferContext | null {
  if (bytes.length < NAME_OFFSET) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problems: string[] = [];
  const headerLength = view.getUint32(0, true);
  const size = view.getBigUint64(8, true);
  if (size > BigInt(Number.MAX_SAFE_INTEGER)) problems.push(`file size ${size} is beyond 2^53`);
  const type = view.getUint32(16, true);
  const version = view.getUint32(4, true);
  if (bytes.length < NAME_OFFSET + NAME_UNITS * 2) problems.push(`context is ${bytes.length} bytes, shorter than its file name field`);
  let effective = headerLength;
  if (version === 2) effective = V2_LENGTH;
  else if (version === 3 && headerLength !== V3_LENGTH) problems.push(`version 3 context with header length ${headerLength} instead of ${V3_LENGTH}`);
  else if (version !== 3) problems.push(`unknown context version ${version}`);
  if (effective > bytes.length) problems.push(`header length ${effective} is beyond the context's ${bytes.length} bytes`);
  return {
    headerLength,
    version,
    fileSize: size > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(size),
    type,
    typeName: TYPE_NAMES[type] ?? `unknown (${type})`,
    fileName: readUtf16z(bytes, NAME_OFFSET, NAME_UNITS),
    trailer: bytes.length >= TRAILER_OFFSET + 4 ? view.getUint32(TRAILER_OFFSET, true) : null,
    previewLength: type === 0 && effective >= V2_LENGTH && effective < bytes.length ? bytes.length - effective : 0,
    problems,
  };
}

/** Decodes a file-transfer `Context:` value; null when it is not base64 or too short. */
export function decodeFileTransferContext(base64: string): FileTransferContext | null {
  const bytes = decodeBase64Bounded(base64);
  return bytes ? parseFileTransferContext(bytes) : null;
}
