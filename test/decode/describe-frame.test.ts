// The detail tree of one frame: labels with the values tshark -V shows for the same bytes, and
// ranges that point at those bytes.

import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../src/shared/model';
import { describeFrame } from '../../src/main/engine/decode/describe-frame';
import { readAllFrames } from '../helpers/capture-builder';
import { ethernet, hexToBytes, ipv6, LINK, linkFrame, ip, sll, tcp, udp } from '../helpers/packet-builder';

const labels = (nodes: TreeNode[] | undefined) => (nodes ?? []).map((n) => n.label);
const find = (nodes: TreeNode[] | undefined, prefix: string) => (nodes ?? []).find((n) => n.label.startsWith(prefix));

describe('PPA capture frames 4 and 12 (tshark -V)', async () => {
  const { frames } = await readAllFrames('test/fixtures/captures/ppa-2006-switchboard-chat.pcap');
  const detail = (n: number) => describeFrame(frames[n - 1].linkType, frames[n - 1].data, { number: n, tsUs: frames[n - 1].tsUs, originalLength: frames[n - 1].originalLength });
  const usr = detail(4);

  it('has Frame, Ethernet, IPv4, TCP and payload nodes', () => {
    expect(labels(usr)).toEqual([
      'Frame 4: 114 bytes on wire (912 bits), 114 bytes captured (912 bits)',
      'Ethernet II, Src: 00:16:ce:6e:8b:24, Dst: 00:05:5d:21:99:4c',
      'Internet Protocol Version 4, Src: 192.168.0.114, Dst: 207.46.26.167',
      'Transmission Control Protocol, Src Port: 3331, Dst Port: 1863, Seq: 606189043, Ack: 3302128503, Len: 60',
      'TCP payload (60 bytes)',
    ]);
    expect(usr.map((n) => n.range)).toEqual([[0, 114], [0, 14], [14, 20], [34, 20], [54, 60]]);
  });

  it('frame node gives arrival and epoch time', () => {
    expect(labels(usr[0].children).slice(0, 2)).toEqual(['Arrival Time: 2006-12-29T02:27:41.922887Z', 'Epoch Time: 1167359261.922887 seconds']);
  });

  it('IPv4 fields', () => {
    const ipNode = usr[2].children;
    expect(find(ipNode, 'Total Length')?.label).toBe('Total Length: 100');
    expect(find(ipNode, 'Identification')).toEqual({ label: 'Identification: 0x4f13 (20243)', range: [18, 2] });
    expect(find(ipNode, 'Flags')?.label).toBe("Flags: 0x2, Don't fragment");
    expect(find(ipNode, 'Time to Live')?.label).toBe('Time to Live: 128');
    expect(find(ipNode, 'Protocol')?.label).toBe('Protocol: TCP (6)');
    expect(find(ipNode, 'Header Checksum')).toEqual({ label: 'Header Checksum: 0x0091 [unverified]', range: [24, 2] });
    expect(find(ipNode, 'Source Address')).toEqual({ label: 'Source Address: 192.168.0.114', range: [26, 4], field: { name: 'ip.src', value: '192.168.0.114' } });
    expect(find(ipNode, 'Destination Address')?.field).toEqual({ name: 'ip.dst', value: '207.46.26.167' });
  });

  it('TCP fields with flags as text', () => {
    const tcpNode = usr[3].children;
    expect(find(tcpNode, 'Sequence Number (raw)')).toEqual({ label: 'Sequence Number (raw): 606189043', range: [38, 4], field: { name: 'tcp.seq_raw', value: 606189043 } });
    // 0x018: PSH (0x08) + ACK (0x10).
    expect(find(tcpNode, 'Flags')).toEqual({ label: 'Flags: 0x018 [PSH, ACK]', range: [46, 2], field: { name: 'tcp.flags', value: 0x18 } });
    expect(find(tcpNode, 'Source Port')?.field).toEqual({ name: 'tcp.srcport', value: 3331 });
    expect(find(tcpNode, 'TCP Segment Len')?.field).toEqual({ name: 'tcp.len', value: 60 });
    expect(find(tcpNode, 'Window')?.label).toBe('Window: 17424');
    expect(find(tcpNode, 'Checksum')?.label).toBe('Checksum: 0x997b [unverified]');
  });

  it('shows the Ethernet trailer of frame 12 and no payload', () => {
    const ack = detail(12);
    expect(find(ack[1].children, 'Trailer')).toEqual({ label: 'Trailer: 4d5347207465 (6 bytes)', range: [54, 6] });
    expect(ack[3].label).toBe('Transmission Control Protocol, Src Port: 1863, Dst Port: 3331, Seq: 3302128619, Ack: 606189245, Len: 0');
    expect(ack).toHaveLength(4);
  });

  it('lists the SYN options of frame 1', () => {
    const options = find(detail(1)[3].children, 'Options');
    expect(options?.label).toBe('Options: (8 bytes)');
    expect(labels(options?.children)).toEqual([
      'TCP Option - Maximum segment size: 1460 bytes',
      'TCP Option - No-Operation (NOP)',
      'TCP Option - No-Operation (NOP)',
      'TCP Option - SACK permitted',
    ]);
    expect(find(detail(1)[3].children, 'Flags')?.label).toBe('Flags: 0x002 [SYN]');
  });
});

