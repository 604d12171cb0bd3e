// Frames one direction of an MSNP connection into commands, Zeek ContentLine-style: line mode
// (CRLF or bare LF, the line excludes its terminator), then "deliver the next N bytes raw" when
// the line announces a body (payload-length.ts). Commands may arrive many per push or one
// across many pushes; every frame that contributed bytes is listed on the command.
// Lost bytes (gap), unframeable lines and absurd lengths switch to resynchronisation: bytes
// are skipped until a line that looks like an MSNP command (command-start.ts), and the
// skipped amount is reported once. Spec: PROTOCOL.md "Line syntax" and "Payload commands".

import type { Direction, Severity } from '../../../shared/model';
import type { MsnpCommand } from './msnp-command';
import { parseCommandLine, type ParsedCommandLine } from './command-syntax';
import { payloadLength } from './payload-length';
import { COMMAND_START_LOOKAHEAD, looksLikeCommandStart } from './command-start';
import { ByteSlab, concatBytes } from './byte-parts';

export interface MsnpFramerOptions {
  direction: Direction;
  /** The connection's negotiated MSNP version, asked at every line (it changes after VER). */
  version: () => number | null;
  onCommand: (c: MsnpCommand) => void;
  /** Longest command line kept without a line end. Default 16 KiB (real lines stay under 2 KiB). */
  maxLineBytes?: number;
  /**
   * Largest body framed. Default 1 MiB: real bodies are far smaller (switchboard MSG is capped
   * near 1.6 KB by the servers, P2P chunks are ~1.2 KB, ADL/UBX/GCF XML stays in the tens of
   * KB, MSNP21 NFY/SDG documents in the hundreds of KB), so anything larger is a misframed
   * or hostile length. Bodies are collected as they arrive, never allocated from the length.
   */
  maxBodyBytes?: number;
  onNote?: (frame: number, severity: Severity, message: string) => void;
}

type Mode = 'line' | 'body' | 'resync';

const LF = 0x0a, CR = 0x0d;
const SHOWN_BYTES_OF_LONG_LINE = 256;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/**
 * One slab for the small bodies of every framer: a slab per framer (two per connection) kept
 * 32 KiB per open connection whether it carried two messages or two thousand.
 */
const bodySlab = new ByteSlab();

interface PendingCommand {
  parsed: ParsedCommandLine;
  line: string;
  length: number;
  malformed?: string;
}

/** Verbs that carry a body in every direction and version (PROTOCOL.md payload table). */
const ALWAYS_BODY = new Set(['MSG', 'NOT', 'IPG', 'PAG', 'PGD', 'SDG', 'FQY']);

export class MsnpFramer {
  private readonly direction: Direction;
  private readonly version: () => number | null;
  private readonly onCommand: (c: MsnpCommand) => void;
  private readonly onNote: (frame: number, severity: Severity, message: string) => void;
  private readonly maxLineBytes: number;
  private readonly maxBodyBytes: number;

  private mode: Mode = 'line';
  private index = 0;
  /** Stream offset of the first byte of the current push. */
  private base = 0;
  private lastTsUs = 0;

  // The unit being assembled: a line, or a pending command plus its body.
  private unitStarted = false;
  private unitOffset = 0;
  /** Stream offset just past the unit being emitted (line end or body end), -1 when unknown. */
  private unitEnd = -1;
  private frames: number[] = [];
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  private pending: PendingCommand | null = null;
  private bodyRemaining = 0;
  /** Body buffer when the announced length is small enough to take from the slab up front. */
  private bodyBuffer: Uint8Array | null = null;
  private bodyFilled = 0;

  // Resynchronisation state.
  private atLineStart = true;
  private skipped = 0;
  private skipReason = '';
  private skipFrame = 0;

  constructor(opts: MsnpFramerOptions) {
    this.direction = opts.direction;
    this.version = opts.version;
    this.onCommand = opts.onCommand;
    this.onNote = opts.onNote ?? (() => {});
    this.maxLineBytes = opts.maxLineBytes ?? 16 * 1024;
    this.maxBodyBytes = opts.maxBodyBytes ?? 1024 * 1024;
  }

