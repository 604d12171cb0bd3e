// Detail tree of the IPv4 (RFC 791) or IPv6 (RFC 8200) header, with options and extension
// headers, and the bounds of the transport part for the next layer.

import type { TreeNode } from '../../../shared/model';
import { ipv4Text, ipv6Text } from './ip-address-text';
import { IPV6_AH, IPV6_DESTINATION_OPTIONS, IPV6_FRAGMENT, IPV6_HOP_BY_HOP, IPV6_NO_NEXT_HEADER, IPV6_ROUTING, walkIpv6Extensions } from './ipv6-extension-headers';
import { ipProtocolText } from './protocol-names';
import { field, hex, remark, u16, u32, withField } from './tree-field';

export interface IpDescription {
  node: TreeNode;
  protocol: number;
  /** Transport header offset and end of the IP packet within the captured bytes; -1 when there is none to show. */
  transportStart: number;
  end: number;
}

const IPV4_OPTIONS: Record<number, string> = {
  0: 'End of Options List (EOL)', 1: 'No-Operation (NOP)', 7: 'Record Route', 68: 'Time Stamp', 130: 'Security',
  131: 'Loose Source Route', 137: 'Strict Source Route', 136: 'Stream ID', 148: 'Router Alert',
};

const EXTENSION_NAMES: Record<number, string> = {
  [IPV6_HOP_BY_HOP]: 'IPv6 Hop-by-Hop Option', [IPV6_ROUTING]: 'Routing Header for IPv6', [IPV6_FRAGMENT]: 'Fragment Header for IPv6',
  [IPV6_DESTINATION_OPTIONS]: 'Destination Options for IPv6', [IPV6_AH]: 'Authentication Header',
};

/** null when not even the fixed header was captured (the caller shows a truncation remark). */
export function describeIp(data: Uint8Array, ip: number): IpDescription | null {
  const version = data[ip] >> 4;
  if (version === 4) return describeIpv4(data, ip);
  if (version === 6) return describeIpv6(data, ip);
  return { node: field(`IP version ${version}: bogus`, ip, 1), protocol: -1, transportStart: -1, end: data.length };
}

function describeIpv4(data: Uint8Array, ip: number): IpDescription | null {
  const captured = data.length - ip;
  if (captured < 20) return null;
  const headerLength = (data[ip] & 0x0f) * 4;
  const src = ipv4Text(data, ip + 12);
  const dst = ipv4Text(data, ip + 16);
  const totalLength = u16(data, ip + 2);
  const flags = data[ip + 6] >> 5;
  const fragmentOffset = (u16(data, ip + 6) & 0x1fff) * 8;
  const protocol = data[ip + 9];
  const flagNames = [flags & 2 ? "Don't fragment" : '', flags & 1 ? 'More fragments' : '', flags & 4 ? 'Reserved bit' : ''].filter(Boolean);
  const children: TreeNode[] = [
    field('Version: 4', ip, 1),
    field(`Header Length: ${headerLength} bytes (${headerLength / 4})`, ip, 1),
    field(`Differentiated Services Field: ${hex(data[ip + 1], 2)} (DSCP: ${data[ip + 1] >> 2}, ECN: ${data[ip + 1] & 3})`, ip + 1, 1),
    field(`Total Length: ${totalLength}`, ip + 2, 2),
    field(`Identification: ${hex(u16(data, ip + 4), 4)} (${u16(data, ip + 4)})`, ip + 4, 2),
    field(`Flags: ${hex(flags, 1)}${flagNames.length ? ', ' + flagNames.join(', ') : ''}`, ip + 6, 1),
    field(`Fragment Offset: ${fragmentOffset}`, ip + 6, 2),
    field(`Time to Live: ${data[ip + 8]}`, ip + 8, 1),
    withField(field(`Protocol: ${ipProtocolText(protocol)}`, ip + 9, 1), 'ip.proto', protocol),
    field(`Header Checksum: ${hex(u16(data, ip + 10), 4)} [unverified]`, ip + 10, 2),
    withField(field(`Source Address: ${src}`, ip + 12, 4), 'ip.src', src),
    withField(field(`Destination Address: ${dst}`, ip + 16, 4), 'ip.dst', dst),
  ];
  const node = field(`Internet Protocol Version 4, Src: ${src}, Dst: ${dst}`, ip, Math.min(Math.max(headerLength, 20), captured), children);
  const result: IpDescription = { node, protocol, transportStart: -1, end: data.length };
  if (headerLength < 20) {
    children.push(remark(`[Bogus header length ${headerLength}: must be at least 20]`, 'error', [ip, 1]));
    return result;
  }
  if (headerLength > captured) {
    children.push(remark(`[Truncated: header length ${headerLength}, ${captured} bytes captured]`, 'warning'));
    return result;
  }
  if (headerLength > 20) children.push(describeIpv4Options(data, ip + 20, ip + headerLength));
  if (totalLength === 0) {
    children.push(remark('[Total length 0: assumed to be set by segmentation offload; using the captured length]', 'note', [ip + 2, 2]));
  } else if (totalLength < headerLength) {
    children.push(remark(`[Bogus total length ${totalLength}: less than the header length]`, 'error', [ip + 2, 2]));
    return result;
  } else if (totalLength > captured) {
    children.push(remark(`[Truncated: total length ${totalLength}, ${captured} bytes captured]`, 'warning', [ip + 2, 2]));
  } else {
    result.end = ip + totalLength;
  }
  if (fragmentOffset > 0 || flags & 1) {
    children.push(remark(`[Fragment at offset ${fragmentOffset}${flags & 1 ? ', more follow' : ', last'}: fragments are not reassembled]`, 'note', [ip + 6, 2]));
    if (fragmentOffset > 0) return result;
  }
  result.transportStart = ip + headerLength;
  return result;
}

