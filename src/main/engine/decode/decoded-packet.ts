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
  tcp: { seq: number; ack: number; flags: number; window: number } | null;
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

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
