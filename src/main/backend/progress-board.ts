// Progress the analysis worker writes into shared memory and the back end reads, even while the
// worker's thread is stuck: a heartbeat its event loop bumps at a steady cadence, the number of
// the frame being analysed (0 between frames), frames analysed and bytes read. A progress message
// would queue behind the very loop that hangs; a shared cell is read whenever the back end looks.

const BEATS = 0;
/** Number of the frame inside addFrame right now; 0 when none is. */
const FRAME = 1;
/** Number of the last frame whose analysis returned. */
const LAST_DONE = 2;
const FRAMES = 3;
const FINISHING = 4;
const INTS = 6;

export interface BoardReading {
  beats: number;
  /** The frame being analysed, or null between frames. */
  frame: number | null;
  lastDone: number;
  frames: number;
  bytes: number;
  /** The load is in the analyzer's final flush (after the last frame). */
  finishing: boolean;
}

export class ProgressBoard {
  private readonly ints: Int32Array;
  private readonly floats: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(INTS * 4 + 8)) {
    this.ints = new Int32Array(buffer, 0, INTS);
    this.floats = new Float64Array(buffer, INTS * 4, 1);
  }

  /** The worker's event loop turned (called from a timer, so a stuck thread stops beating). */
  beat(): void {
    Atomics.add(this.ints, BEATS, 1);
  }

  frameStarted(number: number): void {
    Atomics.store(this.ints, FRAME, number);
  }

  frameDone(number: number): void {
    Atomics.store(this.ints, FRAME, 0);
    Atomics.store(this.ints, LAST_DONE, number);
    Atomics.add(this.ints, FRAMES, 1);
  }

  bytesRead(bytes: number): void {
    this.floats[0] = bytes;
  }

  finishing(on: boolean): void {
    Atomics.store(this.ints, FINISHING, on ? 1 : 0);
  }

  read(): BoardReading {
    const frame = Atomics.load(this.ints, FRAME);
    return {
      beats: Atomics.load(this.ints, BEATS),
      frame: frame === 0 ? null : frame,
      lastDone: Atomics.load(this.ints, LAST_DONE),
      frames: Atomics.load(this.ints, FRAMES),
      bytes: this.floats[0],
      finishing: Atomics.load(this.ints, FINISHING) === 1,
    };
  }
}
