// One framed MSNP command: a command line plus, for payload commands, the body that follows.

import type { Direction } from '../../../shared/model';

export interface MsnpCommand {
  /** Sequence number of this command within its connection, 0-based. */
  index: number;
  direction: Direction;
  /** Three upper-case letters or a three-digit error code; '' when the line is malformed. */
  verb: string;
  /** Transaction id when the command carries one (numeric second token, by verb and direction). */
  trid: number | null;
  /** Tokens after the verb, as sent (TrID included when present). */
  params: string[];
  /** The command line without its line ending, decoded as UTF-8 (lossy). */
  line: string;
  /** Payload bytes for payload commands (may contain NUL and any byte), else null. */
  body: Uint8Array | null;
  /** Frames the command's bytes came from, ascending; the last one completed it. */
  frames: number[];
  /** The frame that completed it (last of `frames`). */
  frame: number;
  tsUs: number;
  /** Offset of the command's first byte in its direction's byte stream. */
  streamOffset: number;
  /** Bytes the command occupies in its stream (line, line end and body), when framed normally. */
  byteLength?: number;
  /** Why the line is not a valid MSNP command (shown as such, never dropped). */
  malformed?: string;
}
