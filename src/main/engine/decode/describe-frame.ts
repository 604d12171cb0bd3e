// The Wireshark-like detail tree of one frame (Frame, link layer, IP, TCP/UDP), built when the
// user selects it: clarity over speed. Every node's `range` is [offset, length] in the frame.

import type { TreeNode } from '../../../shared/model';
import type { WindowScale } from './decoded-packet';
import { describeIp } from './describe-ip';
import { describeLink } from './describe-link';
import { describeTransport } from './describe-transport';
import { linkTypeText } from './protocol-names';
import { field, hexBytes, remark, withField } from './tree-field';

export interface FrameInfo {
  number: number;
  tsUs: number;
  originalLength: number;
  /** The TCP window's scale, from the connection's handshake (default: unknown). */
  windowScale?: WindowScale;
}

export function describeFrame(linkType: number, data: Uint8Array, frame: FrameInfo): TreeNode[] {
  const nodes: TreeNode[] = [describeFrameNode(linkType, data, frame)];
  const link = describeLink(linkType, data);
  nodes.push(...link.nodes);
  if (link.ipOffset < 0) return nodes;
  if (link.ipOffset >= data.length) {
    nodes.push(remark('[IP header missing: frame ends after the link-layer header]', 'warning'));
    return nodes;
  }
  const ip = describeIp(data, link.ipOffset);
  if (!ip) {
    nodes.push(remark(`[IP header cut off: ${data.length - link.ipOffset} bytes captured]`, 'warning', [link.ipOffset, data.length - link.ipOffset]));
    return nodes;
  }
  nodes.push(ip.node);
  if (ip.transportStart >= 0) nodes.push(...describeTransport(data, ip.protocol, ip.transportStart, ip.end, frame.windowScale));
  if (link.trailerParent && ip.end < data.length) {
    const length = data.length - ip.end;
    const allZero = data.subarray(ip.end).every((b) => b === 0);
    link.trailerParent.children?.push(field(`${allZero ? 'Padding' : 'Trailer'}: ${hexBytes(data, ip.end, length)} (${length} bytes)`, ip.end, length));
  }
  return nodes;
}

function describeFrameNode(linkType: number, data: Uint8Array, frame: FrameInfo): TreeNode {
  const wire = frame.originalLength;
  const captured = data.length;
  const children: TreeNode[] = [
    { label: `Arrival Time: ${isoTimeUs(frame.tsUs)}` },
    { label: `Epoch Time: ${epochSeconds(frame.tsUs)} seconds` },
    withField({ label: `Frame Number: ${frame.number}` }, 'frame.number', frame.number),
    withField({ label: `Frame Length: ${wire} bytes (${wire * 8} bits)` }, 'frame.len', wire),
    withField({ label: `Capture Length: ${captured} bytes (${captured * 8} bits)` }, 'frame.cap_len', captured),
    { label: `Link Type: ${linkTypeText(linkType)}` },
  ];
  if (captured < wire) children.push(remark(`[Packet size limited during capture: ${wire - captured} bytes not captured]`, 'note'));
  return field(`Frame ${frame.number}: ${wire} bytes on wire (${wire * 8} bits), ${captured} bytes captured (${captured * 8} bits)`, 0, captured, children);
}

/** "2006-03-23T18:10:26.123456Z" */
function isoTimeUs(tsUs: number): string {
  const ms = Math.floor(tsUs / 1000);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(tsUs);
  const micros = String(((tsUs % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, '0');
  return date.toISOString().replace(/\.\d{3}Z$/, `.${micros}Z`);
}

/** "1143137426.123456" */
function epochSeconds(tsUs: number): string {
  const seconds = Math.floor(tsUs / 1_000_000);
  return `${seconds}.${String(tsUs - seconds * 1_000_000).padStart(6, '0')}`;
}
