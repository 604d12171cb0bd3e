// GatewayStitcher on synthetic exchanges: SessionID chaining, responses out of order across
// TCP streams, unknown SessionIDs, Session=close, errors and the end of input.
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/shared/model';
import type { HttpExchange } from '../../src/main/engine/http/http-conversation';
import type { HttpRequest, HttpResponse } from '../../src/main/engine/http/http-message';
import { GatewayStitcher, type GatewayConnectionInfo } from '../../src/main/engine/http/gateway-stitcher';
import { enc } from './http-harness';

const base = (body: string, frame: number) => ({
  version: 'HTTP/1.1', body: body ? [{ bytes: enc(body), frame, tsUs: frame * 100 }] : [], bodyLength: body.length, bodyTruncated: false,
  frames: [frame], firstFrame: frame, lastFrame: frame, tsUs: frame * 100, endTsUs: frame * 100, streamOffset: 0,
});
const request = (target: string, body: string, frame: number): HttpRequest => ({ kind: 'request', method: 'POST', target, headers: [], ...base(body, frame) });
const response = (body: string, frame: number, messenger: string | null, status = 200): HttpResponse => ({
  kind: 'response', status, reason: status === 200 ? 'OK' : 'Bad Request',
  headers: messenger === null ? [] : [{ name: 'X-MSN-Messenger', value: messenger }], ...base(body, frame),
});
const exchange = (stream: number, req: HttpRequest): HttpExchange => ({ stream, client: `10.0.0.1:${5000 + stream}`, server: '10.0.0.9:80', request: req, response: null });

function stitcher() {
  const opened: GatewayConnectionInfo[] = [];
  const log: string[] = [];
  const notes: string[] = [];
  const s = new GatewayStitcher({
    onConnection: (info) => {
      opened.push({ ...info });
      return {
        data: (dir: Direction, bytes: Uint8Array, frame: number) => log.push(`${info.id} ${dir} ${new TextDecoder().decode(bytes).trim()} @${frame}`),
        end: (frame: number) => log.push(`${info.id} end @${frame}`),
      };
    },
    onNote: (_f, severity, message) => notes.push(`${severity}: ${message}`),
  });
  const answer = (ex: HttpExchange, res: HttpResponse | null): void => {
    ex.response = res;
    s.complete(ex);
  };
  return { s, opened, log, notes, answer };
}