  /** In-order bytes of this direction. `bytes` may be a view: what is kept is copied. */
  push(bytes: Uint8Array, frame: number, tsUs: number): void {
    this.lastTsUs = tsUs;
    const end = bytes.length;
    let pos = 0;
    while (pos < end) {
      if (this.mode === 'line') pos = this.pushLine(bytes, pos, frame, tsUs);
      else if (this.mode === 'body') pos = this.pushBody(bytes, pos, frame, tsUs);
      else pos = this.pushResync(bytes, pos, frame, tsUs);
    }
    this.base += end;
  }

  /** `lost` bytes of this direction are missing before the data of `frame`. */
  gap(lost: number, frame: number, tsUs: number): void {
    if (this.mode === 'body' && this.pending) {
      const fill = Math.min(lost, this.bodyRemaining);
      // Lost bytes read as zeros; slab regions are fresh, hence already zero.
      if (this.bodyBuffer) this.bodyFilled += fill;
      else this.addPart(new Uint8Array(fill));
      this.bodyRemaining -= fill;
      this.pending.malformed = `${fill} body bytes lost in a capture gap`;
      this.onNote(frame, 'warning', `${fill} bytes of the body of ${this.pending.parsed.verb} lost in a capture gap: kept as zeros, framing stays in sync`);
      if (this.bodyRemaining === 0) {
        this.emitPending(this.lastFrame(frame), this.lastTsUs);
        // The gap ended exactly where the body did: still in sync.
        if (lost === fill) this.mode = 'line';
        else this.startResync('capture gap', frame, true);
      }
    } else {
      if (this.mode === 'line' && this.unitStarted) {
        this.emitLine(concatBytes(this.parts, this.partsLength), this.lastFrame(frame), this.lastTsUs, 'line cut by a capture gap');
      } else if (this.mode === 'resync') {
        this.skipped += this.partsLength;
        this.resetUnit();
      }
      this.startResync('capture gap', frame, true);
    }
    this.base += lost;
    this.lastTsUs = tsUs;
  }

  /** The direction ended: what is left becomes an incomplete (malformed) command. */
  end(frame: number, tsUs: number): void {
    if (this.mode === 'body' && this.pending) {
      const got = this.bodyBuffer ? this.bodyFilled : this.partsLength;
      this.pending.malformed = `incomplete body: ${got} of ${this.pending.length} bytes before the end of the stream`;
      this.emitPending(this.lastFrame(frame), tsUs);
    } else if (this.mode === 'line' && this.unitStarted) {
      this.emitLine(concatBytes(this.parts, this.partsLength), this.lastFrame(frame), tsUs, 'no line end before the end of the stream');
    } else if (this.mode === 'resync') {
      this.skipped += this.partsLength;
      this.resetUnit();
    }
    this.reportSkipped();
    this.mode = 'line';
  }

  // ---- line mode ----

  private pushLine(bytes: Uint8Array, pos: number, frame: number, tsUs: number): number {
    if (!this.unitStarted) this.startUnit(this.base + pos);
    this.noteFrame(frame, tsUs);
    const nl = bytes.indexOf(LF, pos);
    const stop = nl < 0 ? bytes.length : nl;
    if (this.partsLength + (stop - pos) > this.maxLineBytes) {
      return this.overlongLine(bytes, pos, stop, nl >= 0, frame, tsUs);
    }
    if (nl < 0) {
      this.addPart(bytes.slice(pos));
      return bytes.length;
    }
    const lineBytes = this.partsLength === 0 ? bytes.subarray(pos, nl) : concatBytes([...this.parts, bytes.subarray(pos, nl)], this.partsLength + nl - pos);
    this.unitEnd = this.base + nl + 1;
    this.handleLine(lineBytes, frame, tsUs);
    return nl + 1;
  }

  private overlongLine(bytes: Uint8Array, pos: number, stop: number, terminated: boolean, frame: number, tsUs: number): number {
    const seen = concatBytes([...this.parts, bytes.subarray(pos, stop)]);
    const shown = seen.subarray(0, SHOWN_BYTES_OF_LONG_LINE);
    this.emitLine(shown, frame, tsUs, `line longer than ${this.maxLineBytes} bytes (first ${shown.length} shown)`);
    this.onNote(frame, 'warning', `MSNP line longer than ${this.maxLineBytes} bytes: not framed, resynchronising`);
    // The rest of the line is skipped; when its end is in sight, the next byte starts a line.
    this.startResync('overlong line', frame, terminated);
    this.skipped += seen.length - shown.length;
    return terminated ? stop + 1 : bytes.length;
  }

