// The contract between TCP reassembly and what consumes a stream's bytes (gopacket's
// Stream/ReassembledSG, Zeek's TCP_Reassembler deliveries): in-order data per direction,
// explicit gaps, and the end of each direction.

/** 0: the initiator's direction (SYN sender; without SYN, the first sender seen). 1: the other. */
export type StreamDirection = 0 | 1;

export interface StreamEndpoint {
  ip: string;
  port: number;
}

export interface StreamInfo {
  /** Wireshark-like tcp.stream index, 0-based, in order of first appearance. */
  id: number;
  /** [initiator, responder] as defined for StreamDirection. */
  endpoints: [StreamEndpoint, StreamEndpoint];
  /** True when the three-way handshake was seen, so the initiator is certain. */
  sawSyn: boolean;
  firstFrame: number;
  firstTsUs: number;
}

export type StreamNoteKind = 'retransmission' | 'overlap' | 'out-of-order' | 'buffer-limit' | 'inconsistent-overlap';

export interface StreamHandler {
  /**
   * In-order bytes of one direction. `bytes` may be a view into the frame: copy what you keep.
   * Return false to stop receiving this stream (it is then only counted, never buffered).
   */
  data(dir: StreamDirection, bytes: Uint8Array, frame: number, tsUs: number): boolean | void;
  /** `lost` bytes of this direction are missing; data resumes after them at `frame`. */
  gap(dir: StreamDirection, lost: number, frame: number, tsUs: number): void;
  /** The direction ended: FIN or RST seen, idle flush, or end of input. */
  end(dir: StreamDirection, reason: 'fin' | 'rst' | 'idle' | 'eof', frame: number, tsUs: number): void;
  /** Anomalies worth an expert note. */
  note?(dir: StreamDirection, kind: StreamNoteKind, frame: number): void;
}
