// Makes capture files (pcap or pcapng bytes) from frame lists with the product writers, writes
// them to temporary files, and reads captures back into arrays, for tests of every layer.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureInfo } from '../../src/shared/model';
import { ByteCollector } from '../../src/main/engine/capture/byte-collector';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import { readCaptureBytes, readCaptureFile, type ReadCaptureOptions } from '../../src/main/engine/capture/capture-reader';
import { PcapWriter } from '../../src/main/engine/capture/pcap-writer';
import { PcapngWriter } from '../../src/main/engine/capture/pcapng-writer';

export { tcpConversation, type ConversationMessage, type ConversationOptions, type Endpoint } from './tcp-conversation';

export interface FrameSpec {
  tsUs: number;
  data: Uint8Array;
  linkType: number;
  /** Default data.length. */
  originalLength?: number;
}

export interface PcapBuildOptions {
  nanosecond?: boolean;
  bigEndian?: boolean;
  snaplen?: number;
  /** Needed only for an empty frame list; otherwise taken from the frames (all must agree). */
  linkType?: number;
}

/** Classic pcap; one link type for the whole file. */
export function buildPcap(frames: FrameSpec[], opts: PcapBuildOptions = {}): Uint8Array {
  const linkType = opts.linkType ?? frames[0]?.linkType ?? 1;
  if (frames.some((f) => f.linkType !== linkType)) throw new Error('buildPcap: a pcap file has one link type; use buildPcapng');
  const out = new ByteCollector();
  const writer = new PcapWriter(out.sink, { linkType, snaplen: opts.snaplen, nanosecond: opts.nanosecond, bigEndian: opts.bigEndian });
  for (const frame of frames) writer.writePacket(frame.tsUs, frame.data, frame.originalLength);
  return out.toUint8Array();
}

/** pcapng with one interface per link type, in order of first use. */
export function buildPcapng(frames: FrameSpec[], opts: { application?: string } = {}): Uint8Array {
  const out = new ByteCollector();
  const writer = new PcapngWriter(out.sink, opts);
  for (const frame of frames) writer.writePacket(writer.addInterface(frame.linkType), frame.tsUs, frame.data, frame.originalLength);
  return out.toUint8Array();
}

/** Writes bytes to a fresh temporary directory; returns the path. */
export function writeTempCapture(bytes: Uint8Array, name = 'capture.pcap'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'msnp-test-')), name);
  writeFileSync(path, bytes);
  return path;
}

export interface ReadResult {
  frames: CapturedFrame[];
  info: CaptureInfo;
}

/** Reads a capture file or bytes completely; frames are copied so chunks can be released. */
export async function readAllFrames(source: string | Uint8Array, opts?: ReadCaptureOptions): Promise<ReadResult> {
  const reader = typeof source === 'string' ? readCaptureFile(source, 0, opts) : readCaptureBytes(source, 'bytes', 0, opts);
  const frames: CapturedFrame[] = [];
  for (;;) {
    const next = await reader.next();
    if (next.done) return { frames, info: next.value };
    frames.push({ ...next.value, data: next.value.data.slice() });
  }
}
