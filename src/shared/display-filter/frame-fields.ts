// The per-frame values a display filter can test. The engine records one of these per frame
// (when asked to, for the views); the filter language evaluates expressions against them.

export interface FrameFields {
  number: number;
  /** ip.src / ip.dst (IPv4 or IPv6 text); absent for non-IP frames. */
  ipSrc?: string;
  ipDst?: string;
  tcpSrcPort?: number;
  tcpDstPort?: number;
  /** tcp.stream, Wireshark-like 0-based index. */
  tcpStream?: number;
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
