// What `stream:follow` answers: one TCP conversation's bytes in order, both directions
// (Wireshark's Follow TCP Stream), and for an MSNP connection its framed commands. Bytes are
// Uint8Array: Electron's structured clone carries them as they are, the browser mode's WebSocket
// as {"$bytes": base64} (ws-protocol.ts).

/** 0: the initiator (client), 1: the responder (server), as the engine's StreamDirection. */
export type FollowDirection = 0 | 1;

export interface FollowChunk {
  direction: FollowDirection;
  /** The frame whose arrival made these bytes deliverable in order. */
  frame: number;
  bytes: Uint8Array;
  /** Bytes of this direction missing from the capture just before these. */
  gapBefore?: number;
}

export interface FollowCommand {
  direction: FollowDirection;
  /** The frame that completed the command. */
  frame: number;
  /** The command line without its line end (decoded as UTF-8, lossy). */
  line: string;
  body: Uint8Array | null;
  /** Why the line is not a valid MSNP command (shown, never dropped). */
  malformed?: string;
}

export interface FollowedStream {
  stream: number;
  /** [client, server] as "ip:port" (IPv6 in brackets). */
  endpoints: [string, string];
  /** Bytes followed each way (after the cap, only those kept). */
  byteCounts: [number, number];
  /** Missing bytes each way (capture holes). */
  missing: [number, number];
  chunks: FollowChunk[];
  /** The cap was reached: bytes past it are not included. */
  truncated: boolean;
  /** The MSNP commands of the connection in order, or null when the stream is not MSNP. */
  commands: FollowCommand[] | null;
}

/** Default and largest cap on the bytes followed: the bytes cross twice for an MSNP stream (raw and as commands) and base64 grows them by 4/3, which keeps one answer under the browser mode's 32 MiB per-client backlog. */
export const FOLLOW_LIMIT_BYTES = 8 * 1024 * 1024;
