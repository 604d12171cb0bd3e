// Joins messages that a client split into parts: the first part carries `Message-ID` and
// `Chunks: n`, the others the same `Message-ID` and `Chunk: i` (1 … n-1). Bounded in parts,
// bytes and open messages; a message still open after `maxAge` further messages of its scope is
// given up, and everything left open is reported by `finish()`.
// Spec: PROTOCOL.md "Messages" (long messages are split).

import type { MimeMessage } from './mime-message';
import { makeMimeMessage, type ParsedMimeMessage } from './parse-mime-message';

export interface JoinerLimits {
  /** Largest accepted `Chunks:` value. */
  maxChunks: number;
  /** Largest joined body. */
  maxTotalBytes: number;
  /** Open messages kept at once (over all scopes); the oldest is given up beyond this. */
  maxPending: number;
  /** A message is given up when this many further messages of its scope arrive first. */
  maxAge: number;
}

const DEFAULT_LIMITS: JoinerLimits = { maxChunks: 1000, maxTotalBytes: 4 * 1024 * 1024, maxPending: 256, maxAge: 500 };

export type JoinResult =
  /** Not a chunked message: use it as it is. */
  | { status: 'whole'; message: MimeMessage }
  | { status: 'pending'; messageId: string; received: number; expected: number | null }
  | { status: 'complete'; message: ParsedMimeMessage; messageId: string; chunks: number; frames: number[] }
  /** The part could not be used (bad numbers, over a limit); `message` is the part itself. */
  | { status: 'rejected'; message: MimeMessage; reason: string };

export interface IncompleteMessage {
  scope: string;
  messageId: string;
  expected: number | null;
  received: number;
  firstFrame: number;
  reason: string;
}

interface Pending {
  scope: string;
  messageId: string;
  expected: number | null;
  parts: Map<number, { message: MimeMessage; body: Uint8Array; frame: number }>;
  bytes: number;
  firstFrame: number;
  /** The scope's message count when the first part arrived. */
  bornAt: number;
}

function parseCount(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d{1,9}\s*$/.test(value)) return null;
  return Number(value);
}

export class ChunkedMessageJoiner {
  private readonly limits: JoinerLimits;
  private readonly pending = new Map<string, Pending>();
  private readonly seen = new Map<string, number>();
  private readonly given: IncompleteMessage[] = [];

  constructor(limits: Partial<JoinerLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * Offers a message of `scope` (e.g. one sender on one connection: both copies of a relayed
   * message must not meet in one scope). Returns the joined message when its last part arrives.
   */
  add(scope: string, message: MimeMessage, frame: number): JoinResult {
    const count = (this.seen.get(scope) ?? 0) + 1;
    if (this.seen.size < 100_000 || this.seen.has(scope)) this.seen.set(scope, count);
    this.expire(scope, count);

    // Most messages have no Message-ID: decided with one header lookup instead of three.
    const messageId = message.header('message-id');
    if (messageId === undefined) return { status: 'whole', message };
    const chunksHeader = message.header('chunks');
    const chunkHeader = message.header('chunk');
    if (chunksHeader === undefined && chunkHeader === undefined) return { status: 'whole', message };

    let index: number;
    let expected: number | null = null;
    if (chunksHeader !== undefined) {
      expected = parseCount(chunksHeader);
      if (expected === null || expected < 1) return { status: 'rejected', message, reason: `bad Chunks value "${chunksHeader.slice(0, 20)}"` };
      if (expected > this.limits.maxChunks) return { status: 'rejected', message, reason: `Chunks ${expected} is over the limit of ${this.limits.maxChunks}` };
      index = 0;
    } else {
      const parsed = parseCount(chunkHeader);
      if (parsed === null) return { status: 'rejected', message, reason: `bad Chunk value "${String(chunkHeader).slice(0, 20)}"` };
      if (parsed >= this.limits.maxChunks) return { status: 'rejected', message, reason: `Chunk ${parsed} is over the limit of ${this.limits.maxChunks}` };
      index = parsed;
    }
    if (expected === 1) return { status: 'whole', message };

    const key = `${scope}\u0000${messageId}`;
    let entry = this.pending.get(key);
    if (!entry) {
      if (this.pending.size >= this.limits.maxPending) this.giveUpOldest();
      entry = { scope, messageId, expected: null, parts: new Map(), bytes: 0, firstFrame: frame, bornAt: count };
      this.pending.set(key, entry);
    }
    if (expected !== null && entry.expected === null) {
      entry.expected = expected;
      // Parts that arrived before the first one and lie beyond its count are not part of it.
      for (const [i, part] of entry.parts) {
        if (i >= expected) {
          entry.parts.delete(i);
          entry.bytes -= part.body.length;
        }
      }
    }
    if (entry.expected !== null && index >= entry.expected) {
      return { status: 'rejected', message, reason: `Chunk ${index} is beyond Chunks ${entry.expected}` };
    }
    if (!entry.parts.has(index)) {
      if (entry.bytes + message.body.length > this.limits.maxTotalBytes) {
        this.giveUp(key, entry, `joined body would exceed ${this.limits.maxTotalBytes} bytes`);
        return { status: 'rejected', message, reason: `joined body would exceed ${this.limits.maxTotalBytes} bytes` };
      }
      // Keep a copy: the body may be a view into a buffer the caller reuses.
      entry.parts.set(index, { message, body: message.body.slice(), frame });
      entry.bytes += message.body.length;
    }
    if (entry.expected === null || entry.parts.size < entry.expected) {
      return { status: 'pending', messageId, received: entry.parts.size, expected: entry.expected };
    }
    this.pending.delete(key);
    return { status: 'complete', message: this.join(entry), messageId, chunks: entry.expected, frames: [...entry.parts.values()].map((p) => p.frame).sort((a, b) => a - b) };
  }

  /** Every message given up so far plus those still open; call once at the end of the capture. */
  finish(): IncompleteMessage[] {
    for (const [key, entry] of this.pending) this.giveUp(key, entry, 'capture ended before all parts arrived');
    return this.given;
  }

  private join(entry: Pending): ParsedMimeMessage {
    const first = entry.parts.get(0) as { message: MimeMessage; body: Uint8Array };
    const body = new Uint8Array(entry.bytes);
    let offset = 0;
    for (let i = 0; i < (entry.expected as number); i++) {
      const part = entry.parts.get(i) as { body: Uint8Array };
      body.set(part.body, offset);
      offset += part.body.length;
    }
    const headers = first.message.headers.filter(([name]) => name.toLowerCase() !== 'chunks');
    return makeMimeMessage(headers, body, first.message.bodyOffset, first.message.malformed);
  }

  private expire(scope: string, count: number): void {
    if (this.pending.size === 0) return;
    for (const [key, entry] of this.pending) {
      if (entry.scope === scope && count - entry.bornAt > this.limits.maxAge) {
        this.giveUp(key, entry, `not complete after ${this.limits.maxAge} further messages`);
      }
    }
  }

  private giveUpOldest(): void {
    const [key, entry] = this.pending.entries().next().value as [string, Pending];
    this.giveUp(key, entry, `more than ${this.limits.maxPending} split messages open at once`);
  }

  private giveUp(key: string, entry: Pending, reason: string): void {
    this.pending.delete(key);
    if (this.given.length < 10_000) {
      this.given.push({ scope: entry.scope, messageId: entry.messageId, expected: entry.expected, received: entry.parts.size, firstFrame: entry.firstFrame, reason });
    }
  }
}
