import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { P2pTracker } from '../../src/main/engine/p2p/p2p-tracker';
import { ctx, textMessage } from './p2p-builders';

const invite = (lines: string[]) => textMessage(`MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsinvite; charset=UTF-8\r\n\r\n${lines.join('\r\n')}\r\n\r\n`);
const alice = (frame: number, duplicate = false) => ctx({ from: 'alice@example.com', to: ['bob@example.com'], frame, duplicate });
const bob = (frame: number) => ctx({ from: 'bob@example.com', to: ['alice@example.com'], frame, connection: 2 });

// Seed 002's file transfer: alice invites, bob accepts asking for her address, alice answers
// with IP-Address / Port / PortX / AuthCookie, bob connects.
const INVITE = invite(['Application-Name: File Transfer', 'Application-GUID: {5D3E02AB-6190-11d3-BBBB-00C04F795683}', 'Invitation-Command: INVITE', 'Invitation-Cookie: 33267', 'Application-File: readme.txt', 'Application-FileSize: 60904']);
const BOB_ACCEPT = invite(['Invitation-Command: ACCEPT', 'Invitation-Cookie: 33267', 'Launch-Application: FALSE', 'Request-Data: IP-Address:']);
const ALICE_ACCEPT = invite(['Invitation-Command: ACCEPT', 'Invitation-Cookie: 33267', 'IP-Address: 10.44.102.65', 'Port: 6891', 'PortX: 11178', 'AuthCookie: 93301', 'Launch-Application: FALSE', 'Request-Data: IP-Address:']);

