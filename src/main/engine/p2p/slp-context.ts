// The base64 `Context` of a file-transfer INVITE (EUF-GUID {5D3E02AB…}): a little-endian struct —
// header length u32 (574 for version 2; 638 for version 3), version u32, file size u64, type u32
// (0 with preview, 1 without, 4 background sharing), the file name as 260 UTF-16LE code units
// (520 bytes, NUL-terminated), 30 unknown bytes, u32 (0xFFFFFFFF), then an optional preview image
// from `header length` to the end. Decoding is bounded and never throws.
// Spec: PROTOCOL.md "P2P / MSNSLP"; layout as in libpurple xfer.h (MsnFileContext) and MSNPSharp FTContext.

export interface FileTransferContext {
  headerLength: number;
  version: number;
  fileSize: number;
  type: number;
  typeName: string;
  fileName: string;
  /** The u32 after the 30 unknown bytes (0xFFFFFFFF in the wild), or null if the context is short. */
  trailer: number | null;
  /** Bytes of preview image after the header (0 when none). */
  previewLength: number;
  problems: string[];
}

/** Contexts larger than this are not file-transfer contexts (a preview is a small thumbnail). */
export const MAX_CONTEXT_BYTES = 1024 * 1024;
const NAME_OFFSET = 20;
const NAME_UNITS = 260;
const TRAILER_OFFSET = NAME_OFFSET + NAME_UNITS * 2 + 30;

const TYPE_NAMES: Record<number, string> = { 0: 'with preview', 1: 'no preview', 4: 'background sharing', 8: 'unknown (8)' };

/** Decodes base64 with a size bound; null when it is longer than the bound or not base64. */
export function decodeBase64Bounded(text: string, maxBytes = MAX_CONTEXT_BYTES): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length > Math.ceil((maxBytes * 4) / 3) + 4) return null;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return new Uint8Array(Buffer.from(compact, 'base64'));
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
  if (bytes.length < NAME_OFFSET + NAME_UNITS * 2) problems.push(`context is ${bytes.length} bytes, shorter than its file name field`);
  if (headerLength > bytes.length) problems.push(`header length ${headerLength} is beyond the context's ${bytes.length} bytes`);
  return {
    headerLength,
    version: view.getUint32(4, true),
    fileSize: size > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(size),
    type,
    typeName: TYPE_NAMES[type] ?? `unknown (${type})`,
    fileName: readUtf16z(bytes, NAME_OFFSET, NAME_UNITS),
    trailer: bytes.length >= TRAILER_OFFSET + 4 ? view.getUint32(TRAILER_OFFSET, true) : null,
    previewLength: headerLength >= TRAILER_OFFSET && headerLength < bytes.length ? bytes.length - headerLength : 0,
    problems,
  };
}

/** Decodes a file-transfer `Context:` value; null when it is not base64 or too short. */
export function decodeFileTransferContext(base64: string): FileTransferContext | null {
  const bytes = decodeBase64Bounded(base64);
  return bytes ? parseFileTransferContext(bytes) : null;
}
