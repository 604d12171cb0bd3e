// How Follow Stream shows one chunk of bytes in each mode, as Wireshark's Follow dialog does:
// ASCII (printable bytes, line breaks and tabs; everything else '.'), UTF-8 (decoded, invalid
// sequences as U+FFFD), hex dump (offset in the direction's stream, 16 bytes a row, ASCII
// column) and raw (a hex stream, one line a chunk). The caller renders the text through
// CapturedText, so any control or bidi character left in it is made visible.

import { BYTES_PER_ROW, HEX_BYTE, TEXT_BYTE } from '../bytes-pane/hex-dump';

export type FollowMode = 'ascii' | 'utf8' | 'hexdump' | 'raw' | 'msnp';

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** CR LF as one line break; a lone CR stays (and is shown as a marker). */
const lineBreaks = (text: string): string => text.replace(/\r\n/g, '\n');

export function asciiText(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b === 0x0a || b === 0x0d || b === 0x09 ? String.fromCharCode(b) : TEXT_BYTE[b];
  return lineBreaks(out);
}

export function utf8Text(bytes: Uint8Array): string {
  return lineBreaks(decoder.decode(bytes));
}

export function rawText(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX_BYTE[b];
  return out;
}

/** `offset`: where the chunk starts in its direction's bytes (the dump's offsets continue across chunks). */
export function hexDumpText(bytes: Uint8Array, offset: number): string {
  const rows: string[] = [];
  for (let start = 0; start < bytes.length; start += BYTES_PER_ROW) {
    const row = bytes.subarray(start, start + BYTES_PER_ROW);
    let hex = '';
    let text = '';
    for (let i = 0; i < BYTES_PER_ROW; i++) {
      hex += i < row.length ? `${HEX_BYTE[row[i]]} ` : '   ';
      if (i === 7) hex += ' ';
      if (i < row.length) text += TEXT_BYTE[row[i]];
    }
    rows.push(`${(offset + start).toString(16).padStart(8, '0')}  ${hex} ${text}`);
  }
  return rows.join('\n');
}

export function chunkText(mode: Exclude<FollowMode, 'msnp'>, bytes: Uint8Array, offset: number): string {
  switch (mode) {
    case 'ascii': return asciiText(bytes);
    case 'utf8': return utf8Text(bytes);
    case 'hexdump': return hexDumpText(bytes, offset);
    case 'raw': return rawText(bytes);
  }
}

export const gapText = (missing: number): string => `[${missing} byte${missing === 1 ? '' : 's'} missing]`;
