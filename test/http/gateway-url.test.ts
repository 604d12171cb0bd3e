// Gateway request targets and X-MSN-Messenger replies (forms from the HTTP-gateway capture and
// hypothetic.org's HTTP examples).
import { describe, expect, it } from 'vitest';
import { parseGatewayReply, parseGatewayTarget } from '../../src/main/engine/http/gateway-url';

describe('parseGatewayTarget', () => {
  it.each([
    ['http://127.0.0.1/gateway/gateway.dll?Action=open&Server=NS&IP=127.0.0.1', { action: 'open', server: 'NS', ip: '127.0.0.1', sessionId: null }],
    ['http://gateway.messenger.hotmail.com/gateway/gateway.dll?Action=open&Server=SB&IP=207.46.108.13', { action: 'open', server: 'SB', ip: '207.46.108.13', sessionId: null }],
    ['http://127.0.0.1/gateway/gateway.dll?SessionID=b74cf347-e48b-4887-8192-53761e588d55', { action: null, server: null, ip: null, sessionId: 'b74cf347-e48b-4887-8192-53761e588d55' }],
    ['http://207.46.110.18/gateway/gateway.dll?Action=poll&SessionID=954547325.32498', { action: 'poll', server: null, ip: null, sessionId: '954547325.32498' }],
    ['/gateway/gateway.dll?action=POLL&sessionid=x%2Ey', { action: 'poll', server: null, ip: null, sessionId: 'x.y' }],
    ['//gateway/gateway.dll?SessionID=1', { action: null, server: null, ip: null, sessionId: '1' }],
  ])('%s', (target, expected) => {
    expect(parseGatewayTarget(target)).toEqual(expected);
  });
  it('is null for other paths', () => {
    expect(parseGatewayTarget('/RST.srf')).toBeNull();
    expect(parseGatewayTarget('http://127.0.0.1/gateway/other.dll?SessionID=1')).toBeNull();
    expect(parseGatewayTarget('/x/gateway/gateway.dll')).toBeNull();
  });
});

describe('parseGatewayReply', () => {
  it('SessionID and GW-IP', () => {
    expect(parseGatewayReply('SessionID=b74cf347-e48b-4887-8192-53761e588d55; GW-IP=127.0.0.1')).toEqual({
      sessionId: 'b74cf347-e48b-4887-8192-53761e588d55', gatewayIp: '127.0.0.1', sessionClose: false,
    });
  });
  it('Session=close', () => {
    expect(parseGatewayReply('Session=close; SessionID=954547325.1; GW-IP=207.46.110.18')).toEqual({ sessionId: '954547325.1', gatewayIp: '207.46.110.18', sessionClose: true });
  });
  it('garbage', () => {
    expect(parseGatewayReply('nonsense')).toEqual({ sessionId: null, gatewayIp: null, sessionClose: false });
  });
});
