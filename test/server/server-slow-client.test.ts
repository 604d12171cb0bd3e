// A browser-mode client that stops reading is not given the server's memory: once what waits for
// it passes the limit it is closed with 1008 and the reason, having received only part of the
// events, while a client that reads gets every event and keeps being answered.
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawSocket } from './raw-websocket';
import { startFixture, type Fixture } from './server-fixture';

const LIMITS = { highWaterBytes: 64 << 10, maxBehindBytes: 1 << 20 };
const EVENT_TEXT = 'x'.repeat(256 << 10);
/** At most 50 MiB: more than loopback's socket buffers can take (tcp_rmem max 32 MiB + tcp_wmem max 4 MiB here) plus the limit. */
const MAX_EVENTS = 200;

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ outboxLimits: LIMITS });
});
afterAll(() => f.close());

function readingClient(): Promise<{ ws: WebSocket; received: () => number; next: () => Promise<unknown> }> {
  const ws = new WebSocket(`ws://${f.host}/ws?token=${f.token}`, { origin: f.base });
  const messages: unknown[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(d.toString()));
    for (const w of waiters.splice(0)) w();
  });
  let taken = 0;
  const next = () => new Promise<unknown>((resolve) => {
    const check = () => (messages.length > taken ? resolve(messages[taken++]) : waiters.push(check));
    check();
  });
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, received: () => messages.length, next }));
    ws.on('error', reject);
  });
}

describe('browser-mode server: a client that does not read', () => {
  it('is closed with 1008 once too far behind; a reading client gets everything', async () => {
    const slow = await openRawSocket(f);
    slow.socket.pause();
    const fast = await readingClient();
    let sent = 0;
    // Until the server has closed the one that does not read (the kernel's buffers take the first few MiB).
    for (let i = 0; i < MAX_EVENTS && f.server.openClients() === 2; i++, sent++) {
      f.server.backend.emit('analysis:error', { message: `${i} ${EVENT_TEXT}` });
      // In step with the reading client, so only the one that does not read falls behind.
      expect(((await fast.next()) as { payload: { message: string } }).payload.message.startsWith(`${i} `)).toBe(true);
    }
    slow.socket.resume();
    expect(await slow.closeFrame()).toEqual({ code: 1008, reason: `client too slow: over ${LIMITS.maxBehindBytes} bytes of messages waiting` });
    expect(f.server.openClients()).toBe(1);
    expect(slow.dataFrames()).toBeLessThan(sent);
    slow.socket.destroy();

    fast.ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'file:recent', arg: null }));
    expect(await fast.next()).toEqual({ type: 'response', id: 1, ok: true, result: [] });
    fast.ws.close();
  });
});
