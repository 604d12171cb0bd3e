// The bytes pane's copy formats, expected strings written by hand from the bytes (Wireshark's
// "Copy Bytes as Hex + ASCII Dump" layout: offset, two spaces, " xx" per byte, three spaces, ASCII).
import { describe, expect, it } from 'vitest';
import { base64Text, hexDumpText, hexStreamText, printableText, spacedHexText } from '../../src/renderer/features/bytes-pane/bytes-copy-formats';
import { bytesInScope } from '../../src/renderer/features/bytes-pane/bytes-menu';

// "MSG 1" CR LF NUL 0xff DEL "ABCDEF" '"' '\'
const bytes = Uint8Array.from([0x4d, 0x53, 0x47, 0x20, 0x31, 0x0d, 0x0a, 0x00, 0xff, 0x7f, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x22, 0x5c]);

describe('copy formats', () => {
  it('hex + ASCII dump, last line padded so its ASCII lines up', () => {
    expect(hexDumpText(bytes)).toBe(
      '0000   4d 53 47 20 31 0d 0a 00 ff 7f 41 42 43 44 45 46   MSG 1.....ABCDEF\n'
      + `0010   22 5c${' '.repeat(3 + 14 * 3)}"\\\n`,
    );
  });

  it('a dump of exactly 16 bytes has one line and no padding', () => {
    expect(hexDumpText(bytes.subarray(0, 16))).toBe('0000   4d 53 47 20 31 0d 0a 00 ff 7f 41 42 43 44 45 46   MSG 1.....ABCDEF\n');
    expect(hexDumpText(new Uint8Array(0))).toBe('');
  });

  it('hex stream and spaced hex', () => {
    expect(hexStreamText(bytes)).toBe('4d534720310d0a00ff7f414243444546225c');
    expect(spacedHexText(bytes)).toBe('4d 53 47 20 31 0d 0a 00 ff 7f 41 42 43 44 45 46 22 5c');
    expect(spacedHexText(Uint8Array.from([0x00, 0xfa, 0xf1]))).toBe('00 fa f1');
  });

  it('printable text keeps ASCII, tabs and line breaks only', () => {
    expect(printableText(bytes)).toBe('MSG 1\r\nABCDEF"\\');
    expect(printableText(Uint8Array.from([0x09, 0x1b, 0x5b, 0x32, 0x4a, 0xe2, 0x80, 0xae]))).toBe('\t[2J');
  });

  it('Base64 (RFC 4648 examples, and Node as a second opinion)', () => {
    expect(base64Text(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(base64Text(new TextEncoder().encode('Ma'))).toBe('TWE=');
    expect(base64Text(Uint8Array.from([0xff, 0xfe]))).toBe('//4=');
    expect(base64Text(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff);
    expect(base64Text(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('copies the selected field, or the whole frame without one', () => {
    expect(spacedHexText(bytesInScope(bytes, [10, 3]))).toBe('41 42 43');
    expect(bytesInScope(bytes, null)).toBe(bytes);
    expect(bytesInScope(bytes, [4, 0])).toBe(bytes);
  });
});
