// Hostile floods of TCP state, built frame by frame (issue 11, defect 6): many MSNP connections
// that each keep bytes held behind a hole, that open and never close, or that close at once.
// Frames are generated lazily, so a test or a bench can feed millions without holding a capture.
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import { LINK, tcpFrame } from './packet-builder';

export interface FloodOptions {
  connections: number;
  /** Capture time of the first frame (µs); frames are 10 µs apart. */
  startUs?: number;
}

const SERVER = '10.200.0.1';
const CLIENT_ISN = 1000;
const SERVER_ISN = 5000;

/** The n-th client: a distinct address and port for every connection. */
function clientOf(n: number): { ip: string; port: number } {
  return { ip: `10.${100 + ((n >> 16) & 0x3f)}.${(n >> 8) & 0xff}.${n & 0xff}`, port: 1024 + (n % 60_000) };
}

function* handshake(n: number): Generator<Uint8Array> {
  const c = clientOf(n);
  yield tcpFrame({ src: c.ip, dst: SERVER, srcPort: c.port, dstPort: 1863, seq: CLIENT_ISN, flags: 'S' });
  yield tcpFrame({ src: SERVER, dst: c.ip, srcPort: 1863, dstPort: c.port, seq: SERVER_ISN, ack: CLIENT_ISN + 1, flags: 'SA' });
  yield tcpFrame({ src: c.ip, dst: SERVER, srcPort: c.port, dstPort: 1863, seq: CLIENT_ISN + 1, ack: SERVER_ISN + 1, flags: 'A' });
}

/** VER on each connection, then `held` bytes 100 bytes past it (the hole is never filled), no FIN. */
export function heldBehindHoles(opts: FloodOptions & { held: number }): Generator<CapturedFrame> {
  return flood(opts.connections, opts.held, false, opts.startUs);
}

/** Connections that open, say VER, and never close. */
export function neverClosed(opts: FloodOptions): Generator<CapturedFrame> {
  return flood(opts.connections, 0, false, opts.startUs);
}

/** Connections that open, say VER and close at once (FIN both ways): they linger closed. */
export function closedAtOnce(opts: FloodOptions): Generator<CapturedFrame> {
  return flood(opts.connections, 0, true, opts.startUs);
}

function* flood(connections: number, heldBytes: number, close: boolean, startUs = Date.UTC(2006, 0, 1) * 1000): Generator<CapturedFrame> {
  const ver = new TextEncoder().encode('VER 1 MSNP8 CVR0\r\n');
  const held = new Uint8Array(heldBytes).fill(0x41);
  const afterVer = CLIENT_ISN + 1 + ver.length;
  let number = 0;
  const frame = (data: Uint8Array): CapturedFrame => ({ number: ++number, captureIndex: 0, fileOffset: -1, tsUs: startUs + number * 10, linkType: LINK.ETHERNET, originalLength: data.length, data });
  for (let n = 0; n < connections; n++) {
    const c = clientOf(n);
    for (const data of handshake(n)) yield frame(data);
    yield frame(tcpFrame({ src: c.ip, dst: SERVER, srcPort: c.port, dstPort: 1863, seq: CLIENT_ISN + 1, ack: SERVER_ISN + 1, payload: ver }));
    if (heldBytes > 0) yield frame(tcpFrame({ src: c.ip, dst: SERVER, srcPort: c.port, dstPort: 1863, seq: afterVer + 100, ack: SERVER_ISN + 1, payload: held }));
    if (close) {
      yield frame(tcpFrame({ src: c.ip, dst: SERVER, srcPort: c.port, dstPort: 1863, seq: afterVer, ack: SERVER_ISN + 1, flags: 'FA' }));
      yield frame(tcpFrame({ src: SERVER, dst: c.ip, srcPort: 1863, dstPort: c.port, seq: SERVER_ISN + 1, ack: afterVer + 1, flags: 'FA' }));
    }
  }
}
