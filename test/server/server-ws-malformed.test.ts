// Malformed WebSocket frames, written raw after a real upgrade, close only the socket that sent
// them, with RFC 6455's code for the fault (1009 too big, 1007 invalid UTF-8, 1002 protocol
// error), while the server keeps answering another client, a live capture goes on and an upload
// in progress completes;
// closing the server afterwards leaves no temporary files.
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWsApi } from '../../src/renderer/api/ws-client';
import { RecordingCapture } from '../backend/recording-capture';
import { frame, openRawSocket } from './raw-websocket';
import { startFixture, type Fixture } from './server-fixture';
import { clientEnvironment } from './ws-client-env';

const TEXT = 0x1;

const live = new RecordingCapture();
let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ backend: { liveCapture: live } });
});
afterAll(() => f.close());

describe('browser-mode server: malformed WebSocket frames', () => {
  it.each([
    // The header alone declares more than the cap: refused before any body is sent.
    ['a message over the 1 MiB cap', 1009, frame({ opcode: TEXT, declaredLength: 1024 * 1024 + 1 })],
    ['a text frame of invalid UTF-8', 1007, frame({ opcode: TEXT, payload: Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d) })],
    ['reserved opcode 0x3', 1002, frame({ opcode: 0x3, payload: Uint8Array.of(1, 2, 3) })],
    ['an unmasked client frame', 1002, frame({ opcode: TEXT, payload: new TextEncoder().encode('{}'), masked: false })],
  ])('closes the sender of %s with %i and keeps serving', async (_what, code, bytes) => {
    const other = createWsApi(clientEnvironment(f));
    expect(await other.request('file:recent', undefined)).toEqual([]);
    const raw = await openRawSocket(f);
    raw.socket.write(bytes);
    expect((await raw.closeFrame()).code).toBe(code);
    raw.socket.destroy();
    expect(await other.request('file:recent', undefined)).toEqual([]);
  });

  it('a live capture started by another client runs on and stops when that client asks', async () => {
    const other = createWsApi(clientEnvironment(f));
    expect(await other.request('capture:start', { device: 'lo', filter: 'tcp' })).toEqual({ ok: true });
    const raw = await openRawSocket(f);
    raw.socket.write(frame({ opcode: 0x3 }));
    expect((await raw.closeFrame()).code).toBe(1002);
    raw.socket.destroy();
    expect(live.stops).toBe(0);
    await other.request('capture:stop', undefined);
    expect(live.stops).toBe(1);
    expect(live.started).toEqual([{ device: 'lo', filter: 'tcp', ring: null }]);
  });

  it('an upload in progress completes while another socket is closed for a bad frame; close leaves no temp files', async () => {
    const g = await startFixture();
    const [hostname, port] = g.host.split(':');
    const first = Buffer.alloc(300, 0xa1);
    const second = Buffer.alloc(200, 0xb2);
    let sawFirstByte!: () => void;
    const upload = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ hostname, port: Number(port), method: 'POST', path: '/api/upload?name=half.pcap', headers: { Host: g.host, 'X-MSNP-Token': g.token, 'Content-Length': '500' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.write(first, () => sawFirstByte());
      void new Promise<void>((r) => (sawFirstByte = r)).then(async () => {
        const raw = await openRawSocket(g);
        raw.socket.write(frame({ opcode: TEXT, declaredLength: 2 ** 31 }));
        expect((await raw.closeFrame()).code).toBe(1009);
        raw.socket.destroy();
        req.end(second);
      });
    });
    const res = await upload;
    expect(res.status).toBe(200);
    const { path } = JSON.parse(res.body) as { path: string };
    expect(readFileSync(path)).toEqual(Buffer.concat([first, second]));
    await g.close();
    expect(existsSync(dirname(dirname(path)))).toBe(false);
  });
});
