// What a file's first bytes say it is: pcap, pcapng (either possibly gzip-compressed) or not a
// capture at all, which file:open refuses before anything reads it. Also describes a capture file
// whose reading was cut short (cancelled): the reader reports a file's CaptureInfo only at its
// end, so the back end rebuilds one from the file's first bytes and the frames it did read.

import { closeSync, openSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import type { CaptureInfo } from '../../shared/model';
import { isPcapMagic } from '../engine/capture/pcap-parser';
import { SHB_TYPE } from '../engine/capture/pcapng-constants';

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

/** Format (null: neither pcap nor pcapng) and compression from the first bytes; throws if the file cannot be read. */
export function captureFormat(path: string): { format: 'pcap' | 'pcapng' | null; gzip: boolean } {
  let head = readHead(path, 4096);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  if (gzip) {
    try {
      // A partial gzip stream inflates fine with a sync flush: enough for the magic.
      head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return { format: null, gzip };
    }
  }
  if (head.length < 4) return { format: null, gzip };
  const magic = (head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24)) >>> 0;
  return { format: magic === SHB_TYPE ? 'pcapng' : isPcapMagic(magic) ? 'pcap' : null, gzip };
}

/** Format and compression from the first bytes; unreadable files count as pcap. */
export function sniffCapture(path: string): { format: 'pcap' | 'pcapng'; gzip: boolean } {
  try {
    const { format, gzip } = captureFormat(path);
    return { format: format ?? 'pcap', gzip };
  } catch {
    return { format: 'pcap', gzip: false };
  }
}

/** CaptureInfo for a file whose reading was cancelled after `frames` frames (not damage: the file may be whole). */
export function cancelledCaptureInfo(path: string, frames: number, lastOffset: number): CaptureInfo {
  return { path, ...sniffCapture(path), frames, cancelled: { afterFrames: frames, offset: Math.max(0, lastOffset) } };
}