  private handleLine(lineBytes: Uint8Array, frame: number, tsUs: number): void {
    const n = lineBytes.length;
    const text = decoder.decode(n > 0 && lineBytes[n - 1] === CR ? lineBytes.subarray(0, n - 1) : lineBytes);
    const version = this.version();
    const parsed = parseCommandLine(text, this.direction, version);
    if (parsed.verb === '') {
      this.emit(parsed, text, null, frame, tsUs, parsed.malformed);
      this.startResync('unrecognised line', frame, true);
      return;
    }
    const length = payloadLength(parsed.verb, parsed.params, this.direction, version);
    if (length === null) {
      // These verbs always carry a body: without a length the rest of the stream cannot be framed
      // with confidence, so say so (the next lines are still tried as commands).
      const missing = ALWAYS_BODY.has(parsed.verb) ? `${parsed.verb} without a numeric body length` : undefined;
      this.emit(parsed, text, null, frame, tsUs, parsed.malformed ?? missing);
    } else if (length > this.maxBodyBytes) {
      this.onNote(frame, 'error', `${parsed.verb} announces a ${length}-byte body, over the ${this.maxBodyBytes}-byte limit: body not framed, resynchronising`);
      this.emit(parsed, text, null, frame, tsUs, `body length ${length} exceeds the ${this.maxBodyBytes}-byte limit`);
      this.startResync('absurd body length', frame, true);
    } else if (length === 0) {
      this.emit(parsed, text, new Uint8Array(0), frame, tsUs, parsed.malformed);
    } else {
      this.pending = { parsed, line: text, length, malformed: parsed.malformed };
      this.bodyRemaining = length;
      this.parts = [];
      this.partsLength = 0;
      // Small bodies are copied straight into their final buffer; larger ones are collected
      // as they arrive, so an announced length alone never allocates.
      this.bodyBuffer = length <= bodySlab.maxPiece ? bodySlab.alloc(length) : null;
      this.bodyFilled = 0;
      this.mode = 'body';
    }
  }

  // ---- body mode ----

  private pushBody(bytes: Uint8Array, pos: number, frame: number, tsUs: number): number {
    const take = Math.min(this.bodyRemaining, bytes.length - pos);
    this.noteFrame(frame, tsUs);
    if (this.bodyBuffer) {
      this.bodyBuffer.set(bytes.subarray(pos, pos + take), this.bodyFilled);
      this.bodyFilled += take;
    } else this.addPart(bytes.slice(pos, pos + take));
    this.bodyRemaining -= take;
    if (this.bodyRemaining === 0) {
      this.unitEnd = this.base + pos + take;
      this.emitPending(frame, tsUs);
      this.mode = 'line';
    }
    return pos + take;
  }

  // ---- resynchronisation ----

  private startResync(reason: string, frame: number, atLineStart: boolean): void {
    if (this.mode !== 'resync') {
      this.skipReason = reason;
      this.skipFrame = frame;
    }
    this.resetUnit();
    this.mode = 'resync';
    this.atLineStart = atLineStart;
  }

  /** Skips to the next line start that looks like a command; a candidate cut by the end of the push is carried over. */
  private pushResync(bytes: Uint8Array, pos: number, frame: number, tsUs: number): number {
    const end = bytes.length;
    if (this.partsLength > 0) {
      // A carried candidate (a few bytes, no line end in them): decide with the new bytes.
      const probe = concatBytes([...this.parts, bytes.subarray(pos, Math.min(end, pos + COMMAND_START_LOOKAHEAD))]);
      const verdict = looksLikeCommandStart(probe, 0, probe.length);
      if (verdict === 'yes') return this.resumeAt(pos, true);
      if (verdict === 'need-more') {
        this.noteFrame(frame, tsUs);
        this.addPart(bytes.slice(pos));
        return end;
      }
      this.skipped += this.partsLength;
      this.resetUnit();
      this.atLineStart = false;
    }
    while (pos < end) {
      if (this.atLineStart) {
        const verdict = looksLikeCommandStart(bytes, pos, end);
        if (verdict === 'yes') return this.resumeAt(pos, false);
        if (verdict === 'need-more') {
          this.startUnit(this.base + pos);
          this.noteFrame(frame, tsUs);
          this.addPart(bytes.slice(pos));
          return end;
        }
        this.atLineStart = false;
      }
      const nl = bytes.indexOf(LF, pos);
      const next = nl < 0 ? end : nl + 1;
      this.skipped += next - pos;
      pos = next;
      this.atLineStart = nl >= 0;
    }
    return end;
  }

