import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../src/shared/model';
import { describeMessage } from '../../src/main/engine/message/describe-message';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';

const bytes = (t: string) => new TextEncoder().encode(t);
const slice = (payload: Uint8Array, range: [number, number] | undefined, base = 0) =>
  range ? new TextDecoder().decode(payload.subarray(range[0] - base, range[0] - base + range[1])) : null;

describe('describeMessage', () => {
  it('lists the headers with their byte ranges, then the decoded chat text', () => {
    const payload = bytes('MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nX-MMS-IM-Format: FN=Arial; EF=B; CO=ff; CS=0; PF=22\r\n\r\nHi Bob!');
    const tree = describeMessage(parseMimeMessage(payload), 100);
    const [headers, body] = tree;
    expect(headers.label).toBe('Message headers (3): text/plain');
    expect(headers.children!.map((c) => c.label)).toEqual(['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'X-MMS-IM-Format: FN=Arial; EF=B; CO=ff; CS=0; PF=22']);
    // Ranges are payload offsets plus the base the caller passed.
    for (const child of headers.children!) expect(slice(payload, child.range, 100)).toBe(child.label);
    expect(body.label).toBe('Chat text');
    expect(slice(payload, body.range, 100)).toBe('Hi Bob!');
    const labels = body.children!.map((c) => c.label);
    expect(labels).toContain('Text: Hi Bob!');
    expect(labels).toContain('Font: Arial');
    expect(labels).toContain('Effects: bold');
    expect(labels).toContain('Colour: #ff0000');
  });

  it('never shows MSPAuth in a profile message', () => {
    const tree = describeMessage(parseMimeMessage(bytes('MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsprofile\r\nMSPAuth: 7Zt1sEcReT$$\r\nClientIP: 203.0.113.7\r\n\r\n')));
    const all = JSON.stringify(tree);
    expect(all).not.toContain('7Zt1sEcReT');
    expect(all).toContain('MSPAuth: <redacted, 12 characters>');
    expect(all).toContain('Client IP: 203.0.113.7');
  });

  it('gives each invitation field its own line range', () => {
    const payload = bytes('MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsinvite; charset=UTF-8\r\n\r\nInvitation-Command: ACCEPT\r\nInvitation-Cookie: 33267\r\nIP-Address: 10.44.102.65\r\nPort: 6891\r\n');
    const body = describeMessage(parseMimeMessage(payload))[1];
    expect(body.label).toBe('Invitation: ACCEPT (cookie 33267)');
    expect(body.children!.map((c) => slice(payload, c.range))).toEqual(['Invitation-Command: ACCEPT', 'Invitation-Cookie: 33267', 'IP-Address: 10.44.102.65', 'Port: 6891']);
  });

  it('hands P2P bodies to the describer it is given, or shows their size', () => {
    const payload = bytes('MIME-Version: 1.0\r\nContent-Type: application/x-msnmsgrp2p\r\nP2P-Dest: bob@example.com\r\n\r\n0123456789');
    const message = parseMimeMessage(payload);
    expect(describeMessage(message)[1].children).toEqual([{ label: 'P2P data: 10 bytes', range: [message.bodyOffset, 10] }]);
    const seen: number[] = [];
    const custom: TreeNode[] = [{ label: 'custom' }];
    expect(describeMessage(message, 7, (_m, base) => (seen.push(base), custom))[1].children).toBe(custom);
    expect(seen).toEqual([7]);
  });

  it('shows the blocks of an SDG message and flags malformed input', () => {
    const sdg = bytes('Routing: 1.0\r\nTo: 1:bob@example.com\r\nFrom: 1:alice@example.com\r\n\r\nReliability: 1.0\r\n\r\nMessaging: 2.0\r\nMessage-Type: Nudge\r\nContent-Type: Text/x-msnmsgr-datacast\r\n\r\nID: 1\r\n\r\n');
    const labels = describeMessage(parseMimeMessage(sdg)).map((n) => n.label);
    expect(labels).toEqual(['From: alice@example.com → To: bob@example.com · Nudge', 'Routing (3 headers)', 'Reliability (1 headers)', 'Messaging (3 headers)', 'Datacast: nudge (ID 1)']);
    const bad = describeMessage(parseMimeMessage(bytes('Content-Type: text/plain')));
    expect(bad.some((n) => n.severity === 'warning' && /no blank line/.test(n.label))).toBe(true);
  });
});