function describeIpv4Options(data: Uint8Array, start: number, end: number): TreeNode {
  const options: TreeNode[] = [];
  for (let at = start; at < end; ) {
    const type = data[at];
    const name = IPV4_OPTIONS[type] ?? `Unknown option ${type}`;
    if (type === 0 || type === 1) {
      options.push(field(`IP Option - ${name}`, at, 1));
      at += 1;
      if (type === 0) break;
      continue;
    }
    const length = at + 1 < end ? data[at + 1] : 0;
    if (length < 2 || at + length > end) {
      options.push(remark(`[IP Option - ${name}: bad length ${length}]`, 'warning', [at, end - at]));
      break;
    }
    options.push(field(`IP Option - ${name} (${length} bytes)`, at, length));
    at += length;
  }
  return field(`Options: (${end - start} bytes)`, start, end - start, options);
}

function describeIpv6(data: Uint8Array, ip: number): IpDescription | null {
  const captured = data.length - ip;
  if (captured < 40) return null;
  const src = ipv6Text(data, ip + 8);
  const dst = ipv6Text(data, ip + 24);
  const payloadLength = u16(data, ip + 4);
  const firstWord = u32(data, ip);
  const children: TreeNode[] = [
    field('Version: 6', ip, 1),
    field(`Traffic Class: ${hex((firstWord >>> 20) & 0xff, 2)}`, ip, 2),
    field(`Flow Label: ${hex(firstWord & 0xfffff, 5)}`, ip + 1, 3),
    field(`Payload Length: ${payloadLength}`, ip + 4, 2),
    field(`Next Header: ${ipProtocolText(data[ip + 6])}`, ip + 6, 1),
    field(`Hop Limit: ${data[ip + 7]}`, ip + 7, 1),
    withField(field(`Source Address: ${src}`, ip + 8, 16), 'ipv6.src', src),
    withField(field(`Destination Address: ${dst}`, ip + 24, 16), 'ipv6.dst', dst),
  ];
  const node = field(`Internet Protocol Version 6, Src: ${src}, Dst: ${dst}`, ip, 40, children);
  let end = ip + 40 + payloadLength;
  if (payloadLength === 0) {
    end = data.length;
  } else if (end > data.length) {
    children.push(remark(`[Truncated: payload length ${payloadLength}, ${captured - 40} bytes captured]`, 'warning', [ip + 4, 2]));
    end = data.length;
  }
  const walk = walkIpv6Extensions(data, ip + 40, end, data[ip + 6], (type, at, length) => {
    children.push(describeExtension(data, type, at, length));
  });
  if (node.range) node.range[1] = walk.offset - ip;
  const result: IpDescription = { node, protocol: walk.next, transportStart: -1, end };
  if (walk.truncated) {
    children.push(remark(`[${walk.truncated}]`, 'warning'));
    return result;
  }
  if (walk.fragment) {
    const { offset, more } = walk.fragment;
    children.push(remark(`[Fragment at offset ${offset}${more ? ', more follow' : ', last'}: fragments are not reassembled]`, 'note'));
    if (offset > 0) return result;
  }
  if (walk.next !== IPV6_NO_NEXT_HEADER) result.transportStart = walk.offset;
  return result;
}

function describeExtension(data: Uint8Array, type: number, at: number, length: number): TreeNode {
  const children: TreeNode[] = [field(`Next Header: ${ipProtocolText(data[at])}`, at, 1)];
  if (type === IPV6_FRAGMENT) {
    const word = u16(data, at + 2);
    children.push(
      field(`Offset: ${word & 0xfff8}`, at + 2, 2),
      field(`More Fragments: ${word & 1 ? 'Yes' : 'No'}`, at + 3, 1),
      field(`Identification: ${hex(u32(data, at + 4), 8)}`, at + 4, 4),
    );
  } else {
    children.push(field(`Length: ${data[at + 1]} (${length} bytes)`, at + 1, 1));
    if (type === IPV6_ROUTING) children.push(field(`Type: ${data[at + 2]}, Segments Left: ${data[at + 3]}`, at + 2, 2));
  }
  return field(EXTENSION_NAMES[type] ?? ipProtocolText(type), at, length, children);
}