describe('other link layers and headers', () => {
  const info = { number: 7, tsUs: 1_000_000, originalLength: 0 };
  const describeBytes = (linkType: number, data: Uint8Array) => describeFrame(linkType, data, { ...info, originalLength: data.length });

  it('VLAN tags become their own nodes', () => {
    const frame = ethernet(ip('10.0.0.1', '10.0.0.2', tcp({ srcPort: 1, dstPort: 2 })), { vlans: [{ id: 10, tpid: 0x88a8, priority: 3 }, { id: 20 }] });
    const tree = describeBytes(1, frame);
    expect(labels(tree).slice(1, 4)).toEqual(['Ethernet II, Src: 00:16:ce:6e:8b:24, Dst: 00:05:5d:21:99:4c', '802.1ad, PRI: 3, DEI: 0, ID: 10', '802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 20']);
    expect(tree[2].range).toEqual([14, 4]);
    expect(find(tree[3].children, 'Type')).toEqual({ label: 'Type: IPv4 (0x0800)', range: [20, 2] });
  });

  it('Linux cooked capture fields', () => {
    const tree = describeBytes(LINK.SLL, sll(ip('10.0.0.1', '10.0.0.2', udp({ srcPort: 1, dstPort: 2, payload: 'x' })), { packetType: 4 }));
    expect(labels(tree[1].children)).toContain('Packet type: Sent by us (4)');
    expect(labels(tree[1].children)).toContain('Protocol: IPv4 (0x0800)');
    expect(labels(tree).slice(3)).toEqual(['User Datagram Protocol, Src Port: 1, Dst Port: 2', 'UDP payload (1 bytes)']);
  });

  it('loopback family', () => {
    const tree = describeBytes(LINK.NULL, linkFrame(LINK.NULL, ip('::1', '::1', tcp({ srcPort: 1, dstPort: 2 }))));
    expect(tree[1]).toEqual({ label: 'Null/Loopback', range: [0, 4], children: [{ label: 'Family: IPv6 (30)', range: [0, 4] }] });
  });

  it('IPv6 extension headers and a fragment note', () => {
    const packet = ipv6('2001:db8::1', '2001:db8::2', tcp({ srcPort: 1, dstPort: 2, payload: 'ab' }), { extensionHeaders: [{ type: 0 }, { type: 44, moreFragments: true }] });
    const tree = describeBytes(229, packet);
    const v6 = tree[1];
    expect(v6.label).toBe('Internet Protocol Version 6, Src: 2001:db8::1, Dst: 2001:db8::2');
    expect(v6.range).toEqual([0, 56]);
    expect(find(v6.children, 'IPv6 Hop-by-Hop Option')?.range).toEqual([40, 8]);
    expect(labels(find(v6.children, 'Fragment Header')?.children)).toEqual(['Next Header: TCP (6)', 'Offset: 0', 'More Fragments: Yes', 'Identification: 0x0000abcd']);
    expect(v6.children?.at(-1)).toEqual({ label: '[Fragment at offset 0, more follow: fragments are not reassembled]', severity: 'note' });
    expect(tree[3]).toEqual({ label: 'TCP payload (2 bytes)', range: [76, 2] });
  });

  it('snapped frames and cut headers get remarks', () => {
    const frame = ethernet(ip('10.0.0.1', '10.0.0.2', tcp({ srcPort: 1, dstPort: 2, payload: 'hello' })));
    const tree = describeFrame(1, frame.subarray(0, 20), { ...info, originalLength: frame.length });
    expect(find(tree[0].children, '[Packet size limited')?.severity).toBe('note');
    expect(tree.at(-1)).toEqual({ label: '[IP header cut off: 6 bytes captured]', range: [14, 6], severity: 'warning' });
  });

  it('IPv4 options are listed', () => {
    const frame = linkFrame(101, ip('10.0.0.1', '10.0.0.2', tcp({ srcPort: 1, dstPort: 2 })));
    const withOptions = hexToBytes('46 00 00 2c 00 00 00 00 40 06 00 00 0a 00 00 01 0a 00 00 02 94 04 00 00');
    const tree = describeBytes(101, new Uint8Array([...withOptions, ...frame.subarray(20)]));
    const options = find(tree[1].children, 'Options');
    expect(options).toEqual({ label: 'Options: (4 bytes)', range: [20, 4], children: [{ label: 'IP Option - Router Alert (4 bytes)', range: [20, 4] }] });
  });
});
