import { describe, expect, it } from 'vitest';
import { looksLikeSlp, parseSlp, reverseString, slpAccount } from '../../src/main/engine/p2p/msnslp';
import { parseP2pV1 } from '../../src/main/engine/p2p/p2p-header-v1';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';
import { CAPTURES } from '../helpers/captures';
import { readSwitchboardMsgs } from './capture-msg-bodies';
import { bytes, slpHeaders, slpText } from './p2p-builders';

describe('parseSlp', () => {
  it('reads the real INVITE of the pecan capture (frame 202)', () => {
    const msg = readSwitchboardMsgs(CAPTURES.pecanFileTransfer, 1864).find((m) => m.frame === 202)!;
    const slp = parseSlp(parseP2pV1(parseMimeMessage(msg.body).body)!.data)!;
    expect(slp).toMatchObject({
      kind: 'request',
      method: 'INVITE',
      uri: 'MSNMSGR:bob@example.com',
      to: 'bob@example.com',
      from: 'alice@example.com',
      branch: '{4006A774-4034-2698-4AEB-B61447858F8A}',
      cseq: 0,
      callId: '{8147455F-1BE9-9E6D-1C6E-4BEA8B3E9C46}',
      contentType: 'application/x-msnmsgr-sessionreqbody',
      contentLength: 864,
      problems: [],
    });
    expect(slp.field('EUF-GUID')).toBe('{5D3E02AB-6190-11D3-BBBB-00C04F795683}');
    expect(slp.field('sessionid')).toBe('846930890');
    expect(slp.field('AppID')).toBe('2');
    expect(slp.field('Context')!.startsWith('PgIAAAIAAACRAAAA')).toBe(true);
    expect(slp.fields.every((f) => !f.reversed)).toBe(true);
  });

  it('reads responses: 200 OK and 603 Decline', () => {
    const ok = parseSlp(slpText('MSNSLP/1.0 200 OK', slpHeaders('bob@example.com', 'alice@example.com', '{C}', 1), ['SessionID: 5'], 'application/x-msnmsgr-sessionreqbody'))!;
    expect(ok).toMatchObject({ kind: 'response', status: 200, reason: 'OK', method: null, cseq: 1 });
    expect(ok.field('SessionID')).toBe('5');
    const no = parseSlp(slpText('MSNSLP/1.0 603 Decline', slpHeaders('bob@example.com', 'alice@example.com', '{C}', 1), ['SessionID: 5'], 'application/x-msnmsgr-sessionreqbody'))!;
    expect(no).toMatchObject({ status: 603, reason: 'Decline' });
  });

  it('un-reverses the transport fields WLM 2009 writes backwards, and says so', () => {
    const data = slpText(
      'INVITE MSNMSGR:bob@example.com;{960748A6-B9D0-312A-4569-B15F5BE85736} MSNSLP/1.0',
      slpHeaders('alice@example.com;{42B97F22-15C1-2133-28B8-864229612F7E}', 'bob@example.com;{960748A6-B9D0-312A-4569-B15F5BE85736}', '{D}'),
      [
        'Bridges: TRUDPv1 TCPv1 SBBridge TURNv1',
        'NetID: 2042264281',
        'Conn-Type: IP-Restrict-NAT',
        'Nonce: {6E4F4CBB-44F6-4C6A-9B26-0E3C34B72A88}',
        // IPv4Internal-Addrs: 127.0.0.1 192.168.1.10 / IPv4Internal-Port: 3185, reversed character by character.
        'srddA-lanretnI4vPI: 01.1.861.291 1.0.0.721',
        'troP-lanretnI4vPI: 5813',
        'IPv4External-Addrs: 203.0.113.5',
      ],
      'application/x-msnmsgr-transreqbody',
    );
    const slp = parseSlp(data)!;
    expect(slp.field('IPv4Internal-Addrs')).toBe('127.0.0.1 192.168.1.10');
    expect(slp.field('IPv4Internal-Port')).toBe('3185');
    expect(slp.field('ipv4external-addrs')).toBe('203.0.113.5');
    expect(slp.fields.filter((f) => f.reversed).map((f) => f.key)).toEqual(['IPv4Internal-Addrs', 'IPv4Internal-Port']);
    expect(slp.field('Bridges')).toBe('TRUDPv1 TCPv1 SBBridge TURNv1');
    expect(slpAccount(slp.from)).toBe('alice@example.com');
    expect(slp.from).toBe('alice@example.com;{42B97F22-15C1-2133-28B8-864229612F7E}');
    // Each field's range points at its (reversed) line in the data.
    const line = slp.fields.find((f) => f.key === 'IPv4Internal-Port')!.range;
    expect(new TextDecoder().decode(data.subarray(line[0], line[0] + line[1]))).toBe('troP-lanretnI4vPI: 5813');
  });

  it('reads BYE and ACK, and uses Content-Length to end the body', () => {
    const bye = parseSlp(slpText('BYE MSNMSGR:bob@example.com MSNSLP/1.0', slpHeaders('alice@example.com', 'bob@example.com', '{E}'), [], 'application/x-msnmsgr-sessionclosebody'))!;
    expect(bye).toMatchObject({ method: 'BYE', fields: [] });
    const withTail = new Uint8Array([...slpText('ACK MSNMSGR:b MSNSLP/1.0', slpHeaders('a', 'b', '{F}'), ['SessionID: 1'], 'application/x-msnmsgr-sessionreqbody'), ...bytes('Junk: after the body')]);
    expect(parseSlp(withTail)!.fields.map((f) => f.key)).toEqual(['SessionID']);
  });

  it('reports problems, rejects what is not SLP, never throws', () => {
    const short = parseSlp(bytes('INVITE MSNMSGR:b MSNSLP/1.0\r\nContent-Length: 50\r\n\r\nA: b\r\n'))!;
    expect(short.problems).toEqual(['Content-Length 50 but only 6 bytes follow']);
    expect(parseSlp(bytes('INVITE MSNMSGR:b MSNSLP/1.0\r\nCall-ID: {x}'))!.problems).toEqual(['no blank line after the SLP headers']);
    expect(parseSlp(bytes('Hello Bob!'))).toBeNull();
    expect(looksLikeSlp(bytes('MSNSLP/1.0 200 OK'))).toBe(true);
    expect(looksLikeSlp(bytes('hello'))).toBe(false);
    expect(reverseString('1.0.0.721')).toBe('127.0.0.1');
    for (let n = 0; n < 100; n++) {
      const junk = new Uint8Array(n * 3).map((_, i) => (i * 97 + n) & 0xff);
      expect(() => parseSlp(new Uint8Array([...bytes('INVITE x MSNSLP/1.0\r\n'), ...junk]))).not.toThrow();
    }
  });
});
