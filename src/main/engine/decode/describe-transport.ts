// Detail tree of TCP (RFC 9293, options per RFC 7323/2018) and UDP (RFC 768) headers and the
// payload bounds, and TLS records on port 443 (tls-record.ts). Sequence numbers are raw: relative
// ones need stream state this layer lacks; the window's scale comes from the caller, who saw
// the handshake.

import type { TreeNode } from '../../../shared/model';
import type { WindowScale } from './decoded-packet';
import { IP_PROTOCOL_TCP, IP_PROTOCOL_UDP } from './decode-packet';
import { describeTls, onTlsPort } from './tls-record';
import { tcpFlagsText } from './protocol-names';
import { field, hex, hexBytes, remark, u16, u32, withField } from './tree-field';

/** Nodes for data[start, end) as the given IP protocol; `windowScale` is the TCP window's (default: unknown). */
export function describeTransport(data: Uint8Array, protocol: number, start: number, end: number, windowScale: WindowScale = 'unknown'): TreeNode[] {
  if (protocol === IP_PROTOCOL_TCP) return describeTcp(data, start, end, windowScale);
  if (protocol === IP_PROTOCOL_UDP) return describeUdp(data, start, end);
  return end > start ? [field(`Data (${end - start} bytes)`, start, end - start)] : [];
}

/** Wireshark's window lines: the value sent, the calculated size and the scaling factor. */
function windowNodes(window: number, scale: WindowScale, at: number): TreeNode[] {
  const nodes: TreeNode[] = [withField(field(`Window: ${window}`, at, 2), 'tcp.window_size_value', window)];
  if (scale === 'syn') return nodes;
  const shift = typeof scale === 'number' ? scale : 0;
  nodes.push(withField({ label: `[Calculated window size: ${window * 2 ** shift}]` }, 'tcp.window_size', window * 2 ** shift));
  const factor = scale === 'unknown' ? '-1 (unknown)' : scale === 'unused' ? '-2 (no window scaling used)' : String(2 ** shift);
  nodes.push({ label: `[Window size scaling factor: ${factor}]` });
  return nodes;
}

function describeTcp(data: Uint8Array, start: number, end: number, windowScale: WindowScale): TreeNode[] {
  const length = end - start;
  if (length < 20) {
    return [field('Transmission Control Protocol', start, Math.max(0, length), [remark(`[Truncated: 20 bytes needed, ${Math.max(0, length)} left]`, 'warning')])];
  }
  const srcPort = u16(data, start);
  const dstPort = u16(data, start + 2);
  const seq = u32(data, start + 4);
  const ack = u32(data, start + 8);
  const headerLength = (data[start + 12] >> 4) * 4;
  const flags = ((data[start + 12] & 0x0f) << 8) | data[start + 13];
  const headerOk = headerLength >= 20 && headerLength <= length;
  const payloadLength = headerOk ? length - headerLength : 0;
  const children: TreeNode[] = [
    withField(field(`Source Port: ${srcPort}`, start, 2), 'tcp.srcport', srcPort),
    withField(field(`Destination Port: ${dstPort}`, start + 2, 2), 'tcp.dstport', dstPort),
    withField({ label: `TCP Segment Len: ${payloadLength}` }, 'tcp.len', payloadLength),
    withField(field(`Sequence Number (raw): ${seq}`, start + 4, 4), 'tcp.seq_raw', seq),
    withField(field(`Acknowledgment Number (raw): ${ack}`, start + 8, 4), 'tcp.ack_raw', ack),
    field(`Header Length: ${headerLength} bytes (${headerLength / 4})`, start + 12, 1),
    withField(field(`Flags: ${hex(flags, 3)} [${tcpFlagsText(flags)}]`, start + 12, 2), 'tcp.flags', flags),
    ...windowNodes(u16(data, start + 14), windowScale, start + 14),
    field(`Checksum: ${hex(u16(data, start + 16), 4)} [unverified]`, start + 16, 2),
    field(`Urgent Pointer: ${u16(data, start + 18)}`, start + 18, 2),
  ];
  const label = `Transmission Control Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}, Seq: ${seq}, Ack: ${ack}, Len: ${payloadLength}`;
  const node = field(label, start, headerOk ? headerLength : Math.min(20, length), children);
  if (!headerOk) {
    const why = headerLength < 20 ? `bogus header length ${headerLength}` : `header length ${headerLength}, ${length} bytes in the segment`;
    children.push(remark(`[Malformed: ${why}]`, 'error', [start + 12, 1]));
    return [node];
  }
  if (headerLength > 20) children.push(describeTcpOptions(data, start + 20, start + headerLength));
  const nodes = [node];
  if (payloadLength > 0) nodes.push(field(`TCP payload (${payloadLength} bytes)`, start + headerLength, payloadLength));
  const tls = payloadLength > 0 && onTlsPort(srcPort, dstPort) ? describeTls(data, start + headerLength, end) : null;
  if (tls) nodes.push(tls);
  return nodes;
}

