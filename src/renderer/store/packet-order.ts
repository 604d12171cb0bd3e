// The packet list's display order: which rows are shown (display filter) and in what order
// (column sort). `null` means "every row, in frame order" — the common case, which then costs
// nothing however many rows arrive. Otherwise an Int32Array of indices into the row array.

import type { FrameRow } from '../../shared/model';
import type { FrameSet } from './frame-set';

export type SortColumn = 'number' | 'time' | 'source' | 'destination' | 'protocol' | 'length' | 'info';
export interface SortSpec {
  column: SortColumn;
  desc: boolean;
}

export type PacketOrder = Int32Array | null;

/** Ascending by frame number is the order rows arrive in: no index array needed. */
export function isFrameOrder(sort: SortSpec | null): boolean {
  return sort === null || (sort.column === 'number' && !sort.desc);
}

function compareField(a: FrameRow, b: FrameRow, column: SortColumn): number {
  switch (column) {
    case 'number': return a.number - b.number;
    case 'time': return a.timeUs - b.timeUs;
    case 'length': return a.length - b.length;
    default: {
      const x = a[column];
      const y = b[column];
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/** Comparator over row indices; ties fall back to frame number so the order is stable. */
export function rowComparator(rows: readonly FrameRow[], sort: SortSpec): (i: number, j: number) => number {
  const sign = sort.desc ? -1 : 1;
  return (i, j) => {
    const a = rows[i];
    const b = rows[j];
    const c = compareField(a, b, sort.column);
    return c !== 0 ? sign * c : sign * (a.number - b.number);
  };
}

function collect(rows: readonly FrameRow[], from: number, to: number, matching: FrameSet | null): Int32Array {
  if (!matching) {
    const all = new Int32Array(to - from);
    for (let i = from; i < to; i++) all[i - from] = i;
    return all;
  }
  const picked = new Int32Array(Math.min(to - from, matching.size));
  let n = 0;
  for (let i = from; i < to && n < picked.length; i++) if (matching.has(rows[i].number)) picked[n++] = i;
  return picked.subarray(0, n);
}

/** The full display order for the first `count` rows. */
export function buildOrder(rows: readonly FrameRow[], count: number, matching: FrameSet | null, sort: SortSpec | null): PacketOrder {
  if (!matching && isFrameOrder(sort)) return null;
  const order = Int32Array.from(collect(rows, 0, count, matching));
  if (!isFrameOrder(sort)) order.sort(rowComparator(rows, sort as SortSpec));
  return order;
}

/** The display order after rows [from, to) were appended: new rows are merged in, O(n). */
export function extendOrder(order: PacketOrder, rows: readonly FrameRow[], from: number, to: number, matching: FrameSet | null, sort: SortSpec | null): PacketOrder {
  if (order === null) return null;
  const added = collect(rows, from, to, matching);
  if (added.length === 0) return order;
  const merged = new Int32Array(order.length + added.length);
  if (isFrameOrder(sort)) {
    merged.set(order);
    merged.set(added, order.length);
    return merged;
  }
  const compare = rowComparator(rows, sort as SortSpec);
  const sortedAdded = Int32Array.from(added).sort(compare);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < order.length && j < sortedAdded.length) merged[k++] = compare(order[i], sortedAdded[j]) <= 0 ? order[i++] : sortedAdded[j++];
  while (i < order.length) merged[k++] = order[i++];
  while (j < sortedAdded.length) merged[k++] = sortedAdded[j++];
  return merged;
}

/** Number of rows shown. */
export function displayedCount(order: PacketOrder, rowCount: number): number {
  return order === null ? rowCount : order.length;
}

/** Index into the row array of the row shown at `position`. */
export function rowIndexAt(order: PacketOrder, position: number): number {
  return order === null ? position : order[position];
}

/** Index of the row holding frame `frame`, or -1. Rows are in ascending frame order. */
export function findRowIndex(rows: readonly FrameRow[], count: number, frame: number): number {
  const guess = frame - 1;
  if (guess >= 0 && guess < count && rows[guess].number === frame) return guess;
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const n = rows[mid].number;
    if (n === frame) return mid;
    if (n < frame) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Position in the display of frame `frame`, or -1 when it is not shown. */
export function displayPositionOf(rows: readonly FrameRow[], count: number, order: PacketOrder, frame: number): number {
  const index = findRowIndex(rows, count, frame);
  if (index < 0 || order === null) return index;
  return order.indexOf(index);
}