describe('legacy invitations in the tracker', () => {
  it('joins INVITE and ACCEPTs by cookie and lists the offered address once', () => {
    const t = new P2pTracker(new ExpertLog());
    expect(t.onInvitation(alice(10), INVITE)).toEqual({ kind: 'invitation', detail: 'invites to file transfer "readme.txt" (60904 bytes) (cookie 33267)' });
    expect(t.onInvitation(bob(12), BOB_ACCEPT)).toEqual({ kind: 'invitation', detail: 'accepts file transfer "readme.txt" (60904 bytes) (cookie 33267)' });
    expect(t.onInvitation(alice(14), ALICE_ACCEPT)!.detail).toBe('accepts file transfer "readme.txt" (60904 bytes) (cookie 33267); offers 10.44.102.65:6891');
    // Port and PortX name the same port (6891 ^ 0x3141 = 11178): one endpoint.
    expect(t.endpoints()).toEqual([
      {
        frame: 14,
        kind: 'file-transfer',
        transport: 'tcp',
        address: '10.44.102.65',
        port: 6891,
        scope: 'external',
        offeredBy: 'alice@example.com',
        offeredTo: 'bob@example.com',
        status: 'accepted',
        source: 'msmsgsinvite',
        file: { name: 'readme.txt', size: 60904 },
        observed: false,
        session: 1,
        cookie: '33267',
      },
    ]);
  });

  it('marks an endpoint observed only for a matching connection after the offer', () => {
    const t = new P2pTracker(new ExpertLog());
    t.onInvitation(alice(10), INVITE);
    t.onInvitation(alice(14), ALICE_ACCEPT);
    t.noteConnection('10.44.102.65', 6891, 'tcp', 14); // same frame: not after the offer
    t.noteConnection('10.44.102.65', 6891, 'udp', 20); // wrong transport
    t.noteConnection('10.44.102.65', 6892, 'tcp', 20); // wrong port
    expect(t.endpoints()[0].observed).toBe(false);
    t.noteConnection('10.44.102.65', 6891, 'tcp', 21);
    expect(t.endpoints()[0].observed).toBe(true);
  });

  it('CANCEL with REJECT declines, other codes cancel', () => {
    const t = new P2pTracker(new ExpertLog());
    t.onInvitation(alice(10), INVITE);
    t.onInvitation(alice(14), ALICE_ACCEPT);
    expect(t.onInvitation(bob(16), invite(['Invitation-Command: CANCEL', 'Invitation-Cookie: 33267', 'Cancel-Code: FTTIMEOUT']))!.detail).toBe('cancels file transfer "readme.txt" (60904 bytes) (cookie 33267): FTTIMEOUT');
    expect(t.endpoints()[0].status).toBe('cancelled');
    t.onInvitation(alice(20), invite(['Application-GUID: {5D3E02AB-6190-11d3-BBBB-00C04F795683}', 'Invitation-Command: INVITE', 'Invitation-Cookie: 555', 'Application-File: b.txt', 'Application-FileSize: 1', 'IP-Address: 10.0.0.1', 'Port: 6891']));
    expect(t.onInvitation(bob(22), invite(['Invitation-Command: CANCEL', 'Invitation-Cookie: 555', 'Cancel-Code: REJECT']))!.detail).toBe('declines file transfer "b.txt" (1 bytes) (cookie 555): REJECT');
    expect(t.endpoints()[1].status).toBe('declined');
  });

  it('says each step once when both clients are captured', () => {
    const t = new P2pTracker(new ExpertLog());
    expect(t.onInvitation(alice(10), INVITE)).not.toBeNull();
    expect(t.onInvitation(ctx({ connection: 2, frame: 11, duplicate: true }), INVITE)).toBeNull();
    t.onInvitation(alice(14), ALICE_ACCEPT);
    t.onInvitation(ctx({ connection: 2, frame: 15 }), ALICE_ACCEPT);
    expect(t.endpoints()).toHaveLength(1);
    expect(t.endpoints()[0].frame).toBe(14);
  });

  it('voice goes over UDP; Public-IP / Private-IP have no port and any traffic with them counts', () => {
    const t = new P2pTracker(new ExpertLog());
    const name = new TextDecoder().decode(new Uint8Array([0xe8, 0xaf, 0xad, 0xe9, 0x9f, 0xb3, 0xe5, 0xaf, 0xb9, 0xe8, 0xaf, 0x9d])); // 语音对话
    const event = t.onInvitation(alice(30), invite([`Application-Name: ${name}`, 'Application-GUID: {02D3C01F-BF30-4825-A83A-DE7AF41648AA}', 'Session-Protocol: SM1', 'Context-Data: Requested:SIP_A,;Capabilities:SIP_A,;', 'Invitation-Command: INVITE', 'Invitation-Cookie: 26216456', 'Public-IP: 61.237.235.88', 'Private-IP: 192.168.0.12']));
    expect(event!.detail).toBe('invites to voice (cookie 26216456); offers 61.237.235.88, 192.168.0.12');
    expect(t.endpoints().map((e) => [e.address, e.port, e.transport, e.scope, e.status])).toEqual([
      ['61.237.235.88', 0, 'udp', 'external', 'offered'],
      ['192.168.0.12', 0, 'udp', 'internal', 'offered'],
    ]);
    t.noteConnection('61.237.235.88', 5004, 'udp', 31);
    expect(t.endpoints()[0].observed).toBe(true);
  });

  it('whiteboard Context-Data endpoints and invitations without a cookie', () => {
    const expert = new ExpertLog();
    const t = new P2pTracker(expert);
    t.onInvitation(alice(40), invite(['Application-Name: 白板', 'Invitation-Command: INVITE', 'Invitation-Cookie: 77']));
    t.onInvitation(bob(41), invite(['Invitation-Command: CONTEXT', 'Invitation-Cookie: 77', 'Context-Data: 10.1.1.211:13374']));
    expect(t.endpoints()).toMatchObject([{ kind: 'whiteboard', transport: 'tcp', address: '10.1.1.211', port: 13374, offeredBy: 'bob@example.com' }]);
    expect(t.onInvitation(alice(42), invite(['Invitation-Command: INVITE']))).toBeNull();
    expect(expert.all().map((e) => e.message)).toContain('Invitation without Invitation-Cookie');
  });
});
