// The Protocol column of a TCP segment that completes no MSNP command, the way Wireshark labels
// it: by what its payload is, not by its port. A segment without payload (a bare ACK, SYN, FIN)
// is TCP whatever stream it belongs to; a payload segment is its stream's protocol when the
// stream is known to carry one (MSNP2P, MSNFTP; HTTP only on the segment that completes an HTTP
// message), TLS (by record version) on port 443 when it starts with a TLS record header, else
// TCP. An MSNP stream's segment that completes no command (part of a body) and an HTTP segment
// that completes no message stay TCP, as Wireshark shows a segment of a reassembled PDU.

import type { DecodedPacket } from './decode/decoded-packet';
import { onTlsPort, tlsLabel } from './decode/tls-record';

/** `completesHttpMessage`: the segment ends an HTTP request or response. */
export function segmentProtocol(pkt: DecodedPacket, streamProtocol: string | null, completesHttpMessage: boolean): string {
  if (pkt.payload.length === 0) return 'TCP';
  if (streamProtocol === 'HTTP') return completesHttpMessage ? 'HTTP' : 'TCP';
  if (streamProtocol && streamProtocol !== 'MSNP') return streamProtocol;
  if (onTlsPort(pkt.srcPort, pkt.dstPort)) return tlsLabel(pkt.payload) ?? 'TCP';
  return 'TCP';
}
