import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../src/shared/model';
import { describeMessageWithP2p } from '../../src/main/engine/p2p/describe-p2p-body';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';
import { CAPTURES } from '../helpers/captures';
import { readSwitchboardMsgs } from './capture-msg-bodies';
import { p2pMessage, slpHeaders, slpText, p2pV1 } from './p2p-builders';

const find = (nodes: TreeNode[], prefix: string): TreeNode => {
  for (const n of nodes) {
    if (n.label.startsWith(prefix)) return n;
    const inner = n.children ? findOrNull(n.children, prefix) : null;
    if (inner) return inner;
  }
  throw new Error(`no node starting with "${prefix}"`);
};
const findOrNull = (nodes: TreeNode[], prefix: string): TreeNode | null => {
  try {
    return find(nodes, prefix);
  } catch {
    return null;
  }
};
const text = (payload: Uint8Array, node: TreeNode, base = 0) => new TextDecoder().decode(payload.subarray(node.range![0] - base, node.range![0] - base + node.range![1]));

describe('describeMessageWithP2p', () => {
  it('the real INVITE of frame 202: v1 fields with ranges, then the SLP message', () => {
    const msg = readSwitchboardMsgs(CAPTURES.pecanFileTransfer, 1864).find((m) => m.frame === 202)!;
    const message = parseMimeMessage(msg.body);
    const tree = describeMessageWithP2p(message, 1000);
    const header = find(tree, 'P2P header (v1)');
    expect(header.children!.map((c) => c.label)).toEqual([
      'Session ID: 0',
      'Identifier: 1804289387',
      'Offset: 0',
      'Total size: 1191',
      'Message length: 1191',
      'Flags: 0x00000000',
      'Ack identifier: 304089172',
      'Ack unique id: 0',
      'Ack data size: 0',
    ]);
    // "Identifier" is bytes 4..8 of the P2P body: 6b 45 8b 6b (tshark) = 1804289387 little-endian.
    expect(find(tree, 'Identifier').range).toEqual([1000 + message.bodyOffset + 4, 4]);
    const slp = find(tree, 'MSNSLP INVITE MSNMSGR:bob@example.com');
    expect(text(msg.body, slp.children![0], 1000)).toBe('INVITE MSNMSGR:bob@example.com MSNSLP/1.0');
    expect(text(msg.body, find(tree, 'Call-ID:'), 1000)).toBe('Call-ID: {8147455F-1BE9-9E6D-1C6E-4BEA8B3E9C46}');
    expect(text(msg.body, find(tree, 'AppID: 2'), 1000)).toBe('AppID: 2');
    expect(find(tree, 'Footer').label).toBe('Footer (application id): 0 (session negotiation)');
  });

  it('marks reversed SLP fields', () => {
    const slp = slpText('MSNSLP/1.0 200 OK', slpHeaders('bob@example.com', 'alice@example.com', '{C}', 1), ['Bridge: TCPv1', 'troP-lanretnI4vPI: 5813'], 'application/x-msnmsgr-transrespbody');
    const tree = describeMessageWithP2p(p2pMessage(p2pV1(slp, { identifier: 1 })));
    expect(find(tree, 'IPv4Internal-Port').label).toBe('IPv4Internal-Port: 3185 (sent reversed)');
  });

  it('a v2 chunk (P2P-Src present): header, TLVs, data header', () => {
    const hex = (h: string) => new Uint8Array(h.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
    const body = hex('10 02 0020 00000100 0204000000ff 0000 14 07 0003 00001234 0108 0000000000000100 0000 68656c6c6f20776f726c6421 00000002');
    const message = p2pMessage(body, 'bob@example.com;{960748A6-B9D0-312A-4569-B15F5BE85736}', 'alice@example.com;{42B97F22-15C1-2133-28B8-864229612F7E}');
    const tree = describeMessageWithP2p(message);
    expect(find(tree, 'P2P header (v2)').children!.map((c) => c.label)).toEqual(['Header length: 16', 'Op code: 0x02 (RAK)', 'Message size: 32', 'Sequence number: 256', 'TLV 2 (ACK sequence): 00 00 00 ff']);
    expect(find(tree, 'TLV 2').range).toEqual([message.bodyOffset + 8, 6]);
    expect(find(tree, 'Data header').children!.map((c) => c.label)).toEqual(['Length: 20', 'TF combination: 0x07 (file transfer, first)', 'Package number: 3', 'Session ID: 4660', 'TLV 1 (data remaining): 00 00 00 00 00 00 01 00']);
    expect(find(tree, 'Data:').label).toBe('Data: 12 bytes');
    expect(find(tree, 'Footer').label).toBe('Footer (application id): 2 (file transfer)');
  });

  it('spells out what a legacy invitation offers', () => {
    const payload = new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsinvite; charset=UTF-8\r\n\r\nApplication-GUID: {5D3E02AB-6190-11d3-BBBB-00C04F795683}\r\nInvitation-Command: ACCEPT\r\nInvitation-Cookie: 7\r\nIP-Address: 203.0.113.9\r\nPortX: 11178\r\n');
    const body = describeMessageWithP2p(parseMimeMessage(payload))[1];
    expect(body.children!.slice(0, 3).map((c) => c.label)).toEqual(['Application: file transfer', 'Offers 203.0.113.9:6891 (external, from IP-Address + PortX)', 'Application-GUID: {5D3E02AB-6190-11d3-BBBB-00C04F795683}']);
  });

  it('short bodies become warnings, not exceptions', () => {
    const tree = describeMessageWithP2p(p2pMessage(new Uint8Array(10)));
    expect(find(tree, 'P2P v1 body of 10 bytes').severity).toBe('warning');
  });
});
