// Where each frame's bytes live, in growable typed arrays (a few dozen bytes per frame instead of
// an object, for captures of millions of frames): which source (capture file or live spool), the
// byte offset of its record, its captured length and the metadata describeFrame needs. Also the
// frame's TCP stream and whether that stream is an MSNP connection, for "save MSNP only".

import type { CapturedFrame } from '../engine/capture/captured-frame';

export interface FrameLocation {
  source: number;
  offset: number;
  capturedLength: number;
  tsUs: number;
  linkType: number;
  originalLength: number;
}

const INITIAL_CAPACITY = 1024;

function grow<T extends Float64Array | Uint32Array | Int32Array | Uint16Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

export class FrameIndex {
  private count = 0;
  private sources = new Uint16Array(INITIAL_CAPACITY);
  private offsets = new Float64Array(INITIAL_CAPACITY);
  private capturedLengths = new Uint32Array(INITIAL_CAPACITY);
  private timestamps = new Float64Array(INITIAL_CAPACITY);
  private linkTypes = new Uint16Array(INITIAL_CAPACITY);
  private originalLengths = new Uint32Array(INITIAL_CAPACITY);
  private streams = new Int32Array(INITIAL_CAPACITY).fill(-1);
  private readonly msnpStreams = new Set<number>();

  /** Frames recorded; frame numbers are 1…size. */
  get size(): number {
    return this.count;
  }

  /** Records frame `frame.number` (frames arrive in order, numbered from 1); `offset` overrides the frame's own. */
  add(frame: CapturedFrame, source: number, offset = frame.fileOffset): void {
    const i = frame.number - 1;
    if (i < 0 || i !== this.count) throw new Error(`frame ${frame.number} out of order (expected ${this.count + 1})`);
    if (i >= this.offsets.length) this.ensure(i + 1);
    this.sources[i] = source;
    this.offsets[i] = offset;
    this.capturedLengths[i] = frame.data.length;
    this.timestamps[i] = frame.tsUs;
    this.linkTypes[i] = frame.linkType;
    this.originalLengths[i] = frame.originalLength;
    this.count++;
  }

  /** Notes a frame's TCP stream (from its packet-list row) and whether it is an MSNP connection. */
  noteStream(number: number, stream: number, msnpConnection: boolean): void {
    const i = number - 1;
    if (i < 0 || i >= this.count || stream < 0) return;
    this.streams[i] = stream;
    if (msnpConnection) this.msnpStreams.add(stream);
  }

  get(number: number): FrameLocation | null {
    const i = number - 1;
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return null;
    return {
      source: this.sources[i],
      offset: this.offsets[i],
      capturedLength: this.capturedLengths[i],
      tsUs: this.timestamps[i],
      linkType: this.linkTypes[i],
      originalLength: this.originalLengths[i],
    };
  }

  /** One byte per frame number (index 0 unused): 1 when its TCP stream carries an MSNP connection. */
  msnpFrames(): Uint8Array {
    const out = new Uint8Array(this.count + 1);
    for (let i = 0; i < this.count; i++) {
      if (this.streams[i] >= 0 && this.msnpStreams.has(this.streams[i])) out[i + 1] = 1;
    }
    return out;
  }

  private ensure(needed: number): void {
    let capacity = this.offsets.length;
    while (capacity < needed) capacity *= 2;
    this.sources = grow(this.sources, capacity);
    this.offsets = grow(this.offsets, capacity);
    this.capturedLengths = grow(this.capturedLengths, capacity);
    this.timestamps = grow(this.timestamps, capacity);
    this.linkTypes = grow(this.linkTypes, capacity);
    this.originalLengths = grow(this.originalLengths, capacity);
    const streams = new Int32Array(capacity).fill(-1);
    streams.set(this.streams);
    this.streams = streams;
  }
}
