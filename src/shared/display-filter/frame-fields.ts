// The per-frame values a display filter can test. The back end fills one of these per frame from
// its columns (one object reused for a whole pass); the filter language evaluates expressions
// against them. Bytes are read only when an expression asks for them (`frame contains "MSG"`).

/** Which layers a frame has (the protocol fields `eth`, `ip`, `tcp`…), as bits. */
export const FrameLayer = {
  Eth: 1 << 0,
  Ipv4: 1 << 1,
  Ipv6: 1 << 2,
  Tcp: 1 << 3,
  Udp: 1 << 4,
  /** HTTP bytes (a request or response on an HTTP-gateway stream, not a bare ACK). */
  Http: 1 << 5,
  /** P2P data: an x-msnmsgrp2p message, or a direct P2P / MSNFTP connection's bytes. */
  P2p: 1 << 6,
  /** A TLS record starts the segment's payload (port 443; the Protocol column says TLSv…). */
  Tls: 1 << 7,
} as const;

export interface FrameFields {
  number: number;
  /** frame.marked: the user marked the frame (Ctrl+M). */
  marked?: boolean;
  /** frame.len (on the wire) and frame.cap_len (captured). */
  length?: number;
  capturedLength?: number;
  /** Microseconds: since the epoch, since the first frame, since the previous frame. */
  timeUs?: number;
  timeRelativeUs?: number;
  timeDeltaUs?: number;
  /** FrameLayer bits; undefined when unknown (hand-built fields), read as "IP if ipSrc is set". */
  layers?: number;
  /** ip.src / ip.dst (IPv4 or IPv6 text); absent for non-IP frames. */
  ipSrc?: string;
  ipDst?: string;
  ipProto?: number;
  tcpSrcPort?: number;
  tcpDstPort?: number;
  /** tcp.stream, Wireshark-like 0-based index. */
  tcpStream?: number;
  /** tcp.len: payload bytes. */
  tcpLen?: number;
  /** Sequence and acknowledgement numbers as on the wire, and relative to the direction's first. */
  tcpSeqRaw?: number;
  tcpAckRaw?: number;
  tcpSeq?: number;
  tcpAck?: number;
  tcpWindow?: number;
  /** The window scaled by the handshake's window scale (tcp.window_size). */
  tcpWindowSize?: number;
  /** The TCP flags word (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE, CWR, NS). */
  tcpFlags?: number;
  udpSrcPort?: number;
  udpDstPort?: number;
  udpLength?: number;
  /** The frame's captured bytes, read on demand (null when they can no longer be read). */
  bytes?: () => Uint8Array | null;
  /** The transport payload (TCP/UDP data), read on demand. */
  payload?: () => Uint8Array | null;
  /** Present when the frame completes at least one MSNP command (the `msnp` field exists). */
  msnp?: {
    commands: string[];
    trids: number[];
    accounts: string[];
    /** Switchboard session ids (ours, as in SessionRecord.id) of the frame's connection. */
    sessions: number[];
    errors: number[];
    /** e.g. "MSNP12". */
    version: string | null;
    contentTypes: string[];
    /** Decoded chat text in the frame. */
    texts: string[];
  };
}
