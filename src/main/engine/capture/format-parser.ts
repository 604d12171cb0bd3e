// The interface between CaptureParser (buffering, chunk boundaries, format detection) and the
// per-format record parsers (classic pcap, pcapng).

import type { CapturedFrame } from './captured-frame';
import type { CaptureDamage } from './capture-damage';

export interface FormatParser {
  readonly format: 'pcap' | 'pcapng';
  /**
   * Bytes the next unit (file header, record or block) needs, counted from the first byte that
   * `parse` did not consume. Always greater than what was left over, unless `damage` is set.
   */
  readonly needed: number;
  /** Set once the input is found corrupt; parsing stops there. */
  readonly damage: CaptureDamage | null;
  /**
   * Parses every complete unit in buf[start, end) and appends the frames to `out`. `fileOffset` is
   * the file offset of buf[start]. Returns the bytes consumed (whole units only). Frames' `data`
   * are views into `buf`. Throws CaptureFormatError only for the file's very first header.
   */
  parse(buf: Uint8Array, start: number, end: number, fileOffset: number, out: CapturedFrame[]): number;
  /** Describes why `remaining` unconsumed bytes at `fileOffset` end the file mid-unit. */
  truncation(remaining: number, fileOffset: number): CaptureDamage;
}
