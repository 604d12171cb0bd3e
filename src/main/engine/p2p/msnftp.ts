// MSNFTP, the legacy file-transfer protocol on a direct TCP connection (after a
// text/x-msmsgsinvite file transfer): text lines `VER MSNFTP`, `USR account authcookie`,
// `FIL size`, `TFR`, `BYE code`, `CCL`; after FIL the sender's direction carries data blocks,
// each with a 3-byte header (0, length low byte, length high byte; a first byte of 1 cancels).
// Each direction is parsed on its own, so it does not matter which side connected.
// Spec: PROTOCOL.md "Legacy invitations"; hypothetic.org MSNP "File transfer" (MSNFTP).

import type { Direction } from '../../../shared/model';

const MAX_LINE = 1024;

export interface MsnftpBlock {
  /** Offset of the block's data within the file. */
  offset: number;
  data: Uint8Array;
  frame: number;
}

export interface MsnftpEvents {
  /** A command line (without line ending), after the stream has taken it into account. */
  line?(direction: Direction, line: string, frame: number): void;
  /** File data, in order. `data` is a view: copy what you keep. */
  block?(direction: Direction, block: MsnftpBlock): void;
  problem?(message: string, frame: number): void;
}

interface DirectionState {
  mode: 'lines' | 'data' | 'stopped';
  pending: Uint8Array;
  /** Data-mode state: bytes left in the current block (or -1 while reading a header). */
  blockLeft: number;
  header: number[];
  offset: number;
}

/** One MSNFTP connection; feed each direction's bytes in order. */
export class MsnftpStream {
  account: string | null = null;
  authCookie: string | null = null;
  size: number | null = null;
  byeCode: string | null = null;
  cancelled = false;
  /** Which direction sent FIL (and so the data). */
  sender: Direction | null = null;
  private readonly state: Record<Direction, DirectionState> = { c2s: newState(), s2c: newState() };

  constructor(private readonly events: MsnftpEvents = {}) {}

  data(direction: Direction, bytes: Uint8Array, frame: number): void {
    const st = this.state[direction];
    let input = bytes;
    while (input.length > 0 && st.mode !== 'stopped') {
      input = st.mode === 'lines' ? this.lines(direction, st, input, frame) : this.blocks(direction, st, input, frame);
    }
  }

  /** Bytes of the file received so far (from the block headers' lengths). */
  received(): number {
    return this.sender ? this.state[this.sender].offset : 0;
  }

  private lines(direction: Direction, st: DirectionState, input: Uint8Array, frame: number): Uint8Array {
    const joined = st.pending.length > 0 ? concat(st.pending, input) : input;
    const eol = joined.indexOf(0x0a);
    if (eol < 0) {
      if (joined.length > MAX_LINE) {
        st.mode = 'stopped';
        this.events.problem?.(`MSNFTP: no line end in ${joined.length} bytes; stopped reading this direction`, frame);
      } else st.pending = joined.slice();
      return new Uint8Array(0);
    }
    st.pending = new Uint8Array(0);
    const end = eol > 0 && joined[eol - 1] === 0x0d ? eol - 1 : eol;
    const line = new TextDecoder().decode(joined.subarray(0, end));
    this.command(direction, st, line, frame);
    return joined.subarray(eol + 1);
  }

  private command(direction: Direction, st: DirectionState, line: string, frame: number): void {
    const [verb, ...args] = line.trim().split(/\s+/);
    switch (verb) {
      case 'USR':
        this.account = args[0] ?? null;
        this.authCookie = args[1] ?? null;
        break;
      case 'FIL':
        if (args[0] !== undefined && /^\d{1,15}$/.test(args[0])) this.size = Number(args[0]);
        else this.events.problem?.(`MSNFTP: bad FIL size "${(args[0] ?? '').slice(0, 20)}"`, frame);
        this.sender = direction;
        st.mode = 'data';
        break;
      case 'BYE':
        this.byeCode = args[0] ?? '';
        break;
      case 'CCL':
        this.cancelled = true;
        break;
    }
    // After the state change, so a listener sees FIL's size.
    this.events.line?.(direction, line, frame);
  }

  private blocks(direction: Direction, st: DirectionState, input: Uint8Array, frame: number): Uint8Array {
    let pos = 0;
    while (pos < input.length) {
      if (st.blockLeft < 0) {
        st.header.push(input[pos++]);
        if (st.header.length < 3) continue;
        const [flag, lo, hi] = st.header;
        st.header = [];
        if (flag !== 0) {
          // A first byte of 1 is the sender cancelling; anything else is not MSNFTP data.
          this.cancelled ||= flag === 1;
          if (flag !== 1) this.events.problem?.(`MSNFTP: block header starts with ${flag}`, frame);
          st.mode = 'lines';
          return input.subarray(pos);
        }
        st.blockLeft = lo | (hi << 8);
        continue;
      }
      const take = Math.min(st.blockLeft, input.length - pos);
      if (take > 0) this.events.block?.(direction, { offset: st.offset, data: input.subarray(pos, pos + take), frame });
      st.offset += take;
      st.blockLeft -= take;
      pos += take;
      if (st.blockLeft === 0) st.blockLeft = -1;
      if (this.size !== null && st.offset >= this.size && st.blockLeft < 0) {
        st.mode = 'lines';
        return input.subarray(pos);
      }
    }
    return new Uint8Array(0);
  }
}

function newState(): DirectionState {
  return { mode: 'lines', pending: new Uint8Array(0), blockLeft: -1, header: [], offset: 0 };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