  /** Back to line mode at `pos`; with a carry, the unit already holds the line's first bytes. */
  private resumeAt(pos: number, fromCarry: boolean): number {
    this.reportSkipped();
    this.mode = 'line';
    if (!fromCarry) this.resetUnit();
    return pos;
  }

  private reportSkipped(): void {
    if (this.skipped > 0) {
      this.onNote(this.skipFrame, 'warning', `${this.skipped} byte${this.skipped === 1 ? '' : 's'} skipped to resynchronise on an MSNP command (${this.skipReason})`);
    }
    this.skipped = 0;
  }

  // ---- units and emission ----

  private startUnit(offset: number): void {
    this.unitStarted = true;
    this.unitOffset = offset;
  }

  private resetUnit(): void {
    this.unitStarted = false;
    this.frames = [];
    this.parts = [];
    this.partsLength = 0;
    this.pending = null;
    this.bodyRemaining = 0;
    this.bodyBuffer = null;
  }

  /**
   * Records a contributing frame. Frames are kept ascending: reassembly may deliver a buffered
   * out-of-order segment (lower number) after the one that filled the hole, and the command is
   * complete only once all of its frames have been seen, i.e. at the highest-numbered one.
   */
  private noteFrame(frame: number, tsUs: number): void {
    const f = this.frames;
    const last = f.length > 0 ? f[f.length - 1] : -Infinity;
    if (frame > last) {
      f.push(frame);
      this.completingTsUs = tsUs;
    } else if (frame < last && !f.includes(frame)) {
      let i = f.length - 1;
      while (i > 0 && f[i - 1] > frame) i--;
      f.splice(i, 0, frame);
    }
  }

  private completingTsUs = 0;

  private lastFrame(fallback: number): number {
    return this.frames.length > 0 ? this.frames[this.frames.length - 1] : fallback;
  }

  private addPart(part: Uint8Array): void {
    this.parts.push(part);
    this.partsLength += part.length;
  }

  private emitLine(lineBytes: Uint8Array, frame: number, tsUs: number, reason: string): void {
    const n = lineBytes.length;
    const text = decoder.decode(n > 0 && lineBytes[n - 1] === CR ? lineBytes.subarray(0, n - 1) : lineBytes);
    const parsed = parseCommandLine(text, this.direction, this.version());
    this.emit(parsed, text, null, frame, tsUs, reason);
  }

  private emitPending(frame: number, tsUs: number): void {
    const p = this.pending;
    if (!p) return;
    const body = this.bodyBuffer ? this.bodyBuffer.subarray(0, this.bodyFilled) : concatBytes(this.parts, this.partsLength);
    this.emit(p.parsed, p.line, body, frame, tsUs, p.malformed);
  }

  /** `frame`/`tsUs` only stand in when no frame contributed (never for framed bytes). */
  private emit(parsed: ParsedCommandLine, line: string, body: Uint8Array | null, frame: number, tsUs: number, malformed: string | undefined): void {
    if (this.frames.length === 0) this.noteFrame(frame, tsUs);
    const frames = this.frames;
    const cmd: MsnpCommand = {
      index: this.index++,
      direction: this.direction,
      verb: parsed.verb,
      trid: parsed.trid,
      params: parsed.params,
      line,
      body,
      frames,
      frame: frames[frames.length - 1],
      tsUs: this.completingTsUs,
      streamOffset: this.unitStarted ? this.unitOffset : this.base,
    };
    if (malformed !== undefined) cmd.malformed = malformed;
    if (this.unitEnd > cmd.streamOffset) cmd.byteLength = this.unitEnd - cmd.streamOffset;
    this.unitEnd = -1;
    this.resetUnit();
    this.onCommand(cmd);
  }
}
