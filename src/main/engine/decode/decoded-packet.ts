// The fast-path result of decoding link, IP and TCP/UDP headers: just what reassembly and
// flow tracking need. The full field tree for one selected frame is built separately.

export interface DecodedPacket {
  ipVersion: 4 | 6;
  /** Textual addresses: dotted IPv4, RFC 5952 IPv6. */
  src: string;
  dst: string;
  /** IP protocol number of the transport (6 TCP, 17 UDP, others undecoded). */
  protocol: number;
  srcPort: number;
  dstPort: number;
  /** Present for TCP. */
  tcp: TcpFields | null;
  /** Transport payload, bounded by the IP length (never Ethernet trailer bytes). */
  payload: Uint8Array;
  /** Set when headers claim more than was captured; payload is what was there. */
  truncated?: string;
  /**
   * Set for an IP fragment (fragments are not reassembled): a first fragment (offset 0) has its
   * transport header decoded and a partial payload; a later one has no ports and an empty payload.
   */
  fragment?: { offset: number; more: boolean };
}

export interface TcpFields {
  seq: number;
  ack: number;
  flags: number;
  /** The header's 16-bit window, as sent. */
  window: number;
  /** SYN segments only: the window scale option's shift (RFC 7323 §2.2), null without one. */
  synWindowShift?: number | null;
  /**
   * The shift the handshake agreed for this direction (window-scaling.ts), 0 when none or not
   * known: the window is `window * 2 ** windowShift` (Wireshark's tcp.window_size).
   */
  windowShift?: number;
}

/**
 * How a segment's window is scaled: the handshake's shift (0–14), or why none applies — no
 * handshake seen ('unknown', Wireshark's factor −1), an option missing on either side ('unused',
 * −2), or the segment is a SYN (never scaled). tcp/window-scaling.ts decides.
 */
export type WindowScale = number | 'unknown' | 'unused' | 'syn';

/** The window in bytes: the header's value scaled by the handshake's shift. */
export function tcpWindowSize(tcp: TcpFields): number {
  return tcp.window * 2 ** (tcp.windowShift ?? 0);
}

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
