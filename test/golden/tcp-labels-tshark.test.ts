// TCP rows the way Wireshark shows them, frame by frame on the seven real captures, against
// tshark's fields (test/fixtures/tshark/*.tcp.tsv, written by the command in its README):
// - Info's Win= is tcp.window_size: the header's window scaled by the handshake's shift (the
//   pecan/Escargot captures' loopback handshakes offer shift 10: Win=64 is 65536).
// - The Protocol column follows the payload: a segment whose frame.protocols ends at tcp (a bare
//   ACK on port 80 or 443, an HTTP segment that completes no message) is TCP; tls is TLS by its
//   first record's version (0x0301 TLSv1, 0x0303 TLSv1.2); http is HTTP; msnms is MSNP.
// Where we knowingly differ from tshark, said and checked here: Escargot's switchboards listen on
// port 1864, which Wireshark's MSNMS dissector does not claim ("data"): we decode them as MSNP;
// in the HTTP-gateway capture the FINs of frames 455 and 476 end a response whose MSNP body they
// complete (Connection: close), so they carry its commands and are labelled HTTP.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import type { FrameRow } from '../../src/shared/model';
import { readAllFrames } from '../helpers/capture-builder';
import { CAPTURES } from '../helpers/captures';
import { treeLabels } from '../helpers/tree-labels';

const TLS_VERSIONS: Record<string, string> = { '0x0300': 'SSLv3', '0x0301': 'TLSv1', '0x0302': 'TLSv1.1', '0x0303': 'TLSv1.2' };
const GATEWAY_FINS = new Set([455, 476]);

interface TsharkFrame {
  number: number;
  window: number | null;
  length: number;
  /** The protocol after tcp in frame.protocols, or 'tcp'. */
  top: string;
  tlsVersion: string | null;
  ports: number[];
}

function tshark(path: string): TsharkFrame[] {
  const text = readFileSync(new URL(`../fixtures/tshark/${basename(path, '.pcap')}.tcp.tsv`, import.meta.url), 'utf8');
  return text.trim().split('\n').map((line) => {
    const [number, window, length, protocols, tls, srcPort, dstPort] = line.split('\t');
    const chain = protocols.split(':');
    const at = chain.indexOf('tcp');
    return { number: Number(number), window: window ? Number(window) : null, length: Number(length || 0), top: at >= 0 ? (chain[at + 1] ?? 'tcp') : chain[chain.length - 1], tlsVersion: tls ? tls.split(',')[0] : null, ports: [Number(srcPort), Number(dstPort)] };
  });
}

function expectedProtocol(f: TsharkFrame, gateway: boolean): string {
  switch (f.top) {
    case 'tcp':
      return gateway && GATEWAY_FINS.has(f.number) ? 'HTTP' : 'TCP';
    case 'msnms':
      return 'MSNP';
    case 'data':
      // tshark's undissected data is Escargot's switchboard port in these captures.
      return f.ports.includes(1864) ? 'MSNP' : `data on ports ${f.ports.join('/')}`;
    case 'http':
      return 'HTTP';
    case 'tls':
      return TLS_VERSIONS[f.tlsVersion ?? ''] ?? `unexpected TLS version ${f.tlsVersion}`;
    default:
      return `unexpected ${f.top}`;
  }
}

describe('TCP windows and protocol labels against tshark', () => {
  for (const [name, path] of Object.entries(CAPTURES)) {
    it(`${name}: every frame's Win= and Protocol`, async () => {
      const rows: FrameRow[] = [];
      await analyzeCaptureFiles([path], {}, { frameRow: (r) => rows.push(r) });
      const frames = tshark(path);
      expect(rows).toHaveLength(frames.length);
      const gateway = name === 'pecanHttpGateway';
      const windows: Array<[number, number | null]> = [];
      const wantWindows: Array<[number, number | null]> = [];
      const labels: Array<[number, string]> = [];
      const wantLabels: Array<[number, string]> = [];
      for (const f of frames) {
        const row = rows[f.number - 1];
        const win = / Win=(\d+) /.exec(row.info);
        // Rows completing MSNP commands show the commands, not TCP fields.
        if (win) {
          windows.push([f.number, Number(win[1])]);
          wantWindows.push([f.number, f.window]);
        }
        labels.push([f.number, row.protocol]);
        wantLabels.push([f.number, expectedProtocol(f, gateway)]);
      }
      expect(windows).toEqual(wantWindows);
      expect(labels).toEqual(wantLabels);
    });
  }

  it('the handshake scale shows in the tree: Win=64 with shift 10 is 65536 (pecan chat, frame 14)', async () => {
    const { analyzer } = await analyzeCaptureFiles([CAPTURES.pecanChat], { collectFrames: true });
    const { frames } = await readAllFrames(CAPTURES.pecanChat);
    const labels = (n: number): string[] => treeLabels(analyzer.describeFrame({ ...frames[n - 1], number: n }).tree);
    // tshark frame 14: tcp.window_size_value 64, tcp.window_size 65536, scale factor 1024.
    expect(labels(14)).toEqual(expect.arrayContaining(['Window: 64', '[Calculated window size: 65536]', '[Window size scaling factor: 1024]']));
    // tshark frame 15 (port 443): one TLS record, handshake, version 0x0301, length 512, Client Hello.
    expect(labels(15)).toEqual(expect.arrayContaining([
      'Transport Layer Security', 'TLSv1 Record Layer: Handshake Protocol', 'Content Type: Handshake (22)',
      'Version: TLS 1.0 (0x0301)', 'Length: 512', 'Handshake Protocol: Client Hello (1)',
    ]));
    // The SYN (frame 12) is never scaled.
    expect(labels(12)).not.toContain('[Window size scaling factor: 1024]');
  });
});
