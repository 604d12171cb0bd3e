// The text forms "Copy bytes" offers, in Wireshark's formats (ui/qt/utils/data_printer.cpp):
// a hex + ASCII dump, a hex stream, the printable text and Base64, plus the spaced hex a plain
// Ctrl+C of a selection gives. Captured bytes are shown, never interpreted: anything outside
// printable ASCII becomes '.' in the dump and is dropped from the printable text.

import { BYTES_PER_ROW, HEX_BYTE, TEXT_BYTE } from './hex-dump';

/**
 * Wireshark's "Copy Bytes as Hex + ASCII Dump": per 16 bytes a line of the offset (4 hex digits),
 * two spaces, each byte as " xx", three spaces, the bytes as ASCII; the last line's hex is padded
 * so its ASCII lines up. Offsets count from the first byte copied.
 */
export function hexDumpText(bytes: Uint8Array): string {
  let out = '';
  for (let row = 0; row < bytes.length; row += BYTES_PER_ROW) {
    const end = Math.min(bytes.length, row + BYTES_PER_ROW);
    let hex = '';
    let text = '';
    for (let i = row; i < end; i++) {
      hex += ` ${HEX_BYTE[bytes[i]]}`;
      text += TEXT_BYTE[bytes[i]];
    }
    out += `${row.toString(16).padStart(4, '0')}  ${hex}   ${'   '.repeat(BYTES_PER_ROW - (end - row))}${text}\n`;
  }
  return out;
}

/** "00faf1…": two hex digits a byte, nothing between. */
export function hexStreamText(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX_BYTE[b];
  return out;
}

/** "00 fa f1": what a plain copy of selected bytes gives. */
export function spacedHexText(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => HEX_BYTE[b]).join(' ');
}

/** Only the printable ASCII characters, tabs and line breaks; every other byte is left out. */
export function printableText(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d) out += String.fromCharCode(b);
  return out;
}

export function base64Text(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
