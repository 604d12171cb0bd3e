// Describes a capture file whose reading was cut short (cancelled): the reader reports a file's
// CaptureInfo only at its end, so the back end rebuilds one from the file's first bytes and the
// frames it did read.

import { closeSync, openSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import type { CaptureInfo } from '../../shared/model';

const PCAPNG_SHB = [0x0a, 0x0d, 0x0d, 0x0a];

function readHead(path: string, length: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Format and compression from the first bytes; unreadable files count as pcap. */
export function sniffCapture(path: string): { format: 'pcap' | 'pcapng'; gzip: boolean } {
  try {
    let head = readHead(path, 4096);
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    // A partial gzip stream inflates fine with a sync flush: enough for the magic.
    if (gzip) head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    const pcapng = PCAPNG_SHB.every((b, i) => head[i] === b);
    return { format: pcapng ? 'pcapng' : 'pcap', gzip };
  } catch {
    return { format: 'pcap', gzip: false };
  }
}

/** CaptureInfo for a file whose reading was cancelled after `frames` frames (not damage: the file may be whole). */
export function cancelledCaptureInfo(path: string, frames: number, lastOffset: number): CaptureInfo {
  return { path, ...sniffCapture(path), frames, cancelled: { afterFrames: frames, offset: Math.max(0, lastOffset) } };
}
