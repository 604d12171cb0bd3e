// Garbage in, no exception out: HTTP conversation and gateway stitcher on seeded random input
// mixing valid HTTP pieces, binary bytes, random splits and gaps.
import { describe, expect, it } from 'vitest';
import { HttpConversation } from '../../src/main/engine/http/http-conversation';
import { GatewayStitcher } from '../../src/main/engine/http/gateway-stitcher';
import { prng } from '../helpers/prng';
import { enc } from './http-harness';

const PIECES = [
  'POST /gateway/gateway.dll?Action=open&Server=NS&IP=a HTTP/1.1\r\nContent-Length: 5\r\n\r\n',
  'POST /gateway/gateway.dll?SessionID=S HTTP/1.1\r\nContent-Length: 3\r\n\r\n',
  'HTTP/1.1 200 OK\r\nX-MSN-Messenger: SessionID=S; GW-IP=g; Session=close\r\nContent-Length: 4\r\n\r\n',
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', '5\r\nhello\r\n', '0\r\n\r\n', 'ffffffffffff\r\n', 'HTTP/1.0 204 X\r\n\r\n',
  'VER 1 MSNP12\r\n', '\r\n', 'Content-Length: 99999999999999999999\r\n',
];

describe('robustness on random input', () => {
  it('never throws and never delivers more bytes than it received', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rand = prng(seed);
      let delivered = 0;
      let received = 0;
      const stitcher = new GatewayStitcher({ onConnection: () => ({ data: (_d, b) => { delivered += b.length; }, end: () => {} }) });
      const conv = new HttpConversation({ stream: seed, client: 'c', server: 's', listener: stitcher, maxBodyBytes: 4096 });
      for (let i = 0; i < 200; i++) {
        const dir = rand() < 0.5 ? 'c2s' : 's2c';
        if (rand() < 0.05) {
          const lost = Math.floor(rand() * 100);
          received += lost; // lost body bytes are delivered as zeros
          conv.gap(dir, lost, i, i);
        }
        const chunk = rand() < 0.7 ? enc(PIECES[Math.floor(rand() * PIECES.length)]) : Uint8Array.from({ length: Math.floor(rand() * 30) }, () => Math.floor(rand() * 256));
        received += chunk.length;
        conv.data(dir, chunk, i, i);
      }
      conv.end('c2s', 999, 999);
      conv.end('s2c', 999, 999);
      stitcher.finish();
      // Every delivered byte came from a body: nothing is delivered twice or invented.
      expect(delivered).toBeLessThanOrEqual(received);
    }
  });
});
