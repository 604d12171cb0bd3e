// MSNSLP transrespbody with IPv6-Addrs / IPv6-Port, and a later direct connection over IPv6.
// An address is the same address however it is written: "2001:DB8:0:0::20" is 2001:db8::20
// (RFC 5952 canonical form), so a connection to it observes the endpoint.
import { describe, expect, it } from 'vitest';
import { analyzeFrames, conversationAt, payloadCommand, T0_US, timeline } from './synthetic';
import { FILE_TRANSFER_EUF_GUID, fileContext, FOO, p2pMime, slp, v1Message, v1NonceHandshake } from './p2p-builders';

const NONCE = '{8C1D1B4C-2E0F-4A6B-9D3E-5F7A1B2C3D4E}';
const ALICE = 'alice@hotmail.com';
const BOB = 'bob@hotmail.com';

function capture(addrs: string) {
  const base = { from: ALICE, to: BOB, callId: '{9D79AE57-1BD5-444B-B14E-3FC9BB2B5D58}', cseq: 0, branch: '{33517CE4-02FC-4428-B6F4-39927229B722}' };
  const invite = slp(`INVITE MSNMSGR:${BOB} MSNSLP/1.0`, { ...base, contentType: 'application/x-msnmsgr-sessionreqbody', body: [['EUF-GUID', FILE_TRANSFER_EUF_GUID], ['SessionID', '5'], ['AppID', '2'], ['Context', fileContext('v6.bin', 10)]] });
  const resp = slp('MSNSLP/1.0 200 OK', { ...base, from: BOB, to: ALICE, branch: '{A1B2C3D4-1111-2222-3333-444455556666}', cseq: 1, contentType: 'application/x-msnmsgr-transrespbody', body: [['Bridge', 'TCPv1'], ['Listening', 'true'], ['Nonce', NONCE], ['IPv6-Addrs', addrs], ['IPv6-Port', '6891']] });
  const sb = conversationAt(T0_US, {
    client: { ip: '2001:db8::10', port: 2000 },
    server: { ip: '2001:db8::1', port: 1863 },
    fin: false,
    messages: [
      { from: 'client', payload: `USR 1 ${ALICE} 1.2\r\n` },
      { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
      { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
      { from: 'client', payload: payloadCommand('MSG 2 D', p2pMime(BOB, v1Message(0, 1, invite), 0)) },
      { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, p2pMime(ALICE, v1Message(0, 2, resp), 0)) },
    ],
  });
  const direct = conversationAt(T0_US + 1_000_000, {
    client: { ip: '2001:db8::10', port: 2001 },
    server: { ip: '2001:db8::20', port: 6891 },
    messages: [{ from: 'client', payload: FOO }, { from: 'client', payload: v1NonceHandshake(NONCE) }],
  });
  return timeline(sb, direct);
}

describe('IPv6 endpoints from MSNSLP', () => {
  it('lists each IPv6 address with its scope; the connected one is observed', async () => {
    const result = await analyzeFrames(capture('2001:db8::20 fe80::1'));
    expect(result.endpoints.map((e) => [e.address, e.port, e.scope, e.observed])).toEqual([
      ['2001:db8::20', 6891, 'external', true],
      ['fe80::1', 6891, 'internal', false],
    ]);
    expect(result.connections[0]).toMatchObject({ client: '[2001:db8::10]:2000', server: '[2001:db8::1]:1863' });
  });

  it('matches an address written in another form (upper case, zeros not compressed)', async () => {
    const result = await analyzeFrames(capture('2001:DB8:0:0::20'));
    expect(result.endpoints).toHaveLength(1);
    expect(result.endpoints[0].observed).toBe(true);
  });
});
