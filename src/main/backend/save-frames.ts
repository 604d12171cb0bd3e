// Saves the loaded frames (all, or those `keep` marks) as pcapng or classic pcap, re-reading each
// frame's bytes from its source. Used for Save / Export Specified Packets of a file-based capture
// (and for pcap from a live one); live pcapng saves are copied by the capture side from its spool.

import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import type { CaptureFileFormat } from '../../shared/ipc-contract';
import { PcapWriter } from '../engine/capture/pcap-writer';
import { PcapngWriter } from '../engine/capture/pcapng-writer';
import type { FrameBytesReader } from './frame-bytes-reader';
import type { PacketTable } from './packet-table';

interface FrameSink {
  write(linkType: number, tsUs: number, data: Uint8Array, originalLength: number): void;
}

function pcapngSink(out: (bytes: Uint8Array) => void): FrameSink {
  const writer = new PcapngWriter(out, { comment: 'saved by MSNP Analyzer' });
  return { write: (linkType, tsUs, data, length) => writer.writePacket(writer.addInterface(linkType), tsUs, data, length) };
}

/** A pcap file has one link type for all its records: a second one cannot be saved there. */
function pcapSink(out: (bytes: Uint8Array) => void, linkType: number): FrameSink {
  const writer = new PcapWriter(out, { linkType });
  return {
    write: (type, tsUs, data, length) => {
      if (type !== linkType) throw new Error(`these frames mix link types ${linkType} and ${type}, which a pcap file cannot hold: save as pcapng`);
      writer.writePacket(tsUs, data, length);
    },
  };
}

/** Returns the number of frames written. `keep[n]` (when given) selects frame n. */
export async function saveFrames(
  path: string, index: PacketTable, reader: FrameBytesReader, keep: Uint8Array | null, format: CaptureFileFormat = 'pcapng',
): Promise<number> {
  const fd = openSync(path, 'w', 0o600);
  const out = (bytes: Uint8Array): void => {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  };
  let written = 0;
  let sink: FrameSink | null = format === 'pcapng' ? pcapngSink(out) : null;
  try {
    for (let n = 1; n <= index.size; n++) {
      if (keep && !keep[n]) continue;
      const where = index.get(n)!;
      const data = await reader.read(where.source, where.offset, where.capturedLength);
      if (!data) throw new Error(`frame ${n} can no longer be read from its capture file`);
      sink ??= pcapSink(out, where.linkType);
      sink.write(where.linkType, where.tsUs, data, where.originalLength);
      written++;
    }
    // An empty selection still makes a valid (empty) file.
    sink ??= pcapSink(out, 1);
  } catch (e) {
    closeSync(fd);
    unlinkSync(path);
    throw e;
  }
  closeSync(fd);
  return written;
}
