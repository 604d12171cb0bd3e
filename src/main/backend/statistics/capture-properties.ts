// Statistics → Capture File Properties (Wireshark's capinfos in the window): each file with its
// format, link types and size, then the capture's first and last packet, elapsed time, frames,
// bytes (on the wire, frame.len), average rates and any damage the readers reported.

import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CaptureInfo } from '../../../shared/model';
import type { StatsTable } from '../../../shared/statistics';
import type { PacketTable } from '../packet-table';

/** pcap LINKTYPE_* names for the link types captures of MSN traffic carry. */
const LINK_TYPE_NAMES: Record<number, string> = { 0: 'Null/Loopback', 1: 'Ethernet', 101: 'Raw IP', 113: 'Linux cooked (SLL)', 228: 'Raw IPv4', 229: 'Raw IPv6', 276: 'Linux cooked v2 (SLL2)' };

const linkTypeName = (type: number) => `${LINK_TYPE_NAMES[type] ?? 'Link type'} (${type})`;

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

const isoTime = (us: number) => new Date(Math.floor(us / 1000)).toISOString().replace('Z', `${String(Math.floor(us % 1000)).padStart(3, '0')}Z`);

export function captureProperties(table: PacketTable, captures: readonly CaptureInfo[]): StatsTable[] {
  const linkTypes = captures.map(() => new Set<number>());
  let bytes = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < table.size; i++) {
    linkTypes[table.sourceFile(i)]?.add(table.linkType(i));
    bytes += table.length(i);
    const t = table.timeUs(i);
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const files: StatsTable = {
    title: 'Files',
    columns: [{ label: 'File' }, { label: 'Format' }, { label: 'Link types' }, { label: 'Size (bytes)', format: 'integer' }, { label: 'Frames', format: 'integer' }, { label: 'Damage' }],
    rows: captures.map((c, i) => [
      basename(c.path),
      `${c.format}${c.gzip ? ' (gzip)' : ''}`,
      [...linkTypes[i]].sort((a, b) => a - b).map(linkTypeName).join(', '),
      fileSize(c.path),
      c.frames,
      c.damage ? `at byte ${c.damage.offset}: ${c.damage.message}` : c.cancelled ? `load cancelled after ${c.cancelled.afterFrames} frames` : null,
    ]),
  };
  const frames = table.size;
  const elapsed = frames ? (last - first) / 1e6 : 0;
  const rate = (n: number) => (elapsed > 0 ? n / elapsed : null);
  const summary: StatsTable = {
    title: 'Capture',
    columns: [{ label: 'Property' }, { label: 'Value' }],
    rows: [
      ['First packet', frames ? isoTime(first) : null],
      ['Last packet', frames ? isoTime(last) : null],
      ['Elapsed (s)', frames ? round(elapsed, 6) : null],
      ['Frames', frames],
      ['Bytes', bytes],
      ['Average packets/s', roundOrNull(rate(frames), 3)],
      ['Average bytes/s', roundOrNull(rate(bytes), 3)],
      ['Average packet size (bytes)', frames ? round(bytes / frames, 3) : null],
    ],
  };
  return [summary, files];
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));
const roundOrNull = (n: number | null, digits: number) => (n === null ? null : round(n, digits));
