// One direction of a TCP connection: puts segments back in sequence order and hands the bytes
// on, reporting what is missing as gaps (gopacket's Skip) and overlaps as notes (Zeek).
//
// A hole before held data is declared lost (gap, then delivery resumes) when:
//  - the other side has acknowledged past it: the peer got those bytes, the capture did not
//    (Wireshark's "previous segment not captured" / "ACKed segment that wasn't captured");
//  - the held bytes exceed the buffer limit;
//  - the stream is flushed (end of input, idle, RST).
// Where the first byte is: after the SYN; without a SYN, the other side's last ACK when it is
// shortly before the first segment seen (so segments captured out of order at the start are still
// put in order), else that segment's seq. Bytes before that start are not delivered (noted as
// 'out-of-order'): they were sent before the capture caught the connection.
// A FIN ends the direction once delivery reaches or passes it: bytes arriving after it are not
// stream data, but bytes held before it arrived are delivered (a FIN inside a hole is reached by
// skipping the hole, so damaged or hostile sequence numbers cannot stall the stream). Every loop
// that skips holes delivers a held segment or ends the direction on each pass, so it ends.
//
// Notes, per segment: 'retransmission' (no new bytes; a one-byte keep-alive is not noted),
// 'overlap' (some bytes repeated), 'inconsistent-overlap' (repeated bytes differ from held ones:
// delivered bytes are not kept, so only held ones can be compared), 'out-of-order' (arrived after
// later bytes, like Wireshark's flag), 'buffer-limit' (a hole skipped for memory).

import type { MemoryBudget } from '../memory-budget';
import type { StreamDirection, StreamNoteKind } from './stream-handler';
import { seqAdd, seqDiff } from './seq-math';
import {
  SEGMENT_ADDED,
  SEGMENT_COVERED,
  SEGMENT_FILLS_HOLE,
  SEGMENT_INCONSISTENT,
  SegmentBuffer,
} from './segment-buffer';

/** Where the half stream's deliveries go (the connection, which forwards to the handler). */
export interface HalfStreamSink {
  /** Set once the handler declined further data: stop delivering at once. */
  readonly stopped: boolean;
  data(dir: StreamDirection, bytes: Uint8Array, frame: number, tsUs: number): void;
  gap(dir: StreamDirection, lost: number, frame: number, tsUs: number): void;
  end(dir: StreamDirection, reason: 'fin' | 'rst' | 'idle' | 'eof', frame: number, tsUs: number): void;
  note(dir: StreamDirection, kind: StreamNoteKind, frame: number): void;
}

/** Held segments beyond this count also trigger a skip, so tiny segments cannot eat memory. */
export const MAX_HELD_SEGMENTS = 32_768;

export class HalfStream {
  /** Whether the sequence number of the next byte is known yet. */
  started = false;
  ended = false;
  /** Sequence number of the next byte to deliver (uint32). */
  nextSeq = 0;
  /** The SYN of this direction was seen (its seq is `isn`). */
  sawSyn = false;
  isn = 0;
  /** The start came from a SYN or a SYN/ACK's ACK, not from a guess. */
  private exactStart = false;
  private startSeq = 0;
  private readonly held: SegmentBuffer;
  private hasFin = false;
  private finSeq = 0;
  private finFrame = 0;
  private finTsUs = 0;
  /** The highest ACK from the other side: beyond `nextSeq` it proves the bytes were sent. */
  private hasAck = false;
  private acked = 0;
  private ackFrame = 0;
  private ackTsUs = 0;

  constructor(
    private readonly dir: StreamDirection,
    private readonly sink: HalfStreamSink,
    private readonly maxHeldBytes: number,
    budget: MemoryBudget | null = null,
  ) {
    this.held = new SegmentBuffer(budget);
  }

  /** Payload bytes held out of order. */
  get heldBytes(): number {
    return this.held.bytes;
  }

  /** This direction's SYN (also of a SYN/ACK). */
  onSyn(seq: number): void {
    if (this.started) return;
    this.sawSyn = true;
    this.isn = seq;
    this.startAt(seqAdd(seq, 1), true);
  }

