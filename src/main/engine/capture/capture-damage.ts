// What a capture reader reports when a file is truncated or corrupt, and the error it throws when
// the input is not a capture file at all.

/** Where reading stopped: every frame before `offset` (in the decompressed file) was delivered. */
export interface CaptureDamage {
  offset: number;
  message: string;
}

/** The input is not a pcap/pcapng file (or its very first header is unusable). */
export class CaptureFormatError extends Error {
  override readonly name = 'CaptureFormatError';
}

/** Largest captured length we accept for one packet (Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD). */
export const MAX_CAPTURED_LENGTH = 262_144;

/** Largest pcapng block we buffer (Wireshark's MAX_BLOCK_SIZE); larger lengths are damage. */
export const MAX_BLOCK_LENGTH = 16 * 1024 * 1024;

export function hex32(value: number): string {
  return '0x' + (value >>> 0).toString(16).padStart(8, '0');
}
