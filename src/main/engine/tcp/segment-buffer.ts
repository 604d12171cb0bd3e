// The out-of-order segments of one TCP direction, waiting for a hole before them to fill.
// Segments are kept sorted and disjoint: bytes of a new segment that overlap bytes already held
// are dropped on the way in, so the first-received copy wins (the default of most stacks and of
// Wireshark's reassembly), and differing overlaps are reported (Zeek's "rexmit inconsistency").
// Only the bytes not already held are copied; nothing is kept per byte.

import type { MemoryBudget } from '../memory-budget';
import { seqAdd, seqDiff } from './seq-math';

export interface BufferedSegment {
  seq: number;
  /** A private copy: the frame the bytes came from may be released. */
  bytes: Uint8Array;
  frame: number;
  tsUs: number;
}

/** Flags returned by `insert`. */
export const SEGMENT_ADDED = 1;
/** Some bytes were already held. */
export const SEGMENT_COVERED = 2;
/** Some already-held bytes differ from the new copy (the held ones were kept). */
export const SEGMENT_INCONSISTENT = 4;
/** New bytes landed before bytes already held: the segment arrived late. */
export const SEGMENT_FILLS_HOLE = 8;

export class SegmentBuffer {
  private segments: BufferedSegment[] = [];
  /** Index of the first live segment: delivery takes from the front without shifting the array. */
  private head = 0;
  /** Payload bytes held. */
  bytes = 0;

  /** `budget`: where the bytes held are charged (the analysis-wide memory budget), if anywhere. */
  constructor(private readonly budget: MemoryBudget | null = null) {}

  get count(): number {
    return this.segments.length - this.head;
  }

  /** The lowest segment; only valid when count > 0. */
  first(): BufferedSegment {
    return this.segments[this.head];
  }

  shift(): BufferedSegment {
    const segment = this.segments[this.head++];
    this.bytes -= segment.bytes.length;
    this.budget?.release(segment.bytes.length);
    if (this.head === this.segments.length) this.clear();
    else if (this.head >= 64 && this.head * 2 >= this.segments.length) {
      this.segments = this.segments.slice(this.head);
      this.head = 0;
    }
    return segment;
  }

  clear(): void {
    this.budget?.release(this.bytes);
    this.segments = [];
    this.head = 0;
    this.bytes = 0;
  }

  /**
   * Adds `payload` at `seq`. `base` is the next sequence number to deliver: `seq` must not be
   * before it, and every held segment lies within 2^31 after it, so offsets from `base` order them.
   */
  insert(base: number, seq: number, payload: Uint8Array, frame: number, tsUs: number): number {
    const start = seqDiff(seq, base);
    const end = start + payload.length;
    const segments = this.segments;
    const first = this.firstEndingAfter(base, start);
    const held = this.count;
    const lastEnd = held > 0 ? this.relativeEnd(base, segments[segments.length - 1]) : 0;
    const merged: BufferedSegment[] = [];
    let flags = 0;
    let pos = start;
    let i = first;
    for (; i < segments.length; i++) {
      const segment = segments[i];
      const at = seqDiff(segment.seq, base);
      if (at >= end) break;
      if (at > pos) merged.push(this.copyPiece(base, payload, start, pos, at, frame, tsUs));
      const from = Math.max(pos, at);
      const to = Math.min(end, at + segment.bytes.length);
      flags |= SEGMENT_COVERED;
      if (!sameBytes(payload, from - start, segment.bytes, from - at, to - from)) flags |= SEGMENT_INCONSISTENT;
      merged.push(segment);
      pos = at + segment.bytes.length;
    }
    if (pos < end) merged.push(this.copyPiece(base, payload, start, pos, end, frame, tsUs));
    if (merged.length === i - first) return flags; // nothing new
    flags |= SEGMENT_ADDED;
    if (held > 0 && start < lastEnd) flags |= SEGMENT_FILLS_HOLE;
    segments.splice(first, i - first, ...merged);
    return flags;
  }

  /** Binary search: index of the first held segment that ends after offset `start` from `base`. */
  private firstEndingAfter(base: number, start: number): number {
    let lo = this.head;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.relativeEnd(base, this.segments[mid]) <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private relativeEnd(base: number, segment: BufferedSegment): number {
    return seqDiff(segment.seq, base) + segment.bytes.length;
  }

  private copyPiece(base: number, payload: Uint8Array, start: number, from: number, to: number, frame: number, tsUs: number): BufferedSegment {
    this.bytes += to - from;
    this.budget?.charge(to - from);
    return { seq: seqAdd(base, from), bytes: payload.slice(from - start, to - start), frame, tsUs };
  }
}

function sameBytes(a: Uint8Array, aOffset: number, b: Uint8Array, bOffset: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[aOffset + k] !== b[bOffset + k]) return false;
  return true;
}
