// The Statistics views (stats:get, computed by the back end over its packet table and analysis) on
// every shared capture, against tshark's own statistics of the same file, stored by
// test/tools/tshark-statistics.sh in test/fixtures/tshark/: `-qz conv,tcp` (packets and bytes
// each way, relative start, duration per conversation; tshark prints bytes of 10 kB and more
// truncated to kB, so those are compared in its own units), `-qz io,phs` (frames and bytes of the
// eth/ip/tcp/udp/http/tls layers), capinfos (frames, bytes, first/last packet, rates) and the
// independent MSNP verb count of test/tools/count-commands-tshark.py.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsKind, StatsTable } from '../../src/shared/statistics';
import { CAPTURES } from '../helpers/captures';
import { realAnalysisSession } from '../helpers/real-session';

const fixture = (name: string, ext: string) => readFileSync(new URL(`../fixtures/tshark/${name}.${ext}`, import.meta.url), 'utf8');

/** tshark's conversation sizes: "N bytes" below 10,000, else whole kB (truncated). */
const tsharkSize = (bytes: number) => (bytes < 10_000 ? `${bytes} bytes` : `${Math.floor(bytes / 1000)} kB`);

interface TsharkConversation { a: string; b: string; framesBA: number; bytesBA: string; framesAB: number; bytesAB: string; start: number; duration: number }

function tsharkConversations(name: string): TsharkConversation[] {
  const out: TsharkConversation[] = [];
  for (const line of fixture(name, 'conv.txt').split('\n')) {
    const m = /^(\S+)\s+<->\s+(\S+)\s+(\d+) (\d+ \w+)\s+(\d+) (\d+ \w+)\s+\d+ \d+ \w+\s+([\d.]+)\s+([\d.]+)$/.exec(line.trim());
    if (m) out.push({ a: m[1], b: m[2], framesBA: +m[3], bytesBA: m[4], framesAB: +m[5], bytesAB: m[6], start: +m[7], duration: +m[8] });
  }
  return out;
}

/** tshark's hierarchy as "eth/ip/tcp" → frames and bytes. */
function tsharkHierarchy(name: string): Map<string, { frames: number; bytes: number }> {
  const out = new Map<string, { frames: number; bytes: number }>();
  const path: string[] = [];
  for (const line of fixture(name, 'phs.txt').split('\n')) {
    const m = /^( *)(\S+)\s+frames:(\d+) bytes:(\d+)$/.exec(line);
    if (!m) continue;
    path.length = m[1].length / 2;
    path.push(m[2]);
    out.set(path.join('/'), { frames: +m[3], bytes: +m[4] });
  }
  return out;
}

/** Our hierarchy rows (names indented two spaces a level) as "Ethernet/IPv4/TCP" → frames and bytes. */
function ourHierarchy(table: StatsTable): Map<string, { frames: number; bytes: number }> {
  const out = new Map<string, { frames: number; bytes: number }>();
  const path: string[] = [];
  for (const [label, frames, , bytes] of table.rows) {
    const text = String(label);
    path.length = (text.length - text.trimStart().length) / 2;
    path.push(text.trim());
    out.set(path.join('/'), { frames: frames as number, bytes: bytes as number });
  }
  return out;
}

const OUR_LAYER: Record<string, string> = { eth: 'Ethernet', ip: 'IPv4', ipv6: 'IPv6', tcp: 'TCP', udp: 'UDP', http: 'HTTP', tls: 'TLS' };

const column = (table: StatsTable, label: string) => {
  const i = table.columns.findIndex((c) => c.label === label);
  if (i < 0) throw new Error(`no column ${label} in ${table.title}`);
  return (row: StatsTable['rows'][number]) => row[i];
};

