// The packet list's display order, kept in the back end over the columnar PacketTable: which
// frames the display filter shows and in what order the sorted column puts them, as one Int32Array
// of frame indices (or nothing at all for "every frame in frame order", the common case). Frames
// appended while loading are caught up incrementally: filtered as they come, merged into a sort.

import { type CompiledFilter, compileFilter, type FramePredicate } from '../../shared/display-filter/compile-filter';
import type { FrameFields } from '../../shared/display-filter/frame-fields';
import type { FrameCounts, SortSpec, ViewResponse } from '../../shared/packet-page';
import { decodePacket } from '../engine/decode/decode-packet';
import type { FrameBits } from './frame-bits';
import { CORE_FIELDS, type PacketTable } from './packet-table';

/** A frame's captured bytes by frame index, read synchronously (null when they cannot be read). */
export type FrameBytesSource = (index: number) => Uint8Array | null;

/** Sorting by Info builds every shown row's text: beyond this many rows it is refused, not slow. */
export const MAX_INFO_SORT_ROWS = 500_000;

type Compare = (a: number, b: number) => number;

export class DisplayOrder {
  private predicate: FramePredicate | null = null;
  private sort: SortSpec | null = null;
  /** Frame indices shown, in display order; null: every frame, in frame order. */
  private order: Int32Array<ArrayBufferLike> | null = null;
  private length = 0;
  /** Frames [0, covered) have been considered. */
  private covered = 0;
  private version = 0;
  private scratch: FrameFields = this.newScratch();
  /** Find Packet's own fields object (every field filled, whatever the view's filter reads). */
  private readonly findScratch: FrameFields = this.newScratch();
  /** The filter reads only CORE_FIELDS and msnp.*: the table fills just those. */
  private core = false;
  /** The bytes of the frame a predicate is looking at, read at most once per frame. */
  private bytesIndex = -1;
  private bytesValue: Uint8Array | null = null;
  private payloadIndex = -1;
  private payloadValue: Uint8Array | null = null;

  constructor(
    private readonly table: PacketTable,
    private readonly maxInfoSortRows = MAX_INFO_SORT_ROWS,
    private readonly readBytes: FrameBytesSource | null = null,
    /** Marked frames, for `frame.marked` (as in Wireshark, read when the filter runs). */
    private readonly marks: FrameBits | null = null,
  ) {
  }

  /** One fields object per view (it knows its own frame): filters that read bytes allocate nothing per frame. */
  private newScratch(): FrameFields {
    const scratch: FrameFields = { number: 0 };
    scratch.bytes = () => this.frameBytes(scratch.number - 1);
    scratch.payload = () => this.framePayload(scratch.number - 1);
    return scratch;
  }

  private frameBytes(index: number): Uint8Array | null {
    if (index !== this.bytesIndex) {
      this.bytesIndex = index;
      this.bytesValue = this.readBytes?.(index) ?? null;
    }
    return this.bytesValue;
  }

  private framePayload(index: number): Uint8Array | null {
    if (index !== this.payloadIndex) {
      this.payloadIndex = index;
      const bytes = this.frameBytes(index);
      this.payloadValue = bytes ? decodePacket(this.table.linkType(index), bytes)?.payload ?? null : null;
    }
    return this.payloadValue;
  }

  /** The filter as setView() compiles it (the caller may look at it first, e.g. whether it reads bytes). */
  static compile(expression: string): CompiledFilter {
    return compileFilter(expression.trim());
  }

  /** Applies a filter expression ('' for none) and a sort; on a bad filter the previous view stays. */
  setView(expression: string, sort: SortSpec | null, compiled: CompiledFilter = DisplayOrder.compile(expression)): ViewResponse {
    let predicate: FramePredicate | null = null;
    if (expression.trim() !== '') {
      if (!compiled.ok) return { ok: false, error: compiled.error, position: compiled.position };
      predicate = compiled.predicate;
    }
    const effectiveSort = sort && !(sort.column === 'number' && !sort.desc) ? sort : null;
    if (effectiveSort?.column === 'info') {
      const shown = predicate ? this.countMatches(predicate) : this.table.size;
      if (shown > this.maxInfoSortRows) {
        return { ok: false, error: `sorting by Info is limited to ${this.maxInfoSortRows.toLocaleString('en-US')} shown packets (${shown.toLocaleString('en-US')} are shown): apply a display filter first` };
      }
    }
    this.predicate = predicate;
    this.core = compiled.ok && [...compiled.fields].every((name) => CORE_FIELDS.has(name) || name.startsWith('msnp.'));
    this.scratch = this.newScratch();
    this.sort = effectiveSort;
    this.bytesIndex = this.payloadIndex = -1;
    this.order = null;
    this.length = 0;
    this.covered = 0;
    this.version++;
    this.catchUp();
    return { ok: true, counts: this.counts() };
  }

  /** Considers the frames appended since the last call; true when the display changed. */
  catchUp(): boolean {
    const size = this.table.size;
    if (this.covered >= size) return false;
    const from = this.covered;
    this.covered = size;
    if (!this.predicate && !this.sort) {
      this.length = size;
      return true;
    }
    const added = this.collect(from, size);
    if (added.length === 0) return false;
    if (!this.sort) {
      this.append(added);
      return true;
    }
    const compare = this.comparator(this.sort);
    added.sort(compare);
    this.mergeSorted(added, compare);
    if (from > 0) this.version++;
    return true;
  }

  counts(): FrameCounts {
    return {
      frames: this.table.size,
      displayed: this.displayed,
      version: this.version,
      firstTimeUs: this.table.size > 0 ? this.table.timeUs(0) : null,
      marked: this.marks?.count ?? 0,
    };
  }

