// Display names for protocol numbers and TCP flags, as Wireshark shows them.

const IP_PROTOCOLS: Record<number, string> = {
  0: 'IPv6 Hop-by-Hop Option', 1: 'ICMP', 2: 'IGMP', 4: 'IPIP', 6: 'TCP', 17: 'UDP', 41: 'IPv6', 43: 'Routing Header for IPv6',
  44: 'Fragment Header for IPv6', 47: 'GRE', 50: 'ESP', 51: 'AH', 58: 'ICMPv6', 59: 'No Next Header for IPv6',
  60: 'Destination Options for IPv6', 132: 'SCTP', 135: 'Mobility Header', 139: 'HIP', 140: 'Shim6',
};

const ETHER_TYPES: Record<number, string> = {
  0x0800: 'IPv4', 0x0806: 'ARP', 0x86dd: 'IPv6', 0x8100: '802.1Q Virtual LAN', 0x88a8: '802.1ad Provider Bridge (Q-in-Q)',
  0x9100: 'VLAN-tagged frame (Q-in-Q)', 0x8035: 'RARP', 0x8863: 'PPPoE Discovery', 0x8864: 'PPPoE Session', 0x88cc: 'LLDP',
};

const LINK_TYPES: Record<number, string> = {
  0: 'BSD loopback (NULL)', 1: 'Ethernet', 12: 'Raw IP', 14: 'Raw IP', 101: 'Raw IP', 108: 'OpenBSD loopback (LOOP)',
  113: 'Linux cooked capture v1 (SLL)', 228: 'Raw IPv4', 229: 'Raw IPv6', 276: 'Linux cooked capture v2 (SLL2)',
};

/** "TCP (6)" */
export function ipProtocolText(protocol: number): string {
  return `${IP_PROTOCOLS[protocol] ?? 'Unknown'} (${protocol})`;
}

/** "IPv4 (0x0800)" */
export function etherTypeText(etherType: number): string {
  return `${ETHER_TYPES[etherType] ?? 'Unknown'} (0x${etherType.toString(16).padStart(4, '0')})`;
}

/** "Ethernet (1)" */
export function linkTypeText(linkType: number): string {
  return `${LINK_TYPES[linkType] ?? 'Unknown link type'} (${linkType})`;
}

/** By bit, lowest first, which is also Wireshark's display order ("FIN, PSH, ACK"). */
const TCP_FLAG_NAMES = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'AE'];

/** "PSH, ACK", or "<None>". */
export function tcpFlagsText(flags: number): string {
  const names = TCP_FLAG_NAMES.filter((_, bit) => flags & (1 << bit));
  return names.length ? names.join(', ') : '<None>';
}
