// Follow TCP Stream in the back end: re-reads the frames of one tcp.stream from the capture files
// and runs them through a fresh engine TCP reassembler (the one the analysis uses), so each
// direction comes out in sequence order with retransmitted and overlapping bytes dropped and holes
// reported as gaps — the same rules the MSNP framing followed. Login secrets are masked as in the
// bytes pane (unless the analysis shows secrets). Bounded: at most `limitBytes` are kept
// (FOLLOW_LIMIT_BYTES) in at most MAX_CHUNKS chunks, then reading stops and the answer says it
// was truncated.

import type { FollowChunk, FollowDirection, FollowedStream } from '../../shared/followed-stream';
import { FOLLOW_LIMIT_BYTES } from '../../shared/followed-stream';
import { decodePacket } from '../engine/decode/decode-packet';
import { endpointText } from '../engine/decode/ip-address-text';
import { concatBytes } from '../engine/msnp/byte-parts';
import type { StreamHandler, StreamInfo } from '../engine/tcp/stream-handler';
import { TcpReassembler } from '../engine/tcp/tcp-reassembler';
import { followMsnpCommands } from './follow-msnp-commands';
import type { FrameLocation } from './packet-table';

/** What following needs of the packet table and the frame reader. */
export interface FollowSource {
  /** Frame numbers of TCP stream `stream`, ascending. */
  framesOf(stream: number): number[];
  location(number: number): FrameLocation | null;
  read(where: FrameLocation): Promise<Uint8Array | null>;
  isMsnpStream(stream: number): boolean;
  /** Login secrets masked, as the bytes pane shows them (same length). */
  redact(bytes: Uint8Array): Uint8Array;
}

/**
 * Past this many chunks, bytes that continue the last chunk's direction join it (under its frame)
 * instead of starting a new one: a stream of one-byte segments would otherwise cost an object
 * per byte here, in the IPC message and in the window.
 */
export const MERGE_AFTER_CHUNKS = 20_000;
/** Direction changes beyond this many chunks end the follow as truncated. */
export const MAX_CHUNKS = 100_000;

interface OpenChunk {
  direction: FollowDirection;
  frame: number;
  parts: Uint8Array[];
  length: number;
  gapBefore: number;
}

/** The reassembler's deliveries of the followed stream, kept as chunks within the bounds. */
export class ChunkCollector implements StreamHandler {
  private readonly open: OpenChunk[] = [];
  readonly counts: [number, number] = [0, 0];
  readonly missing: [number, number] = [0, 0];
  private readonly pendingGap: [number, number] = [0, 0];
  truncated = false;
  info: StreamInfo | null = null;

  constructor(
    private readonly limit: number,
    private readonly redact: (bytes: Uint8Array) => Uint8Array,
    private readonly bounds = { mergeAfter: MERGE_AFTER_CHUNKS, max: MAX_CHUNKS },
  ) {}

  data(dir: FollowDirection, bytes: Uint8Array, frame: number): boolean {
    const room = this.limit - this.counts[0] - this.counts[1];
    if (room <= 0 || this.truncated) {
      this.truncated = true;
      return false;
    }
    const kept = bytes.length > room ? bytes.subarray(0, room) : bytes;
    if (kept.length < bytes.length) this.truncated = true;
    const redacted = this.redact(kept);
    const copy = redacted === kept ? new Uint8Array(kept) : redacted;
    const last = this.open.at(-1);
    const gap = this.pendingGap[dir];
    if (last && last.direction === dir && gap === 0 && this.open.length >= this.bounds.mergeAfter) {
      last.parts.push(copy);
      last.length += copy.length;
    } else if (this.open.length >= this.bounds.max) {
      this.truncated = true;
      return false;
    } else {
      this.open.push({ direction: dir, frame, parts: [copy], length: copy.length, gapBefore: gap });
    }
    this.pendingGap[dir] = 0;
    this.counts[dir] += copy.length;
    return !this.truncated;
  }

  gap(dir: FollowDirection, lost: number): void {
    this.pendingGap[dir] += lost;
    this.missing[dir] += lost;
  }

  end(): void {}

  chunks(): FollowChunk[] {
    return this.open.map((c) => {
      const chunk: FollowChunk = { direction: c.direction, frame: c.frame, bytes: concatBytes(c.parts, c.length) };
      if (c.gapBefore > 0) chunk.gapBefore = c.gapBefore;
      return chunk;
    });
  }
}

export async function followStream(source: FollowSource, stream: number, limitBytes = FOLLOW_LIMIT_BYTES): Promise<FollowedStream | null> {
  const frames = source.framesOf(stream);
  if (frames.length === 0) return null;
  const collector = new ChunkCollector(Math.min(limitBytes, FOLLOW_LIMIT_BYTES), source.redact);
  // Only this stream's frames go in, so the reassembler sees one connection (its own id 0).
  const reassembler = new TcpReassembler((info) => {
    collector.info ??= info;
    return collector;
  }, { maxBufferedBytes: FOLLOW_LIMIT_BYTES });
  for (const number of frames) {
    if (collector.truncated) break;
    const where = source.location(number);
    const data = where && (await source.read(where));
    const pkt = where && data ? decodePacket(where.linkType, data) : null;
    if (pkt?.tcp) reassembler.add(pkt, number, where!.tsUs);
  }
  reassembler.finish();
  const info = collector.info;
  if (!info) return null;
  const [client, server] = info.endpoints;
  const chunks = collector.chunks();
  return {
    stream,
    endpoints: [endpointText(client.ip, client.port), endpointText(server.ip, server.port)],
    byteCounts: collector.counts,
    missing: collector.missing,
    chunks,
    truncated: collector.truncated,
    commands: source.isMsnpStream(stream) ? followMsnpCommands(chunks) : null,
  };
}
