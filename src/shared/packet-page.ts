// What the renderer asks of the back end's packet list and gets back: the packet list lives in
// the back end (one compact columnar record per frame); the renderer asks for the rows it shows,
// by display position, and for counts. A page is columnar (one array per column) so that a
// window of rows crosses IPC as a handful of arrays, never as an object per row.

import type { FrameKind } from './model';

export type SortColumn = 'number' | 'time' | 'source' | 'destination' | 'protocol' | 'length' | 'info';

export interface SortSpec {
  column: SortColumn;
  desc: boolean;
}

export const SORT_COLUMNS: readonly SortColumn[] = ['number', 'time', 'source', 'destination', 'protocol', 'length', 'info'];

/** How many rows one `frames:rows` answer carries at most. */
export const MAX_PAGE_ROWS = 2000;

/** The packet list's size: every frame read, and how many the display order shows. */
export interface FrameCounts {
  frames: number;
  displayed: number;
  /**
   * Bumped whenever rows already shown may have moved to other positions (a new filter or sort,
   * or frames merged into a sorted order): cached pages of an older version are stale.
   */
  version: number;
  /** Time of the first frame (µs since the epoch), for the relative time column; null before it. */
  firstTimeUs: number | null;
  /** Frames marked (Ctrl+M) in the whole capture. */
  marked?: number;
}

/** FramePage.flags bits. */
export const ROW_MARKED = 1;
export const ROW_TIME_REFERENCE = 2;

/**
 * A `frames:rows` request: display positions [start, start + count), and the display-filter fields
 * of the custom columns (Apply as Column) whose text the page should carry.
 */
export interface FrameRowsRequest {
  start: number;
  count: number;
  fields?: string[];
}

/** Rows at display positions start … start + number.length − 1, one array per column. */
export interface FramePage extends FrameCounts {
  start: number;
  number: number[];
  timeUs: number[];
  source: string[];
  destination: string[];
  protocol: string[];
  length: number[];
  info: string[];
  kind: FrameKind[];
  /** tcp.stream, or −1. */
  stream: number[];
  /** MSNP connection id, or −1. */
  connection: number[];
  /**
   * The Time column's other formats, in µs: since the time reference in force (the last frame
   * set as one at or before this frame, else the first frame), since the previous captured frame,
   * since the previous displayed frame (frame order). Computed for these rows only. (Optional: a
   * page without them shows times relative to the first frame and no marks.)
   */
  relativeUs?: number[];
  deltaUs?: number[];
  deltaDisplayedUs?: number[];
  /** ROW_MARKED | ROW_TIME_REFERENCE. */
  flags?: number[];
  /** Per requested custom-column field (in request order), each row's text ('' when absent). */
  custom?: string[][];
}

export type ViewResponse =
  | { ok: true; counts: FrameCounts }
  | { ok: false; error: string; position?: number };
