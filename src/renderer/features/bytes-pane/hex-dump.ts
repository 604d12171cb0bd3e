// Text pieces of a hex dump (16 bytes per row): lookup tables instead of per-byte formatting.

export const BYTES_PER_ROW = 16;

export const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Printable ASCII as itself, everything else as '.', as in Wireshark's bytes pane. */
export const TEXT_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'));

export function dumpRowCount(length: number): number {
  return Math.ceil(length / BYTES_PER_ROW);
}

/** Offset column text: 4 hex digits, more for frames beyond 64 KiB. */
export function offsetText(offset: number, length: number): string {
  return offset.toString(16).padStart(length > 0x10000 ? 8 : 4, '0');
}

export function inRange(offset: number, range: readonly [number, number] | null): boolean {
  return range !== null && offset >= range[0] && offset < range[0] + range[1];
}
