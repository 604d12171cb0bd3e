// Detail tree of the link layer (Ethernet with VLAN tags and LLC/SNAP, Linux cooked v1/v2,
// BSD/OpenBSD loopback, raw IP): the nodes and where the IP header starts.
// Specs: IEEE 802.3/802.1Q, https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html, …_SLL2.html, …_NULL.html

import type { TreeNode } from '../../../shared/model';
import {
  ETHERNET_HEADER_LENGTH, ETHERTYPE_QINQ, LINKTYPE_ETHERNET, LINKTYPE_IPV4, LINKTYPE_IPV6, LINKTYPE_LINUX_SLL, LINKTYPE_LINUX_SLL2, LINKTYPE_LOOP,
  LINKTYPE_NULL, LINKTYPE_RAW, LINKTYPE_RAW_BSD, LINKTYPE_RAW_OPENBSD, LOOPBACK_HEADER_LENGTH, MAX_VLAN_TAGS, SLL2_HEADER_LENGTH, SLL_HEADER_LENGTH,
  etherTypeIpVersion, isVlanTag, loopbackFamily, loopbackFamilyIpVersion,
} from './link-layer';
import { macText } from './ip-address-text';
import { etherTypeText, linkTypeText } from './protocol-names';
import { field, remark, u16, u32 } from './tree-field';

export interface LinkDescription {
  nodes: TreeNode[];
  /** Where the IP header starts, or -1. */
  ipOffset: number;
  /** The node that gets a "Trailer" child when bytes follow the IP packet (Ethernet only). */
  trailerParent: TreeNode | null;
}

const SLL_PACKET_TYPES = ['Unicast to us', 'Broadcast', 'Multicast', 'Unicast to another host', 'Sent by us'];

export function describeLink(linkType: number, data: Uint8Array): LinkDescription {
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      return describeEthernet(data);
    case LINKTYPE_LINUX_SLL:
      return describeSll(data);
    case LINKTYPE_LINUX_SLL2:
      return describeSll2(data);
    case LINKTYPE_NULL:
    case LINKTYPE_LOOP:
      return describeLoopback(data, linkType);
    case LINKTYPE_RAW:
    case LINKTYPE_RAW_BSD:
    case LINKTYPE_RAW_OPENBSD:
    case LINKTYPE_IPV4:
    case LINKTYPE_IPV6:
      return { nodes: [], ipOffset: 0, trailerParent: null };
    default:
      return { nodes: [field(`${linkTypeText(linkType)}: not decoded`, 0, data.length)], ipOffset: -1, trailerParent: null };
  }
}

function cutOff(name: string, needed: number, data: Uint8Array): LinkDescription {
  const node = field(name, 0, data.length, [remark(`[Truncated: ${needed} bytes needed, ${data.length} captured]`, 'warning')]);
  return { nodes: [node], ipOffset: -1, trailerParent: null };
}

function describeEthernet(data: Uint8Array): LinkDescription {
  if (data.length < ETHERNET_HEADER_LENGTH) return cutOff('Ethernet II', ETHERNET_HEADER_LENGTH, data);
  const dst = macText(data, 0);
  const src = macText(data, 6);
  const ethernet = field(`Ethernet II, Src: ${src}, Dst: ${dst}`, 0, ETHERNET_HEADER_LENGTH, [
    field(`Destination: ${dst}`, 0, 6),
    field(`Source: ${src}`, 6, 6),
  ]);
  const nodes = [ethernet];
  let typeAt = 12;
  let etherType = u16(data, 12);
  let typeParent = ethernet;
  for (let tags = 0; isVlanTag(etherType) && tags < MAX_VLAN_TAGS; tags++) {
    typeParent.children?.push(field(`Type: ${etherTypeText(etherType)}`, typeAt, 2));
    const tag = typeAt + 2;
    if (tag + 4 > data.length) {
      nodes.push(remark(`[VLAN tag cut off at offset ${tag}]`, 'warning', [tag, data.length - tag]));
      return { nodes, ipOffset: -1, trailerParent: ethernet };
    }
    const tci = u16(data, tag);
    const name = etherType === ETHERTYPE_QINQ ? '802.1ad' : '802.1Q Virtual LAN';
    const vlan = field(`${name}, PRI: ${tci >> 13}, DEI: ${(tci >> 12) & 1}, ID: ${tci & 0x0fff}`, tag, 4, [
      field(`Priority: ${tci >> 13}`, tag, 2),
      field(`DEI: ${(tci >> 12) & 1}`, tag, 2),
      field(`ID: ${tci & 0x0fff}`, tag, 2),
    ]);
    nodes.push(vlan);
    typeParent = vlan;
    typeAt = tag + 2;
    etherType = u16(data, typeAt);
  }
  if (etherType <= 1500) {
    typeParent.children?.push(field(`Length: ${etherType}`, typeAt, 2));
    return describeLlc(data, typeAt + 2, nodes, ethernet);
  }
  typeParent.children?.push(field(`Type: ${etherTypeText(etherType)}`, typeAt, 2));
  return { nodes, ipOffset: etherTypeIpVersion(etherType) ? typeAt + 2 : -1, trailerParent: ethernet };
}

