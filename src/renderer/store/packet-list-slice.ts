// The packet list as the renderer sees it: its size and display-order version (from the back
// end's frames:count events and page answers), the sort, and the cache of rows around what is on
// screen. Rows are asked for by display position (analyzer-actions.ts fetchRows).

import type { StateCreator } from 'zustand';
import type { FrameCounts, SortSpec } from '../../shared/packet-page';
import type { AnalyzerState } from './analyzer-state';
import { RowCache } from './row-cache';

export interface PacketListData {
  /** Frames read so far. */
  frameCount: number;
  /** Frames the display filter shows. */
  displayedCount: number;
  listVersion: number;
  /** Time of the first frame, for the relative time column. */
  firstTimeUs: number | null;
  sort: SortSpec | null;
  rowCache: RowCache;
  /** Bumped when rows arrive, so the list renders them. */
  rowsArrived: number;
  /** A sort or filter is being applied by the back end. */
  viewPending: boolean;
  /** Frames marked (Ctrl+M) in the whole capture, as the back end last said. */
  markedCount: number;
}

export type PacketListSlice = PacketListData;

export function initialPacketList(): PacketListData {
  return { frameCount: 0, displayedCount: 0, listVersion: 0, firstTimeUs: null, sort: null, rowCache: new RowCache(0), rowsArrived: 0, viewPending: false, markedCount: 0 };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Adopts newer counts; a new version throws the cached rows away. Older versions are ignored. */
export function receiveCounts(state: PacketListData, counts: FrameCounts): Partial<PacketListData> {
  if (!isCount(counts.frames) || !isCount(counts.displayed) || !isCount(counts.version)) throw new Error('malformed frame counts');
  if (counts.version < state.listVersion) return {};
  const firstTimeUs = typeof counts.firstTimeUs === 'number' ? counts.firstTimeUs : state.firstTimeUs;
  const changed = counts.version !== state.listVersion;
  if (!changed && counts.frames === state.frameCount && counts.displayed === state.displayedCount && firstTimeUs === state.firstTimeUs) return {};
  return {
    frameCount: counts.frames,
    displayedCount: counts.displayed,
    firstTimeUs,
    ...(typeof counts.marked === 'number' && Number.isSafeInteger(counts.marked) ? { markedCount: counts.marked } : {}),
    ...(changed ? { listVersion: counts.version, rowCache: new RowCache(counts.version, state.rowCache) } : {}),
  };
}

export const createPacketListSlice: StateCreator<AnalyzerState, [], [], PacketListSlice> = () => initialPacketList();
