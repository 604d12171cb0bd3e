// Export Packet Dissections, written by the worker's session from a real capture and read back:
// the CSV's rows against tshark's own fields, the JSON's frame/ip/tcp fields against
// `tshark -T json -e …`, and the plain text of one frame against values read by hand from its bytes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSession } from '../../../src/main/backend/analysis-session';
import { CAPTURES } from '../../helpers/captures';
import { parseCsv } from '../../helpers/parse-csv';
import { loadedSession, scratchDir } from './export-session';

const tshark = (path: string, args: string[]): string => execFileSync('tshark', ['-r', path, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });

/** tshark's CSV of the columns that map onto ours: No., Time (relative), Source, Destination, Length. */
function tsharkColumns(path: string, filter?: string): string[][] {
  const out = tshark(path, ['-T', 'fields', '-E', 'separator=,', '-E', 'quote=d', '-e', 'frame.number', '-e', 'frame.time_relative', '-e', 'ip.src', '-e', 'ip.dst', '-e', 'frame.len', ...(filter ? ['-Y', filter] : [])]);
  return parseCsv(out).map(([no, time, src, dst, len]) => [no, Number(time).toFixed(6), src, dst, len]);
}

const JSON_FIELDS = ['frame.number', 'frame.len', 'frame.cap_len', 'ip.src', 'ip.dst', 'ip.proto', 'tcp.srcport', 'tcp.dstport', 'tcp.stream', 'tcp.len', 'tcp.seq', 'tcp.ack', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.window_size_value'];

interface ExportedFrame {
  frame: number;
  summary: { time: string; source: string; destination: string; protocol: string; length: number; info: string };
  fields: Record<string, (string | number)[]>;
  tree: { label: string; field?: string; value?: string | number; children?: unknown[] }[];
}

describe('Export Packet Dissections (MSNMS 2005 sample: 364 TCP/IPv4 frames)', () => {
  let session: AnalysisSession;
  const dir = scratchDir();
  beforeAll(async () => {
    session = await loadedSession(CAPTURES.wireshark2005);
  });
  afterAll(() => session?.dispose());

  it('as CSV: a header and one row a frame whose No., Time, Source, Destination and Length are tshark\'s', async () => {
    const path = join(dir, 'all.csv');
    expect(await session.exportDissections(path, { format: 'csv' })).toBe(364);
    const rows = parseCsv(readFileSync(path, 'utf8'));
    expect(rows[0]).toEqual(['No.', 'Time', 'Source', 'Destination', 'Protocol', 'Length', 'Info']);
    const expected = tsharkColumns(CAPTURES.wireshark2005);
    expect(expected).toHaveLength(364);
    expect(rows.slice(1).map(([no, time, src, dst, , len]) => [no, time, src, dst, len])).toEqual(expected);
    // Every row has its Info text (built by the packet table, as for the list).
    expect(rows.slice(1).every((r) => r.length === 7 && r[6] !== '')).toBe(true);
  });

  it('of the displayed frames narrowed by a range: the frames tshark\'s own filter selects, in frame order', async () => {
    await session.view('tcp.stream == 1', { column: 'length', desc: true });
    const path = join(dir, 'displayed.csv');
    const written = await session.exportDissections(path, { format: 'csv', displayedOnly: true, range: '1-100, 300-' });
    const expected = tsharkColumns(CAPTURES.wireshark2005, 'tcp.stream == 1 && (frame.number <= 100 || frame.number >= 300)');
    expect(expected.length).toBeGreaterThan(1);
    expect(written).toBe(expected.length);
    expect(parseCsv(readFileSync(path, 'utf8')).slice(1).map(([no, time, src, dst, , len]) => [no, time, src, dst, len])).toEqual(expected);
    await session.view('', null);
  });

  it('as JSON: parses back to every frame with the frame, ip and tcp values of tshark -T json', async () => {
    const path = join(dir, 'all.json');
    expect(await session.exportDissections(path, { format: 'json' })).toBe(364);
    const frames = JSON.parse(readFileSync(path, 'utf8')) as ExportedFrame[];
    expect(frames.map((f) => f.frame)).toEqual(Array.from({ length: 364 }, (_, i) => i + 1));
    const theirs = JSON.parse(tshark(CAPTURES.wireshark2005, ['-T', 'json', ...JSON_FIELDS.flatMap((f) => ['-e', f])])) as { _source: { layers: Record<string, string[]> } }[];
    expect(theirs).toHaveLength(364);
    for (let i = 0; i < 364; i++) {
      const ours = Object.fromEntries(JSON_FIELDS.map((f) => [f, frames[i].fields[f]?.map(String)]).filter(([, v]) => v !== undefined));
      expect(ours, `frame ${i + 1}`).toEqual(theirs[i]._source.layers);
    }
    // The tree is there as the window shows it, each field on its node.
    const ipNode = frames[0].tree.find((n) => n.label.startsWith('Internet Protocol Version 4'));
    expect(ipNode?.children?.length).toBeGreaterThan(5);
  });
});

describe('Export Packet Dissections as plain text (MSNP12 login capture, frame 4)', () => {
  let session: AnalysisSession;
  const dir = scratchDir();
  beforeAll(async () => {
    session = await loadedSession(CAPTURES.pecanChat);
  });
  afterAll(() => session?.dispose());

  it('writes the summary line and the expanded tree with the values in the bytes', async () => {
    const path = join(dir, 'frame4.txt');
    expect(await session.exportDissections(path, { format: 'text', range: '4' })).toBe(1);
    const lines = readFileSync(path, 'utf8').split('\n');
    // Frame 4 (tshark -x):
    // 0000  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00   ..............E.
    // 0010  00 42 8c 45 40 00 40 06 b0 6e 7f 00 00 01 7f 00   .B.E@.@..n......
    // 0020  00 01 84 70 07 47 00 da 3d 30 37 43 ab be 80 18   ...p.G..=07C....
    // 0030  00 40 fe 36 00 00 01 01 08 0a 9c 56 fe b5 54 0d   .@.6.......V..T.
    // 0040  8e a2 56 45 52 20 31 20 4d 53 4e 50 31 32 0d 0a   ..VER 1 MSNP12..
    // 80 bytes; IP total length 0x0042 = 66, TTL 0x40 = 64, 127.0.0.1 both ways; ports 0x8470 =
    // 33904 → 0x0747 = 1863; window 0x0040 = 64; payload "VER 1 MSNP12\r\n" = 14 bytes.
    expect(lines[0]).toMatch(/^No\. +Time +Source +Destination +Protocol Length Info$/);
    expect(lines[1]).toMatch(/^ {6}4 0\.000135 +127\.0\.0\.1 +127\.0\.0\.1 +MSNP +80 +VER 1 MSNP12$/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('Frame 4: 80 bytes on wire (640 bits), 80 bytes captured (640 bits)');
    for (const line of ['    Total Length: 66', '    Time to Live: 64', '    Source Address: 127.0.0.1', '    Source Port: 33904', '    Destination Port: 1863', '    TCP Segment Len: 14', '    Window: 64', '    Command: VER', '    TrID: 1']) {
      expect(lines, line).toContain(line);
    }
    // Each level indents four spaces; a top-level node per layer.
    expect(lines.filter((l) => /^\S/.test(l) && l !== lines[0])).toEqual(expect.arrayContaining([
      'Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1', 'MSNP (client → server): VER 1 MSNP12',
    ]));
  });
});
