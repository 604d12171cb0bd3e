// Which image a recovered file is, from its first bytes (never from its name, which the sender
// chose): PNG, JPEG, GIF or BMP only, the formats the inline viewer shows as pixels. SVG, HTML and
// anything else are not images here, so a captured file can never run as a document in the window.

import type { PreviewImageType } from './export-requests';

const startsWith = (head: Uint8Array, bytes: readonly number[]): boolean => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/** "BM" is short enough to start a text: a BMP also needs a known DIB header size (u32 LE at 14). */
const BMP_INFO_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);
const bmpInfoSize = (b: Uint8Array): number => (b.length >= 18 ? (b[14] | (b[15] << 8) | (b[16] << 16)) + b[17] * 2 ** 24 : -1);

const SIGNATURES: readonly { mime: PreviewImageType; magic: readonly number[]; also?: (b: Uint8Array) => boolean }[] = [
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/gif', magic: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] }, // GIF87a
  { mime: 'image/gif', magic: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] }, // GIF89a
  { mime: 'image/bmp', magic: [0x42, 0x4d], also: (b) => BMP_INFO_SIZES.has(bmpInfoSize(b)) },
];

/** The image type `bytes` start with, or null. */
export function sniffImageType(bytes: Uint8Array): PreviewImageType | null {
  return SIGNATURES.find((s) => startsWith(bytes, s.magic) && (s.also?.(bytes) ?? true))?.mime ?? null;
}
