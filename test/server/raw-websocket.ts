// A WebSocket client written by hand over a net.Socket (RFC 6455), for sending frames no library
// would send: unmasked, reserved opcodes, invalid UTF-8, lengths past the server's cap, and for
// a client that never reads. Frames are built byte by byte; the server's close frame is parsed.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import type { Fixture } from './server-fixture';

export interface FrameSpec {
  opcode: number;
  payload?: Uint8Array;
  /** Client frames must be masked; false sends it in clear (a protocol error). */
  masked?: boolean;
  /** Declared payload length when it differs from the payload's (e.g. 2^31 with no body). */
  declaredLength?: number;
}

/** One frame: FIN + opcode, MASK bit + 7/16/64-bit length, the 4-byte key, the masked payload. */
export function frame({ opcode, payload = new Uint8Array(0), masked = true, declaredLength = payload.length }: FrameSpec): Buffer {
  const head: number[] = [0x80 | opcode];
  const mask = masked ? 0x80 : 0;
  if (declaredLength < 126) head.push(mask | declaredLength);
  else if (declaredLength < 0x10000) head.push(mask | 126, declaredLength >> 8, declaredLength & 0xff);
  else {
    head.push(mask | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(declaredLength));
    head.push(...big);
  }
  const key = masked ? randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload.map((b, i) => (masked ? b ^ key[i & 3] : b)));
  return Buffer.concat([Buffer.from(head), key, body]);
}

export interface RawSocket {
  socket: Socket;
  /** Data frames (text or binary) received so far. */
  dataFrames(): number;
  /** Resolves with the server's close frame (code and reason) once it has arrived. */
  closeFrame(): Promise<{ code: number; reason: string }>;
}

/** Upgrades a raw TCP connection to a WebSocket on the fixture's /ws, with the token and Origin. */
export function openRawSocket(f: Fixture): Promise<RawSocket> {
  const [host, port] = f.host.split(':');
  const socket = connect(Number(port), host);
  let buffer: Buffer = Buffer.alloc(0);
  let upgraded = false;
  let frames = 0;
  let close: { code: number; reason: string } | null = null;
  const waiters: Array<() => void> = [];
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', () => waiters.splice(0).forEach((w) => w()));
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 4);
        upgraded = true;
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
        resolve({ socket, dataFrames: () => frames, closeFrame });
      }
      // Consume whole frames as they complete, keeping only the unfinished tail.
      for (let next = nextFrame(buffer); next; next = nextFrame(buffer)) {
        if (next.opcode === 0x8) close ??= { code: next.payload.readUInt16BE(0), reason: next.payload.subarray(2).toString() };
        else if (next.opcode === 0x1 || next.opcode === 0x2) frames++;
        buffer = buffer.subarray(next.end);
      }
      for (const w of waiters.splice(0)) w();
    });
    socket.write([
      `GET /ws?token=${f.token} HTTP/1.1`, `Host: ${f.host}`, `Origin: ${f.base}`, 'Upgrade: websocket', 'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13', '', '',
    ].join('\r\n'));
  });

  function closeFrame(): Promise<{ code: number; reason: string }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (close) return resolve(close);
        if (socket.destroyed) return reject(new Error('socket closed without a close frame'));
        waiters.push(check);
      };
      check();
    });
  }
}

/** The first complete (unmasked, server-sent) frame in `data`, or null while it is incomplete. */
function nextFrame(data: Buffer): { opcode: number; payload: Buffer; end: number } | null {
  if (data.length < 2) return null;
  let length = data[1] & 0x7f;
  let start = 2;
  if (length === 126) {
    if (data.length < 4) return null;
    length = data.readUInt16BE(2);
    start = 4;
  } else if (length === 127) {
    if (data.length < 10) return null;
    length = Number(data.readBigUInt64BE(2));
    start = 10;
  }
  if (start + length > data.length) return null;
  return { opcode: data[0] & 0x0f, payload: data.subarray(start, start + length), end: start + length };
}