describe.each(Object.values(CAPTURES).map((p) => basename(p, '.pcap')))('statistics of %s, against tshark', (name) => {
  const session = realAnalysisSession();
  const stats = (kind: StatsKind) => session.statistics(kind).tables;
  beforeAll(() => session.load([new URL(`../fixtures/captures/${name}.pcap`, import.meta.url).pathname], name, {}));
  afterAll(() => session.dispose());

  it('Conversations: one row per TCP conversation with tshark -qz conv,tcp packets, bytes, start and duration each way', () => {
    const [table] = stats('conversations');
    const expected = tsharkConversations(name);
    expect(table.rows).toHaveLength(expected.length);
    const get = (label: string) => column(table, label);
    const ours = new Map(table.rows.map((r) => [`${get('Address A')(r)}:${get('Port A')(r)} ${get('Address B')(r)}:${get('Port B')(r)}`, r]));
    for (const t of expected) {
      const row = ours.get(`${t.a} ${t.b}`);
      expect(row, `${t.a} <-> ${t.b}`).toBeDefined();
      expect(get('Packets A→B')(row!)).toBe(t.framesAB);
      expect(get('Packets B→A')(row!)).toBe(t.framesBA);
      expect(tsharkSize(get('Bytes A→B')(row!) as number)).toBe(t.bytesAB);
      expect(tsharkSize(get('Bytes B→A')(row!) as number)).toBe(t.bytesBA);
      expect(get('Rel start (s)')(row!)).toBeCloseTo(t.start, 6);
      expect(Math.abs((get('Duration (s)')(row!) as number) - t.duration)).toBeLessThanOrEqual(0.00005 + 1e-9);
    }
    // "filter on this" is the stream's own filter.
    expect(table.rowFilters).toEqual(table.rows.map((r) => `tcp.stream == ${get('Stream')(r)}`));
  });

  it('Protocol Hierarchy: frames and bytes of eth/ip/tcp/udp/http/tls as tshark -qz io,phs', () => {
    const ours = ourHierarchy(stats('hierarchy')[0]);
    let compared = 0;
    for (const [path, counts] of tsharkHierarchy(name)) {
      const names = path.split('/');
      if (!names.every((n) => n in OUR_LAYER)) continue;
      expect(ours.get(names.map((n) => OUR_LAYER[n]).join('/')), path).toEqual(counts);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it('Capture File Properties: frames, bytes, first and last packet, elapsed and rates as capinfos', () => {
    const [summary, files] = stats('properties');
    const [, , packets, fileSize, dataSize, duration, start, end, byteRate, packetRate] = fixture(name, 'capinfos.csv').trim().split(',').map((v) => v.replace(/"/g, ''));
    const value = (property: string) => summary.rows.find((r) => r[0] === property)![1];
    expect(value('Frames')).toBe(Number(packets));
    expect(value('Bytes')).toBe(Number(dataSize));
    // Date.parse keeps milliseconds: the seconds here, the microseconds by the text.
    expect(Date.parse(value('First packet') as string) / 1000).toBeCloseTo(Number(start), 2);
    expect(Date.parse(value('Last packet') as string) / 1000).toBeCloseTo(Number(end), 2);
    expect(value('First packet')).toMatch(new RegExp(`\\.${start.split('.')[1]}Z$`));
    expect(value('Last packet')).toMatch(new RegExp(`\\.${end.split('.')[1]}Z$`));
    expect(value('Elapsed (s)')).toBeCloseTo(Number(duration), 6);
    expect(Math.abs((value('Average bytes/s') as number) - Number(byteRate))).toBeLessThan(0.006);
    expect(Math.abs((value('Average packets/s') as number) - Number(packetRate))).toBeLessThan(0.006);
    expect(files.rows).toEqual([[`${name}.pcap`, 'pcap', 'Ethernet (1)', Number(fileSize), Number(packets), null]]);
  });

  it('MSNP commands: the count per verb is the independent count of count-commands-tshark.py', () => {
    const [commands, errors] = stats('commands');
    const expected = JSON.parse(fixture(name, 'commands.txt').replace(/'/g, '"')) as Record<string, number>;
    const ours = Object.fromEntries([...commands.rows, ...errors.rows].map((r) => [r[0], r[errors.rows.includes(r) ? 2 : 1]]));
    // The script follows ports 1863/1864 only: the HTTP gateway's MSNP (port 80) is not in its count.
    if (name.includes('http-gateway')) expect(expected).toEqual({});
    else expect(ours).toEqual(expected);
    // Each row's roles add up to its total.
    for (const r of commands.rows) expect((r.slice(2) as number[]).reduce((a, b) => a + b, 0)).toBe(r[1]);
  });
});
