// Answers stats:io-graph: per line, the display filter run over the packet table by the packet
// list's own machinery (a DisplayOrder of its own, so the list's view is untouched), then one pass
// over the frames it selects, adding each frame's metric to its interval's bucket. Buckets start at
// the first frame's time, as tshark's io,stat intervals do; only the arrays leave the back end.

import { autoIntervalUs, MAX_IO_BUCKETS, intervalText, type IoGraphLine, type IoGraphRequest, type IoGraphResponse, type IoLineAnswer } from '../../../shared/io-graph';
import { DisplayOrder, type FrameBytesSource } from '../display-order';
import type { PacketTable } from '../packet-table';

export interface IoGraphSources {
  table: PacketTable;
  readBytes: FrameBytesSource | null;
  /** Chat messages (transcript lines) first seen in each frame, by frame number. */
  messagesByFrame: ReadonlyMap<number, number>;
}

function timeSpan(table: PacketTable): { start: number; end: number } | null {
  if (table.size === 0) return null;
  const start = table.timeUs(0);
  let end = start;
  for (let i = 1; i < table.size; i++) end = Math.max(end, table.timeUs(i));
  return { start, end };
}

function countLine(line: IoGraphLine, { table, readBytes, messagesByFrame }: IoGraphSources, start: number, intervalUs: number, buckets: number): IoLineAnswer {
  const order = new DisplayOrder(table, undefined, readBytes);
  const view = order.setView(line.filter, null);
  if (!view.ok) return { ok: false, error: view.error, ...(view.position === undefined ? {} : { position: view.position }) };
  const values = new Float64Array(buckets);
  const firstFrames = new Int32Array(buckets);
  for (let p = 0; p < order.displayed; p++) {
    const i = order.frameAt(p);
    let value: number;
    switch (line.metric) {
      case 'packets': value = 1; break;
      case 'bytes': value = table.length(i); break;
      case 'commands': value = table.msnpCommandCount(i); break;
      case 'messages': value = messagesByFrame.get(i + 1) ?? 0; break;
    }
    if (value === 0) continue;
    // A frame stamped before the first one (clocks step back) counts in the first interval.
    const k = Math.max(0, Math.floor((table.timeUs(i) - start) / intervalUs));
    values[k] += value;
    if (firstFrames[k] === 0) firstFrames[k] = i + 1;
  }
  return { ok: true, values: Array.from(values), firstFrames: Array.from(firstFrames) };
}

export function ioGraph(request: IoGraphRequest, sources: IoGraphSources): IoGraphResponse {
  const span = timeSpan(sources.table);
  const durationUs = span ? span.end - span.start : 0;
  const intervalUs = request.intervalUs ?? autoIntervalUs(durationUs);
  const buckets = span ? Math.floor(durationUs / intervalUs) + 1 : 0;
  if (buckets > MAX_IO_BUCKETS) {
    return {
      intervalUs, startUs: span?.start ?? null, buckets: 0, lines: [],
      error: `An interval of ${intervalText(intervalUs)} makes ${buckets.toLocaleString('en-US')} intervals of this capture (at most ${MAX_IO_BUCKETS.toLocaleString('en-US')}): choose a longer one`,
    };
  }
  return {
    intervalUs,
    startUs: span?.start ?? null,
    buckets,
    lines: request.lines.map((line) => countLine(line, sources, span?.start ?? 0, intervalUs, buckets)),
  };
}
