// File → Export Packet Dissections: streams the chosen frames (every frame, or those the display
// filter shows, narrowed by a range) to a CSV, plain-text or JSON file. As in Wireshark, frames go
// in frame order whatever the list's sort; the display order only says which are shown (one byte
// a frame). Each frame's row comes from the packet table and, for text and JSON, its tree is
// rebuilt from its bytes read back from the capture (as a click on the row does), one frame at a
// time: nothing per frame is kept, so a capture of millions of frames exports in flat memory.
// The event loop gets a turn every few milliseconds, so the window stays answered meanwhile.

import type { DissectionFormat } from '../../../shared/export-requests';
import type { FrameDetail } from '../../../shared/model';
import { CSV_HEADER, csvRow, jsonFrame, textFrame, type DissectionRow } from './dissection-formats';
import { writeTextFile } from './text-file-sink';

export interface DissectionSource {
  /** Frames 1…count are considered (those present when the export started). */
  count: number;
  /** One byte per frame number (index 0 unused); null: every frame. */
  keep: Uint8Array | null;
  row(number: number): DissectionRow;
  /** The frame's tree, from its bytes read again (null when they cannot be read). */
  detail(number: number): Promise<FrameDetail | null>;
}

const SLICE_MS = 8;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Writes the export to `path` and returns how many frames it holds. */
export function exportDissections(path: string, format: DissectionFormat, source: DissectionSource): Promise<number> {
  return writeTextFile(path, async (sink) => {
    let written = 0;
    let sliceStart = performance.now();
    if (format === 'csv') sink.write(CSV_HEADER);
    if (format === 'json') sink.write('[\n');
    for (let n = 1; n <= source.count; n++) {
      if (source.keep && !source.keep[n]) continue;
      const row = source.row(n);
      if (format === 'csv') {
        sink.write(csvRow(row));
      } else {
        const detail = await source.detail(n);
        if (!detail) throw new Error(`frame ${n} can no longer be read from its capture file`);
        sink.write(format === 'text' ? textFrame(row, detail.tree) : `${written > 0 ? ',\n' : ''}${jsonFrame(row, detail.tree)}`);
      }
      written++;
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    if (format === 'json') sink.write('\n]\n');
    return written;
  });
}
