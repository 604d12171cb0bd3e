import { describe, expect, it } from 'vitest';
import { parseMsmsgsInvite, PORTX_XOR, scopeOfAddress, splitHostPort } from '../../src/main/engine/p2p/msmsgsinvite';

const body = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

describe('parseMsmsgsInvite', () => {
  it('the file-transfer INVITE of seed 002', () => {
    const inv = parseMsmsgsInvite(body(['Application-Name: File Transfer', 'Application-GUID: {5d3e02ab-6190-11d3-bbbb-00c04f795683}', 'Invitation-Command: INVITE', 'Invitation-Cookie: 33267', 'Application-File: readme.txt', 'Application-FileSize: 60904']));
    expect(inv).toMatchObject({ command: 'INVITE', cookie: '33267', kind: 'file-transfer', file: { name: 'readme.txt', size: 60904 }, addresses: [], problems: [] });
  });

  it("the sender's ACCEPT of seed 002: IP-Address and Port", () => {
    const inv = parseMsmsgsInvite(body(['Invitation-Command: ACCEPT', 'Invitation-Cookie: 33267', 'IP-Address: 10.44.102.65', 'Port: 6891', 'AuthCookie: 93301', 'Launch-Application: FALSE', 'Request-Data: IP-Address:']));
    expect(inv.kind).toBeNull();
    expect(inv.authCookie).toBe('93301');
    expect(inv.addresses).toEqual([{ address: '10.44.102.65', port: 6891, scope: 'external', source: 'IP-Address + Port' }]);
  });

  it('un-XORs PortX and PortX-Internal (0x3141) and keeps internal addresses apart', () => {
    // 6891 ^ 0x3141 = 11178; 6892 ^ 0x3141 = 11181.
    expect(6891 ^ PORTX_XOR).toBe(11178);
    const inv = parseMsmsgsInvite(body(['Invitation-Command: ACCEPT', 'Invitation-Cookie: 7', 'IP-Address: 203.0.113.9', 'IP-Address-Internal: 192.168.0.12', 'Port: 6891', 'PortX: 11178', 'PortX-Internal: 11181']));
    expect(inv.addresses).toEqual([
      { address: '203.0.113.9', port: 6891, scope: 'external', source: 'IP-Address + Port' },
      { address: '192.168.0.12', port: 6892, scope: 'internal', source: 'IP-Address-Internal + PortX-Internal' },
      { address: '192.168.0.12', port: 6891, scope: 'internal', source: 'IP-Address-Internal + Port' },
    ]);
  });

  it('IP-Address may carry the port itself; Context-Data is ip:port (whiteboard, seed 002)', () => {
    expect(parseMsmsgsInvite(body(['Invitation-Command: ACCEPT', 'Invitation-Cookie: 8', 'IP-Address: 61.237.235.88:5004'])).addresses).toEqual([{ address: '61.237.235.88', port: 5004, scope: 'external', source: 'IP-Address' }]);
    expect(parseMsmsgsInvite(body(['Invitation-Command: CONTEXT', 'Invitation-Cookie: 9', 'Context-Data:10.1.1.211:13374'])).addresses).toEqual([{ address: '10.1.1.211', port: 13374, scope: 'internal', source: 'Context-Data' }]);
  });

  it("a voice INVITE: SIP media in Context-Data decide voice or video; Public-IP / Private-IP have no port", () => {
    const lines = ['Application-Name: an audio conversation', 'Application-GUID: {02D3C01F-BF30-4825-A83A-DE7AF41648AA}', 'Session-Protocol: SM1', 'Context-Data: Requested:SIP_A,;Capabilities:SIP_A,;', 'Invitation-Command: INVITE', 'Invitation-Cookie: 24443504', 'Public-IP: 129.21.160.34', 'Private-IP: 192.168.1.102'];
    const voice = parseMsmsgsInvite(body(lines));
    expect(voice.kind).toBe('voice');
    expect(voice.addresses).toEqual([
      { address: '129.21.160.34', port: 0, scope: 'external', source: 'Public-IP' },
      { address: '192.168.1.102', port: 0, scope: 'internal', source: 'Private-IP' },
    ]);
    expect(parseMsmsgsInvite(body(lines.map((l) => l.replace('Requested:SIP_A,', 'Requested:SIP_A,SIP_V,')))).kind).toBe('video');
    // Seed 002's voice invitation names the file-transfer GUID: the requested SIP media win.
    expect(parseMsmsgsInvite(body(['Application-GUID: {5d3e02ab-6190-11d3-bbbb-00c04f795683}', 'Context-Data: Requested:SIP_A; Capabilities: SIP_A,SIP_V', 'Invitation-Command: INVITE', 'Invitation-Cookie: 1'])).kind).toBe('voice');
  });

  it('a Chinese Application-Name alone gives the kind', () => {
    expect(parseMsmsgsInvite(body(['Application-Name: 白板', 'Invitation-Command: INVITE', 'Invitation-Cookie: 3'])).kind).toBe('whiteboard');
  });

  it('CANCEL with its code; bad values are reported, not thrown', () => {
    expect(parseMsmsgsInvite(body(['Invitation-Command: CANCEL', 'Invitation-Cookie: 33267', 'Cancel-Code: REJECT']))).toMatchObject({ command: 'CANCEL', cancelCode: 'REJECT' });
    const bad = parseMsmsgsInvite(body(['Invitation-Cookie: 1', 'IP-Address: not-an-ip', 'PortX: 99999', 'Port: 0']));
    expect(bad.problems).toEqual(['bad PortX "99999"', 'IP-Address "not-an-ip" is not an address']);
    expect(bad.addresses).toEqual([]);
    expect(parseMsmsgsInvite(new Uint8Array([0xff, 0, 0x0a, 0x3a]))).toMatchObject({ command: null, cookie: null });
  });

  it('address helpers', () => {
    expect(splitHostPort('[2001:db8::1]:6891')).toEqual({ address: '2001:db8::1', port: 6891 });
    expect(splitHostPort('1.2.3.4:70000')).toEqual({ address: '1.2.3.4', port: null });
    expect(splitHostPort('example.com:80')).toBeNull();
    expect(scopeOfAddress('172.16.0.1')).toBe('internal');
    expect(scopeOfAddress('172.32.0.1')).toBe('external');
  });
});