function describeTcpOptions(data: Uint8Array, start: number, end: number): TreeNode {
  const options: TreeNode[] = [];
  for (let at = start; at < end; ) {
    const kind = data[at];
    if (kind === 0 || kind === 1) {
      options.push(field(kind === 0 ? 'TCP Option - End of Option List (EOL)' : 'TCP Option - No-Operation (NOP)', at, 1));
      at += 1;
      if (kind === 0) break;
      continue;
    }
    const length = at + 1 < end ? data[at + 1] : 0;
    if (length < 2 || at + length > end) {
      options.push(remark(`[TCP Option ${kind}: bad length ${length}]`, 'warning', [at, end - at]));
      break;
    }
    options.push(field(`TCP Option - ${tcpOptionText(data, kind, at, length)}`, at, length));
    at += length;
  }
  return field(`Options: (${end - start} bytes)`, start, end - start, options);
}

function tcpOptionText(data: Uint8Array, kind: number, at: number, length: number): string {
  if (kind === 2 && length === 4) return `Maximum segment size: ${u16(data, at + 2)} bytes`;
  if (kind === 3 && length === 3) return `Window scale: ${data[at + 2]} (multiply by ${2 ** Math.min(data[at + 2], 14)})`;
  if (kind === 4) return 'SACK permitted';
  if (kind === 8 && length === 10) return `Timestamps: TSval ${u32(data, at + 2)}, TSecr ${u32(data, at + 6)}`;
  if (kind === 5) {
    const blocks: string[] = [];
    for (let b = at + 2; b + 8 <= at + length; b += 8) blocks.push(`${u32(data, b)}-${u32(data, b + 4)}`);
    return `SACK ${blocks.join(', ')}`;
  }
  return `Kind ${kind} (${length} bytes): ${hexBytes(data, at + 2, length - 2)}`;
}

function describeUdp(data: Uint8Array, start: number, end: number): TreeNode[] {
  const length = end - start;
  if (length < 8) {
    return [field('User Datagram Protocol', start, Math.max(0, length), [remark(`[Truncated: 8 bytes needed, ${Math.max(0, length)} left]`, 'warning')])];
  }
  const srcPort = u16(data, start);
  const dstPort = u16(data, start + 2);
  const udpLength = u16(data, start + 4);
  const children: TreeNode[] = [
    withField(field(`Source Port: ${srcPort}`, start, 2), 'udp.srcport', srcPort),
    withField(field(`Destination Port: ${dstPort}`, start + 2, 2), 'udp.dstport', dstPort),
    withField(field(`Length: ${udpLength}`, start + 4, 2), 'udp.length', udpLength),
    field(`Checksum: ${hex(u16(data, start + 6), 4)} [unverified]`, start + 6, 2),
  ];
  let payloadEnd = end;
  if (udpLength >= 8 && udpLength <= length) payloadEnd = start + udpLength;
  else if (udpLength > length) children.push(remark(`[Length ${udpLength} exceeds the ${length} bytes after the IP header]`, 'warning', [start + 4, 2]));
  const nodes = [field(`User Datagram Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}`, start, 8, children)];
  if (payloadEnd > start + 8) nodes.push(field(`UDP payload (${payloadEnd - start - 8} bytes)`, start + 8, payloadEnd - start - 8));
  return nodes;
}