  /** Rows keep their places but what they show changed (marks, time references): cached pages are stale. */
  touch(): void {
    this.version++;
  }

  /** Whether the order is frame order (no sort): positions then grow with frame indices. */
  get inFrameOrder(): boolean {
    return this.sort === null;
  }

  /** The displayed frame before frame index `index` in frame order (Wireshark's "previous displayed"), −1 for none. */
  previousShown(index: number): number {
    if (index <= 0) return -1;
    if (!this.predicate) return index - 1;
    if (!this.sort) {
      const at = this.insertionPoint(index);
      return at > 0 ? this.order![at - 1] : -1;
    }
    // Sorted and filtered: test the frames before it (a filter pass over the frames, at worst).
    for (let i = index - 1; i >= 0; i--) if (this.matches(this.predicate, i)) return i;
    return -1;
  }

  /** In a filtered frame-order view: the first position whose frame index is ≥ `index`. */
  insertionPoint(index: number): number {
    if (this.order === null) return Math.min(Math.max(index, 0), this.length);
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order[mid] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get displayed(): number {
    return this.length;
  }

  /** Frame index shown at display position `position` (no bounds check beyond the displayed count). */
  frameAt(position: number): number {
    return this.order === null ? position : this.order[position];
  }

  /** One byte per frame number (index 0 unused): 1 when the frame is shown. */
  displayedFrames(): Uint8Array {
    const out = new Uint8Array(this.table.size + 1);
    if (this.order === null && !this.predicate) out.fill(1, 1, this.covered + 1);
    else for (let p = 0; p < this.length; p++) out[this.frameAt(p) + 1] = 1;
    return out;
  }

  /** Display position of frame index `index`, or −1 when it is not shown. */
  positionOf(index: number): number {
    if (index < 0 || index >= this.covered) return -1;
    if (this.order === null) return !this.predicate && !this.sort ? index : -1;
    if (!this.sort) {
      // Filtered, in frame order: binary search.
      let lo = 0;
      let hi = this.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const v = this.order[mid];
        if (v === index) return mid;
        if (v < index) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    }
    const view = this.order.subarray(0, this.length);
    return view.indexOf(index);
  }

  /** Whether frame index `index` passes `predicate` (Find Packet's display-filter mode). */
  passes(predicate: FramePredicate, index: number): boolean {
    const fields = this.table.fields(index, this.findScratch);
    fields.marked = this.marks?.has(index) ?? false;
    return predicate(fields);
  }

  private matches(predicate: FramePredicate, index: number): boolean {
    const fields = this.table.fields(index, this.scratch, this.core);
    fields.marked = this.marks?.has(index) ?? false;
    return predicate(fields);
  }

  /** Frames a filter not yet in place would show (every field filled: its needs are not set up yet). */
  private countMatches(predicate: FramePredicate): number {
    const scratch = this.newScratch();
    let n = 0;
    for (let i = 0; i < this.table.size; i++) {
      const fields = this.table.fields(i, scratch);
      fields.marked = this.marks?.has(i) ?? false;
      if (predicate(fields)) n++;
    }
    return n;
  }

  private collect(from: number, to: number): Int32Array<ArrayBufferLike> {
    const predicate = this.predicate;
    if (!predicate) {
      const all = new Int32Array(to - from);
      for (let i = from; i < to; i++) all[i - from] = i;
      return all;
    }
    let picked: Int32Array<ArrayBufferLike> = new Int32Array(Math.min(to - from, 1024));
    let n = 0;
    for (let i = from; i < to; i++) {
      if (!this.matches(predicate, i)) continue;
      if (n === picked.length) picked = grow(picked, Math.min(to - from, picked.length * 2));
      picked[n++] = i;
    }
    return picked.subarray(0, n);
  }

  private append(added: Int32Array<ArrayBufferLike>): void {
    const needed = this.length + added.length;
    if (!this.order || this.order.length < needed) this.order = grow(this.order ?? new Int32Array(0), Math.max(needed, (this.order?.length ?? 0) * 2, 1024));
    this.order.set(added, this.length);
    this.length = needed;
  }

  private mergeSorted(added: Int32Array<ArrayBufferLike>, compare: Compare): void {
    const old = this.order ? this.order.subarray(0, this.length) : new Int32Array(0);
    const merged = new Int32Array(old.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < added.length) merged[k++] = compare(old[i], added[j]) <= 0 ? old[i++] : added[j++];
    while (i < old.length) merged[k++] = old[i++];
    while (j < added.length) merged[k++] = added[j++];
    this.order = merged;
    this.length = merged.length;
  }

  /** Comparator over frame indices; ties fall back to frame order, and descending reverses both. */
  private comparator(sort: SortSpec): Compare {
    const t = this.table;
    const sign = sort.desc ? -1 : 1;
    const byText = (text: (i: number) => string): Compare => (a, b) => {
      const x = text(a);
      const y = text(b);
      return sign * (x < y ? -1 : x > y ? 1 : a - b);
    };
    const byNumber = (key: (i: number) => number): Compare => (a, b) => sign * (key(a) - key(b) || a - b);
    switch (sort.column) {
      case 'time': return byNumber((i) => t.timeUs(i));
      case 'length': return byNumber((i) => t.length(i));
      // Interned strings compare by text (not by a rank table that new addresses would invalidate).
      case 'source': return byText((i) => t.addresses.text(t.sourceId(i)));
      case 'destination': return byText((i) => t.addresses.text(t.destinationId(i)));
      case 'protocol': return byText((i) => t.protocols.text(t.protocolId(i)));
      case 'info': return byText((i) => t.info(i));
      default: return byNumber((i) => i);
    }
  }
}

function grow(array: Int32Array<ArrayBufferLike>, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array.subarray(0, Math.min(array.length, capacity)));
  return bigger;
}
