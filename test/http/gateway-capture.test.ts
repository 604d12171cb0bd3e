// The HTTP-gateway capture end to end: HTTP parsed per TCP stream, exchanges stitched into
// logical MSNP connections, their bytes framed. Expected values from tshark on the capture:
// `-Y http.request -T fields -e tcp.stream -e http.content_length` (and the same for responses).
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';
import { tcpHalfStreams } from '../msnp/tcp-payloads';
import { HttpConversation } from '../../src/main/engine/http/http-conversation';
import { GatewayStitcher, type GatewayConnectionInfo } from '../../src/main/engine/http/gateway-stitcher';
import type { MsnpCommand } from '../../src/main/engine/msnp/msnp-command';
import { MsnpFramer } from '../../src/main/engine/msnp/msnp-framer';

interface Conn {
  info: GatewayConnectionInfo;
  bytes: Record<Direction, number>;
  commands: MsnpCommand[];
  ended: boolean;
}

function run() {
  const conns: Conn[] = [];
  const notes: string[] = [];
  const stitcher = new GatewayStitcher({
    onConnection: (info) => {
      const conn: Conn = { info: { ...info }, bytes: { c2s: 0, s2c: 0 }, commands: [], ended: false };
      conns.push(conn);
      const framer = (direction: Direction) => new MsnpFramer({ direction, version: () => 12, onCommand: (c) => conn.commands.push(c), onNote: (_f, _s, m) => notes.push(m) });
      const framers = { c2s: framer('c2s'), s2c: framer('s2c') };
      return {
        data: (dir, bytes, frame, tsUs) => {
          conn.bytes[dir] += bytes.length;
          framers[dir].push(bytes, frame, tsUs);
        },
        end: (frame, tsUs) => {
          framers.c2s.end(frame, tsUs);
          framers.s2c.end(frame, tsUs);
          conn.ended = true;
        },
      };
    },
    onNote: (_f, severity, m) => notes.push(`${severity}: ${m}`),
  });
  // Feed every port-80 segment in frame order, as the pipeline would.
  const convs = new Map<string, HttpConversation>();
  const segments = tcpHalfStreams(CAPTURES.pecanHttpGateway)
    .filter((hs) => hs.dstPort === 80 || hs.srcPort === 80)
    .flatMap((hs) => {
      const dir: Direction = hs.dstPort === 80 ? 'c2s' : 's2c';
      const [a, b] = hs.key.split('>');
      const client = dir === 'c2s' ? a : b;
      const server = dir === 'c2s' ? b : a;
      let conv = convs.get(client);
      if (!conv) {
        conv = new HttpConversation({ stream: convs.size, client, server, listener: stitcher });
        convs.set(client, conv);
      }
      const c = conv;
      return hs.segments.map((s) => ({ ...s, dir, conv: c }));
    })
    .sort((x, y) => x.frame - y.frame);
  for (const s of segments) s.conv.data(s.dir, s.bytes, s.frame, s.tsUs);
  for (const conv of convs.values()) {
    conv.end('c2s', 0, 0);
    conv.end('s2c', 0, 0);
  }
  stitcher.finish();
  return { conns, notes };
}

describe('HTTP gateway capture', () => {
  const { conns, notes } = run();

  it('rebuilds four logical connections: two notification, two switchboard', () => {
    expect(conns.map((c) => [c.info.serverKind, c.info.firstFrame, c.info.targetHost, c.info.gatewayIp, c.info.opened, c.ended])).toEqual([
      ['NS', 4, '127.0.0.1', '127.0.0.1', true, true],
      ['NS', 76, '127.0.0.1', '127.0.0.1', true, true],
      ['SB', 230, '127.0.0.1', '127.0.0.1', true, true],
      ['SB', 248, '127.0.0.1', '127.0.0.1', true, true],
    ]);
    expect(conns[0].info.sessionId).toBe('b74cf347-e48b-4887-8192-53761e588d55');
    expect(conns[0].info.client).toBe('127.0.0.1:59786');
  });

  it('delivers every body byte: request bodies c2s, response bodies s2c', () => {
    expect(conns.map((c) => [c.bytes.c2s, c.bytes.s2c])).toEqual([[1677, 3275], [1565, 2742], [842, 906], [764, 943]]);
  });

  it('frames MSNP cleanly from the stitched bytes', () => {
    const all = conns.flatMap((c) => c.commands);
    expect(all.filter((c) => c.malformed !== undefined)).toEqual([]);
    expect(conns[0].commands.slice(0, 2).map((c) => [c.direction, c.line])).toEqual([['c2s', 'VER 1 MSNP12'], ['s2c', 'VER 1 MSNP12']]);
    expect(conns[0].commands.filter((c) => c.direction === 'c2s').at(-1)?.line).toBe('OUT');
    const texts = conns.slice(2).flatMap((c) => c.commands).filter((c) => c.verb === 'MSG' && c.body).map((c) => new TextDecoder().decode(c.body!));
    expect(texts.some((t) => t.endsWith('\r\n\r\nHi Bob! This is message 1 from Alice.'))).toBe(true);
    expect(texts.some((t) => t.endsWith('\r\n\r\n你好，鲍勃！今天天气很好。'))).toBe(true);
  });

  it('notes only the two final OUT requests that got no response', () => {
    expect(notes).toEqual([
      'note: HTTP gateway request without a captured response (SessionID b74cf347-e48b-4887-8192-53761e588d55)',
      'note: HTTP gateway request without a captured response (SessionID 9a45cf16-fd38-44b0-acb1-22c6fac5f1b2)',
    ]);
  });
});
