// A parsed MSNP message body (MSG, SDG, UBX…): MIME-like headers, a blank line, then the body.
// The parser lives in parse-mime-message.ts; this file is the shape every layer above shares.

export interface MimeMessage {
  /** Headers in wire order, names as sent. */
  headers: Array<[name: string, value: string]>;
  /** Lower-cased header name → last value. */
  header(name: string): string | undefined;
  /** Content-Type media type, lower-cased, without parameters ('' when absent). */
  contentType: string;
  /** charset parameter of Content-Type, lower-cased, or null. */
  charset: string | null;
  /** Bytes after the blank line (may be binary). */
  body: Uint8Array;
  /** Offset of `body` within the original MSNP payload (for byte highlighting). */
  bodyOffset: number;
  /** Set when the header block is malformed (no blank line, bad header line). */
  malformed?: string;
}