  /** Fixes where this direction's bytes start; `exact` when taken from a SYN or a SYN/ACK's ACK. */
  startAt(seq: number, exact: boolean): void {
    this.started = true;
    this.exactStart = exact;
    this.nextSeq = seq;
    this.startSeq = seq;
    if (this.hasAck && seqDiff(this.acked, seq) <= 0) this.hasAck = false;
  }

  /** An ACK from the other side, acknowledging bytes of this direction. */
  onPeerAck(ack: number, frame: number, tsUs: number): void {
    if (this.ended) return;
    if (this.hasAck && seqDiff(ack, this.acked) <= 0) return;
    if (this.started && seqDiff(ack, this.nextSeq) <= 0) return;
    this.hasAck = true;
    this.acked = ack;
    this.ackFrame = frame;
    this.ackTsUs = tsUs;
    if (this.started) this.settle(frame);
  }

  /** Payload and/or FIN at `seq` (SYN already accounted for). */
  onSegment(seq: number, payload: Uint8Array, fin: boolean, frame: number, tsUs: number): void {
    if (this.ended) return;
    if (!this.started) this.startFromFirstSegment(seq);
    if (this.hasFin) {
      // Nothing after the first FIN is stream data.
      const room = seqDiff(this.finSeq, seq);
      if (room <= 0) return;
      if (payload.length > room) payload = payload.subarray(0, room);
      fin = false;
    }
    const rel = seqDiff(seq, this.nextSeq);
    if (rel === 0 && !fin && !this.hasFin && this.held.count === 0) {
      // The common case: in order, nothing held. Deliver the frame's bytes as they are.
      if (payload.length === 0) return;
      this.nextSeq = seqAdd(this.nextSeq, payload.length);
      if (this.hasAck && seqDiff(this.acked, this.nextSeq) <= 0) this.hasAck = false;
      this.sink.data(this.dir, payload, frame, tsUs);
      return;
    }
    const end = rel + payload.length;
    if (end < 0 || (end === 0 && !fin)) {
      if (payload.length > 0) this.noteOld(seq, payload.length, rel, frame);
      return;
    }
    let flags = 0;
    if (rel < 0) {
      payload = payload.subarray(-rel);
      seq = this.nextSeq;
      flags |= SEGMENT_COVERED;
    }
    // Bytes arriving after a FIN that is further on were sent earlier: they arrive late.
    if (this.hasFin) flags |= SEGMENT_FILLS_HOLE;
    if (fin) {
      this.hasFin = true;
      this.finSeq = seqAdd(seq, payload.length);
      this.finFrame = frame;
      this.finTsUs = tsUs;
    }
    if (payload.length > 0) flags |= this.held.insert(this.nextSeq, seq, payload, frame, tsUs);
    this.noteSegment(flags, frame);
    this.drain();
    this.settle(frame);
  }

  /** Delivers everything still known, declaring every remaining hole lost, then ends. */
  flush(reason: 'rst' | 'idle' | 'eof', frame: number, tsUs: number): void {
    // Each pass delivers a held segment or ends the direction (see skipHole), so this ends.
    while (!this.ended && !this.sink.stopped && (this.held.count > 0 || this.hasFin)) this.skipHole();
    if (this.ended || this.sink.stopped) return;
    const unseen = this.started && this.hasAck ? seqDiff(this.acked, this.nextSeq) : 0;
    // Acknowledged but never captured, with nothing after it: still a loss worth reporting. One
    // past the last byte is more likely a FIN the capture missed than a one-byte segment.
    if (unseen > 1) {
      this.sink.gap(this.dir, unseen, this.ackFrame, this.ackTsUs);
      this.nextSeq = this.acked;
    }
    this.finishWith(reason, frame, tsUs);
  }

  /** Drops held bytes (the handler stopped listening). */
  release(): void {
    this.held.clear();
  }

  /** Ends without telling anyone (the handler stopped listening); frees what is held. */
  markEnded(): void {
    this.ended = true;
    this.held.clear();
  }

  /** A FIN was seen or is pending: once the handler stopped, that is enough to call it ended. */
  get sawFin(): boolean {
    return this.hasFin;
  }

  private startFromFirstSegment(seq: number): void {
    // The other side's ACK says where this direction's unacknowledged bytes begin; a short way
    // before the first segment seen means earlier segments may still arrive out of order.
    const fromAck = this.hasAck ? seqDiff(seq, this.acked) : 0;
    const start = fromAck > 0 && fromAck <= this.maxHeldBytes ? this.acked : seq;
    this.startAt(start, false);
  }

