// Which frames a save keeps, as Wireshark's Export Specified Packets: every frame, or those of
// MSNP connections, or those the display filter shows, or the marked ones, narrowed to a typed range of frame numbers
// ("1-100, 250, 300-"). Masks are one byte per frame number (index 0 unused), never a list.

import type { FrameSelection } from '../../shared/ipc-contract';

/** A range typed by a person; longer text is a mistake. */
export const MAX_RANGE_TEXT = 1000;

/** Frame numbers 1…`count` that `text` names, as a mask; throws with the offending part. */
export function parseFrameRange(text: string, count: number): Uint8Array {
  if (text.length > MAX_RANGE_TEXT) throw new Error(`a frame range is at most ${MAX_RANGE_TEXT} characters`);
  const mask = new Uint8Array(count + 1);
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new Error('the frame range is empty: write e.g. 1-100, 250, 300-');
  for (const part of parts) {
    const m = /^(\d{1,12})?\s*(-)?\s*(\d{1,12})?$/.exec(part);
    if (!m || (m[1] === undefined && m[3] === undefined) || (!m[2] && m[3] !== undefined)) {
      throw new Error(`'${part}' is not a frame range: write N, N-M, N- or -M`);
    }
    const first = m[1] === undefined ? 1 : Number(m[1]);
    const last = m[2] ? (m[3] === undefined ? count : Number(m[3])) : first;
    if (first < 1 || last < first) throw new Error(`'${part}' is not a frame range: it must run upwards from 1`);
    mask.fill(1, first, Math.min(last, count) + 1);
  }
  return mask;
}

/** Frames to keep: null when the selection is every frame (the common case costs nothing). */
export function frameMask(
  selection: FrameSelection,
  count: number,
  masks: { msnp: () => Uint8Array; displayed: () => Uint8Array; marked?: () => Uint8Array },
): Uint8Array | null {
  const parts: Uint8Array[] = [];
  if (selection.msnpOnly) parts.push(masks.msnp());
  if (selection.displayedOnly) parts.push(masks.displayed());
  if (selection.markedOnly) parts.push(masks.marked?.() ?? new Uint8Array(count + 1));
  if (selection.range !== undefined && selection.range.trim() !== '') parts.push(parseFrameRange(selection.range, count));
  if (parts.length === 0) return null;
  const out = parts[0];
  for (const other of parts.slice(1)) for (let n = 1; n <= count; n++) out[n] &= other[n];
  return out;
}
