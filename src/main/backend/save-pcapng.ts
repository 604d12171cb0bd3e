// Saves the loaded frames (all, or those `keep` marks) as a pcapng file, re-reading each frame's
// bytes from its source. Used for "Save" of a file-based capture (merged files, or MSNP only);
// live captures are saved by the capture side from its own spool.

import { closeSync, openSync, writeSync } from 'node:fs';
import { PcapngWriter } from '../engine/capture/pcapng-writer';
import type { FrameBytesReader } from './frame-bytes-reader';
import type { PacketTable } from './packet-table';

/** Returns the number of frames written. `keep[n]` (when given) selects frame n. */
export async function savePcapng(path: string, index: PacketTable, reader: FrameBytesReader, keep: Uint8Array | null): Promise<number> {
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    const writer = new PcapngWriter((bytes) => {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    }, { comment: 'saved by MSNP Analyzer' });
    for (let n = 1; n <= index.size; n++) {
      if (keep && !keep[n]) continue;
      const where = index.get(n)!;
      const data = await reader.read(where.source, where.offset, where.capturedLength);
      if (!data) throw new Error(`frame ${n} can no longer be read from its capture file`);
      writer.writePacket(writer.addInterface(where.linkType), where.tsUs, data, where.originalLength);
      written++;
    }
  } finally {
    closeSync(fd);
  }
  return written;
}