  private noteOld(seq: number, length: number, rel: number, frame: number): void {
    if (length <= 1 && rel === -1) return; // keep-alive: one byte (or none) just before the window
    const beforeStart = !this.exactStart && seqDiff(seqAdd(seq, length), this.startSeq) <= 0;
    this.sink.note(this.dir, beforeStart ? 'out-of-order' : 'retransmission', frame);
  }

  private noteSegment(flags: number, frame: number): void {
    if (flags & SEGMENT_INCONSISTENT) this.sink.note(this.dir, 'inconsistent-overlap', frame);
    if (flags & SEGMENT_COVERED) this.sink.note(this.dir, flags & SEGMENT_ADDED ? 'overlap' : 'retransmission', frame);
    if (flags & SEGMENT_ADDED && flags & SEGMENT_FILLS_HOLE) this.sink.note(this.dir, 'out-of-order', frame);
  }

  /**
   * Delivers held segments that now continue the stream, then the FIN once the stream has
   * reached or passed it (held bytes beyond a FIN arrived before it and are delivered first).
   */
  private drain(): void {
    const held = this.held;
    while (!this.sink.stopped && held.count > 0) {
      const offset = seqDiff(held.first().seq, this.nextSeq);
      if (offset > 0) break;
      const segment = held.shift();
      // Held segments never start before nextSeq; should one, only its new bytes count.
      const bytes = offset === 0 ? segment.bytes : segment.bytes.subarray(Math.min(-offset, segment.bytes.length));
      if (bytes.length === 0) continue;
      this.nextSeq = seqAdd(this.nextSeq, bytes.length);
      this.sink.data(this.dir, bytes, segment.frame, segment.tsUs);
    }
    if (this.hasAck && seqDiff(this.acked, this.nextSeq) <= 0) this.hasAck = false;
    if (this.hasFin && seqDiff(this.nextSeq, this.finSeq) >= 0 && !this.ended && !this.sink.stopped) {
      this.nextSeq = seqAdd(this.nextSeq, 1);
      this.finishWith('fin', this.finFrame, this.finTsUs);
    }
  }

  /** Skips holes the peer has acknowledged, and holes that keep too much held. */
  private settle(frame: number): void {
    // Each pass delivers a held segment or ends the direction (see skipHole), so this ends.
    for (;;) {
      if (this.ended || this.sink.stopped) return;
      const hasTarget = this.held.count > 0 || this.hasFin;
      if (!hasTarget) return;
      const target = this.held.count > 0 ? this.held.first().seq : this.finSeq;
      const acknowledged = this.hasAck && seqDiff(this.acked, target) >= 0;
      const overLimit = this.held.bytes > this.maxHeldBytes || this.held.count > MAX_HELD_SEGMENTS;
      if (!acknowledged && !overLimit) return;
      if (overLimit) this.sink.note(this.dir, 'buffer-limit', frame);
      this.skipHole();
    }
  }

  /**
   * Declares the bytes up to the next held segment (or, with nothing held, the FIN) lost and
   * resumes there. Always makes progress, unless the handler stopped: it delivers at least one
   * held segment, or ends the direction at the FIN, even one inside a hole already skipped.
   */
  private skipHole(): void {
    if (this.held.count > 0) {
      const target = this.held.first();
      const lost = seqDiff(target.seq, this.nextSeq);
      if (lost > 0) {
        this.sink.gap(this.dir, lost, target.frame, target.tsUs);
        this.nextSeq = target.seq;
      }
      this.drain();
      return;
    }
    if (!this.hasFin || this.ended) return;
    const lost = seqDiff(this.finSeq, this.nextSeq);
    if (lost > 0) {
      this.sink.gap(this.dir, lost, this.finFrame, this.finTsUs);
      this.nextSeq = this.finSeq;
    }
    this.drain();
  }

  private finishWith(reason: 'fin' | 'rst' | 'idle' | 'eof', frame: number, tsUs: number): void {
    this.markEnded();
    this.sink.end(this.dir, reason, frame, tsUs);
  }
}
