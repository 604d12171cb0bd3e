// One MSNP connection as the pipeline sees it: two framers (one per direction) that turn byte
// streams — from TCP reassembly or from HTTP-gateway bodies — into commands for the analysis.

import type { Direction, Severity } from '../../shared/model';
import type { MsnpAnalysis } from './analysis/msnp-analysis';
import type { MsnpCommand } from './msnp/msnp-command';
import { MsnpFramer } from './msnp/msnp-framer';

export interface CommandSink {
  /** Called for every framed command, with the connection it belongs to. */
  (connection: number, cmd: MsnpCommand): void;
}

/** Where a frame's bytes sit in a direction's stream (for byte ranges in the command tree). */
export interface StreamSpan {
  connection: number;
  direction: Direction;
  frame: number;
  streamStart: number;
  length: number;
  bytes: Uint8Array;
}

export class MsnpConnection {
  private readonly framers: Record<Direction, MsnpFramer>;
  private nextIndex = 0;
  /** Bytes (and gaps) seen so far per direction: the framer's stream offsets count the same way. */
  private readonly position: Record<Direction, number> = { c2s: 0, s2c: 0 };
  /** Told where each delivered piece sits, before the framer sees it (views only need it). */
  onSpan: ((span: StreamSpan) => void) | null = null;

  constructor(
    readonly id: number,
    analysis: MsnpAnalysis,
    sink: CommandSink,
    note: (frame: number, severity: Severity, message: string) => void,
  ) {
    const make = (direction: Direction): MsnpFramer =>
      new MsnpFramer({
        direction,
        version: () => analysis.versionOf(id),
        // Renumber across both directions so `index` is the command's place in the connection
        // (the framer hands over a fresh object, so it is renumbered in place, not copied).
        onCommand: (cmd) => {
          cmd.index = this.nextIndex++;
          sink(id, cmd);
        },
        onNote: note,
      });
    this.framers = { c2s: make('c2s'), s2c: make('s2c') };
  }

  data(direction: Direction, bytes: Uint8Array, frame: number, tsUs: number): void {
    this.onSpan?.({ connection: this.id, direction, frame, streamStart: this.position[direction], length: bytes.length, bytes });
    this.position[direction] += bytes.length;
    this.framers[direction].push(bytes, frame, tsUs);
  }

  gap(direction: Direction, lost: number, frame: number, tsUs: number): void {
    this.position[direction] += lost;
    this.framers[direction].gap(lost, frame, tsUs);
  }

  end(direction: Direction, frame: number, tsUs: number): void {
    this.framers[direction].end(frame, tsUs);
  }
}
