// Progress the analysis worker writes into shared memory and the back end reads, even while the
// worker's thread is stuck: a heartbeat its event loop bumps at a steady cadence, the last frame
// whose analysis started and the last that returned (a frame in progress when they differ), and
// bytes read. A progress message would queue behind the very loop that hangs; a shared cell is
// read whenever the back end looks.
// Two plain stores a frame, not Atomics: four fenced ones cost 300 ms over 2M frames (10% of a
// load), and the watchdog only needs to see them within its bound, not in order.

const BEATS = 0;
/** Number of the last frame whose analysis started: in progress while it differs from LAST_DONE. */
const STARTED = 1;
/** Number of the last frame whose analysis returned (frames are numbered 1, 2, 3… in order). */
const LAST_DONE = 2;
const FINISHING = 3;
const INTS = 4;

export interface BoardReading {
  beats: number;
  /** The frame being analysed, or null between frames. */
  frame: number | null;
  /** The last frame analysed in full: also how many were (frames are numbered in order). */
  lastDone: number;
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
    this.ints[STARTED] = number;
  }

  frameDone(number: number): void {
    this.ints[LAST_DONE] = number;
  }

  bytesRead(bytes: number): void {
    this.floats[0] = bytes;
  }

  finishing(on: boolean): void {
    Atomics.store(this.ints, FINISHING, on ? 1 : 0);
  }

  read(): BoardReading {
    const started = Atomics.load(this.ints, STARTED);
    const lastDone = Atomics.load(this.ints, LAST_DONE);
    return {
      beats: Atomics.load(this.ints, BEATS),
      frame: started !== lastDone ? started : null,
      lastDone,
      bytes: this.floats[0],
      finishing: Atomics.load(this.ints, FINISHING) === 1,
    };
  }
}