/** 802.3 frame: IP only behind LLC/SNAP. */
function describeLlc(data: Uint8Array, at: number, nodes: TreeNode[], ethernet: TreeNode): LinkDescription {
  if (at + 8 > data.length || data[at] !== 0xaa || data[at + 1] !== 0xaa || data[at + 2] !== 0x03) {
    nodes.push(field('Logical-Link Control (not SNAP): not decoded', at, Math.max(0, data.length - at)));
    return { nodes, ipOffset: -1, trailerParent: ethernet };
  }
  const etherType = u16(data, at + 6);
  nodes.push(field('Logical-Link Control, SNAP', at, 8, [field(`Type: ${etherTypeText(etherType)}`, at + 6, 2)]));
  return { nodes, ipOffset: etherTypeIpVersion(etherType) ? at + 8 : -1, trailerParent: ethernet };
}

function describeSll(data: Uint8Array): LinkDescription {
  if (data.length < SLL_HEADER_LENGTH) return cutOff('Linux cooked capture v1', SLL_HEADER_LENGTH, data);
  const packetType = u16(data, 0);
  const addressLength = u16(data, 4);
  const protocol = u16(data, 14);
  const node = field('Linux cooked capture v1', 0, SLL_HEADER_LENGTH, [
    field(`Packet type: ${SLL_PACKET_TYPES[packetType] ?? 'Unknown'} (${packetType})`, 0, 2),
    field(`Link-layer address type: ${u16(data, 2)}`, 2, 2),
    field(`Link-layer address length: ${addressLength}`, 4, 2),
    field(`Source: ${macText(data, 6, Math.min(addressLength, 8))}`, 6, 8),
    field(`Protocol: ${etherTypeText(protocol)}`, 14, 2),
  ]);
  return { nodes: [node], ipOffset: etherTypeIpVersion(protocol) ? SLL_HEADER_LENGTH : -1, trailerParent: null };
}

function describeSll2(data: Uint8Array): LinkDescription {
  if (data.length < SLL2_HEADER_LENGTH) return cutOff('Linux cooked capture v2', SLL2_HEADER_LENGTH, data);
  const protocol = u16(data, 0);
  const packetType = data[10];
  const addressLength = data[11];
  const node = field('Linux cooked capture v2', 0, SLL2_HEADER_LENGTH, [
    field(`Protocol: ${etherTypeText(protocol)}`, 0, 2),
    field(`Interface index: ${u32(data, 4)}`, 4, 4),
    field(`Link-layer address type: ${u16(data, 8)}`, 8, 2),
    field(`Packet type: ${SLL_PACKET_TYPES[packetType] ?? 'Unknown'} (${packetType})`, 10, 1),
    field(`Link-layer address length: ${addressLength}`, 11, 1),
    field(`Source: ${macText(data, 12, Math.min(addressLength, 8))}`, 12, 8),
  ]);
  return { nodes: [node], ipOffset: etherTypeIpVersion(protocol) ? SLL2_HEADER_LENGTH : -1, trailerParent: null };
}

function describeLoopback(data: Uint8Array, linkType: number): LinkDescription {
  const name = linkType === LINKTYPE_LOOP ? 'OpenBSD loopback' : 'Null/Loopback';
  if (data.length < LOOPBACK_HEADER_LENGTH) return cutOff(name, LOOPBACK_HEADER_LENGTH, data);
  const family = loopbackFamily(data);
  const version = loopbackFamilyIpVersion(family);
  const familyName = version === 4 ? 'IP' : version === 6 ? 'IPv6' : 'Unknown';
  const node = field(name, 0, LOOPBACK_HEADER_LENGTH, [field(`Family: ${familyName} (${family})`, 0, 4)]);
  return { nodes: [node], ipOffset: version ? LOOPBACK_HEADER_LENGTH : -1, trailerParent: null };
}
