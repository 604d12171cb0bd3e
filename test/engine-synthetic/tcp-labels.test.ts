// TCP rows and trees the way Wireshark shows them, on hand-built frames:
// - window scaling (RFC 7323): a handshake where both SYNs carry the window scale option
//   (kind 3, length 3: client shift 7, server shift 10) scales every later window by the
//   sender's own shift; a handshake where the server's SYN-ACK has no option leaves windows as sent.
// - labels follow the payload: a bare ACK on port 80 is TCP; a payload on port 443 that starts
//   with a TLS record header (16 03 03 00 05 …: handshake, TLS 1.2, 5 bytes) is TLSv1.2 with its
//   record in the tree; one that does not (an HTTP request sent to 443) is TCP.
// tshark on this capture agrees on every tcp.window_size (64240, 65160, 64256, 65536, 64256,
// 64240, 65160, 502, 502; factors 128, 1024, −2, −1) and on frame 4's TLSv1.2; its HTTP heuristic calls
// frame 5 HTTP, which we do not analyse as HTTP on port 443 (it is only not TLS).
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import type { FrameRow } from '../../src/shared/model';
import { readAllFrames } from '../helpers/capture-builder';
import { tcpFrame } from '../helpers/packet-builder';
import { treeLabels } from '../helpers/tree-labels';
import { T0_US, writeFrames, type FrameSpec } from './synthetic';

const A = '10.0.0.1';
const B = '10.0.0.2';
const wscale = (shift: number): Uint8Array => Uint8Array.of(1, 3, 3, shift);
const MSS = Uint8Array.of(2, 4, 0x05, 0xb4);
const both = (a: Uint8Array, b: Uint8Array): Uint8Array => Uint8Array.of(...a, ...b);
const TLS_RECORD = Uint8Array.of(0x16, 0x03, 0x03, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00);

let ts = T0_US;
const frame = (spec: Parameters<typeof tcpFrame>[0]): FrameSpec => ({ tsUs: (ts += 1000), data: tcpFrame(spec), linkType: 1 });

const frames: FrameSpec[] = [
  // 1–4: port 443, both sides offer a scale.
  frame({ src: A, dst: B, srcPort: 40000, dstPort: 443, seq: 100, flags: 'S', window: 64240, options: both(MSS, wscale(7)) }),
  frame({ src: B, dst: A, srcPort: 443, dstPort: 40000, seq: 900, ack: 101, flags: 'SA', window: 65160, options: both(MSS, wscale(10)) }),
  frame({ src: A, dst: B, srcPort: 40000, dstPort: 443, seq: 101, ack: 901, flags: 'A', window: 502 }),
  frame({ src: B, dst: A, srcPort: 443, dstPort: 40000, seq: 901, ack: 101, flags: 'PA', window: 64, payload: TLS_RECORD }),
  // 5: a payload on 443 that is no TLS record.
  frame({ src: A, dst: B, srcPort: 40000, dstPort: 443, seq: 101, ack: 911, flags: 'PA', window: 502, payload: 'GET / HTTP/1.1\r\n\r\n' }),
  // 6–8: port 80, the SYN-ACK has no window scale option; 8 is a bare ACK.
  frame({ src: A, dst: B, srcPort: 40001, dstPort: 80, seq: 200, flags: 'S', window: 64240, options: both(MSS, wscale(7)) }),
  frame({ src: B, dst: A, srcPort: 80, dstPort: 40001, seq: 700, ack: 201, flags: 'SA', window: 65160, options: MSS }),
  frame({ src: A, dst: B, srcPort: 40001, dstPort: 80, seq: 201, ack: 701, flags: 'A', window: 502 }),
  // 9: a connection whose handshake was not captured.
  frame({ src: A, dst: B, srcPort: 40002, dstPort: 1863, seq: 5000, ack: 9000, flags: 'A', window: 502 }),
];

const path = writeFrames(frames);
const rows: FrameRow[] = [];
const { analyzer } = await analyzeCaptureFiles([path], { collectFrames: true }, { frameRow: (r) => rows.push(r) });
const { frames: read } = await readAllFrames(path);

const labels = (n: number): string[] => treeLabels(analyzer.describeFrame({ ...read[n - 1], number: n }).tree);

describe('window scaling', () => {
  it('scales each side by its own shift once both SYNs offered one; SYNs are not scaled', () => {
    const win = (n: number) => / Win=(\d+) /.exec(rows[n - 1].info)?.[1];
    expect([win(1), win(2), win(3)]).toEqual(['64240', '65160', String(502 * 128)]);
    expect(labels(4)).toEqual(expect.arrayContaining(['Window: 64', '[Calculated window size: 65536]', '[Window size scaling factor: 1024]']));
    expect(labels(1)).not.toContain('[Window size scaling factor: 128]');
  });

  it('leaves windows as sent when one SYN lacks the option, or when no handshake was seen', () => {
    expect(/ Win=(\d+) /.exec(rows[7].info)?.[1]).toBe('502');
    expect(labels(8)).toContain('[Window size scaling factor: -2 (no window scaling used)]');
    expect(/ Win=(\d+) /.exec(rows[8].info)?.[1]).toBe('502');
    expect(labels(9)).toContain('[Window size scaling factor: -1 (unknown)]');
  });
});

describe('protocol labels from the payload', () => {
  it('a TLS record on 443 is TLSv1.2, with its record in the tree', () => {
    expect(rows[3].protocol).toBe('TLSv1.2');
    expect(labels(4)).toEqual(expect.arrayContaining([
      'Transport Layer Security', 'TLSv1.2 Record Layer: Handshake Protocol', 'Content Type: Handshake (22)',
      'Version: TLS 1.2 (0x0303)', 'Length: 5', 'Handshake Protocol: Client Hello (1)',
    ]));
  });

  it('a bare ACK on 443 or 80 and a non-TLS payload on 443 are TCP', () => {
    expect([rows[2].protocol, rows[4].protocol, rows[7].protocol]).toEqual(['TCP', 'TCP', 'TCP']);
    expect(labels(5)).not.toContain('Transport Layer Security');
  });
});