describe('GatewayStitcher', () => {
  it('follows a SessionID that changes at every reply', () => {
    const { s, opened, log, answer } = stitcher();
    const open = exchange(1, request('http://gw/gateway/gateway.dll?Action=open&Server=NS&IP=messenger.hotmail.com', 'VER 5 MSNP8 CVR0\r\n', 1));
    s.request(open);
    answer(open, response('VER 5 MSNP8 CVR0\r\n', 2, 'SessionID=954547325.13160; GW-IP=207.46.110.18'));
    const send = exchange(1, request('http://207.46.110.18/gateway/gateway.dll?SessionID=954547325.13160', 'CVR 6 x\r\n', 3));
    s.request(send);
    answer(send, response('CVR 6 y\r\n', 4, 'SessionID=954547325.22222; GW-IP=207.46.110.18'));
    const poll = exchange(2, request('http://207.46.110.18/gateway/gateway.dll?Action=poll&SessionID=954547325.22222', '', 5));
    s.request(poll);
    answer(poll, response('', 6, 'SessionID=954547325.32498; GW-IP=207.46.110.18'));
    s.finish();
    expect(opened).toEqual([{
      id: 0, serverKind: 'NS', targetHost: 'messenger.hotmail.com', gatewayIp: '207.46.110.18', client: '10.0.0.1:5001', server: '10.0.0.9:80',
      firstFrame: 1, tsUs: 100, sessionId: '954547325.13160', opened: true,
    }]);
    expect(log).toEqual(['0 c2s VER 5 MSNP8 CVR0 @1', '0 s2c VER 5 MSNP8 CVR0 @2', '0 c2s CVR 6 x @3', '0 s2c CVR 6 y @4', '0 end @6']);
  });

  it('puts responses arriving out of order on different streams back in request order', () => {
    const { s, log, answer } = stitcher();
    const open = exchange(1, request('/gateway/gateway.dll?Action=open&Server=SB&IP=1.2.3.4', 'USR 1 a@b.c 123\r\n', 1));
    s.request(open);
    answer(open, response('USR 1 OK a@b.c A\r\n', 2, 'SessionID=S; GW-IP=1.2.3.5'));
    const cal = exchange(2, request('/gateway/gateway.dll?SessionID=S', 'CAL 2 x@y.z\r\n', 3));
    const poll = exchange(3, request('/gateway/gateway.dll?Action=poll&SessionID=S', '', 4));
    s.request(cal);
    s.request(poll);
    answer(poll, response('JOI x@y.z X\r\n', 5, 'SessionID=S; GW-IP=1.2.3.5'));
    expect(log).toHaveLength(2); // the poll waits for the CAL exchange before it
    answer(cal, response('CAL 2 RINGING 99\r\n', 6, 'SessionID=S; GW-IP=1.2.3.5'));
    expect(log.slice(2)).toEqual(['0 c2s CAL 2 x@y.z @3', '0 s2c CAL 2 RINGING 99 @6', '0 s2c JOI x@y.z X @5']);
  });

  it('keeps NS and SB connections apart', () => {
    const { s, opened, answer } = stitcher();
    const ns = exchange(1, request('/gateway/gateway.dll?Action=open&Server=NS&IP=a', 'VER 1 MSNP12\r\n', 1));
    const sb = exchange(2, request('/gateway/gateway.dll?Action=open&Server=SB&IP=b', 'USR 1 a@b.c 1\r\n', 2));
    s.request(ns);
    s.request(sb);
    answer(sb, response('', 3, 'SessionID=B; GW-IP=g'));
    answer(ns, response('', 4, 'SessionID=A; GW-IP=g'));
    expect(opened.map((o) => [o.id, o.serverKind, o.targetHost, o.sessionId])).toEqual([[1, 'SB', 'b', 'B'], [0, 'NS', 'a', 'A']]);
  });

  it('picks up an unknown SessionID mid-session, with a note', () => {
    const { s, opened, log, notes, answer } = stitcher();
    const ex = exchange(1, request('/gateway/gateway.dll?SessionID=zzz', 'PNG\r\n', 7));
    s.request(ex);
    answer(ex, response('QNG 50\r\n', 8, 'SessionID=zzz; GW-IP=g'));
    expect(opened.map((o) => [o.serverKind, o.opened, o.sessionId])).toEqual([[null, false, 'zzz']]);
    expect(log).toEqual(['0 c2s PNG @7', '0 s2c QNG 50 @8']);
    expect(notes).toEqual(['warning: HTTP gateway request for unknown SessionID zzz: its opening was not captured, connection picked up mid-session']);
  });

  it('ends the connection at Session=close and ignores requests after it', () => {
    const { s, log, notes, answer } = stitcher();
    const open = exchange(1, request('/gateway/gateway.dll?Action=open&Server=NS&IP=a', 'VER 1 MSNP12\r\n', 1));
    s.request(open);
    answer(open, response('OUT\r\n', 2, 'SessionID=A; GW-IP=g; Session=close'));
    s.request(exchange(1, request('/gateway/gateway.dll?SessionID=A', 'PNG\r\n', 3)));
    s.finish();
    expect(log).toEqual(['0 c2s VER 1 MSNP12 @1', '0 s2c OUT @2', '0 end @2']);
    expect(notes).toEqual(['warning: HTTP gateway request for SessionID A after its session was closed']);
  });

  it('drops error-response bodies, delivers unanswered requests at the end, ignores other URLs', () => {
    const { s, opened, log, notes, answer } = stitcher();
    s.request(exchange(1, request('/RST.srf', '<soap/>', 1)));
    const open = exchange(1, request('/gateway/gateway.dll?Action=open&Server=NS&IP=a', 'VER 1 MSNP12\r\n', 2));
    s.request(open);
    answer(open, response('<html>bad</html>', 3, 'SessionID=A; GW-IP=g', 400));
    s.request(exchange(1, request('/gateway/gateway.dll?SessionID=A', 'OUT\r\n', 4)));
    s.finish();
    expect(opened).toHaveLength(1);
    expect(log).toEqual(['0 c2s VER 1 MSNP12 @2', '0 c2s OUT @4', '0 end @4']);
    expect(notes).toEqual(['warning: HTTP gateway answered 400 Bad Request', 'note: HTTP gateway request without a captured response (SessionID A)']);
  });
});
