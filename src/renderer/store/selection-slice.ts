// The selected frame, its detail (fetched from the back end on selection, never streamed), the
// selected command-tree node and the byte range it highlights.

import type { StateCreator } from 'zustand';
import type { FrameDetail } from '../../shared/model';
import type { AnalyzerState } from './analyzer-state';

export type DetailStatus = 'none' | 'loading' | 'ready' | 'missing' | 'error';

export interface SelectionData {
  selectedFrame: number | null;
  /** Display position of the selected frame in the packet list; null when not known yet (or hidden). */
  selectedPosition: number | null;
  detail: FrameDetail | null;
  detailStatus: DetailStatus;
  /** Path of the selected tree node, e.g. "3/0/2". */
  selectedNode: string | null;
  highlight: [number, number] | null;
  /** Bumped when the packet list must scroll the selection into view. */
  scrollToken: number;
}

export interface SelectionSlice extends SelectionData {
  selectFrame(frame: number | null, scrollIntoView?: boolean, position?: number | null): void;
  selectNode(path: string | null, range: [number, number] | null): void;
}

export function initialSelection(): SelectionData {
  return { selectedFrame: null, selectedPosition: null, detail: null, detailStatus: 'none', selectedNode: null, highlight: null, scrollToken: 0 };
}

/**
 * Selects a frame. `position` is its display position when the caller knows it (a click in the
 * list, a key); otherwise the packet list asks the back end where it is (scrollIntoView).
 */
export function selectFrame(state: SelectionData, frame: number | null, scrollIntoView: boolean, position: number | null = null): Partial<SelectionData> {
  const scrollToken = scrollIntoView ? state.scrollToken + 1 : state.scrollToken;
  if (frame === state.selectedFrame) {
    const known = position ?? state.selectedPosition;
    const moved = known !== state.selectedPosition ? { selectedPosition: known } : {};
    return scrollIntoView ? { scrollToken, ...moved } : moved;
  }
  if (frame === null) return { ...initialSelection(), scrollToken };
  return { selectedFrame: frame, selectedPosition: position, detail: null, detailStatus: 'loading', selectedNode: null, highlight: null, scrollToken };
}

/** A detail answer; ignored when the user has moved on to another frame meanwhile. */
export function receiveDetail(state: SelectionData, frame: number, detail: FrameDetail | null | 'error'): Partial<SelectionData> {
  if (frame !== state.selectedFrame) return {};
  if (detail === 'error') return { detail: null, detailStatus: 'error' };
  if (detail === null) return { detail: null, detailStatus: 'missing' };
  return { detail: normalizeDetail(detail), detailStatus: 'ready' };
}

/** Bytes may arrive as a plain array from a JSON transport; the views need a Uint8Array. */
function normalizeDetail(detail: FrameDetail): FrameDetail {
  if (detail.bytes instanceof Uint8Array) return detail;
  const raw = detail.bytes as unknown;
  const bytes = Array.isArray(raw) ? Uint8Array.from(raw as number[]) : new Uint8Array(0);
  return { ...detail, bytes, tree: Array.isArray(detail.tree) ? detail.tree : [] };
}

export const createSelectionSlice: StateCreator<AnalyzerState, [], [], SelectionSlice> = (set) => ({
  ...initialSelection(),
  selectFrame: (frame, scrollIntoView = false, position = null) => set((s) => selectFrame(s, frame, scrollIntoView, position)),
  selectNode: (selectedNode, highlight) => set({ selectedNode, highlight }),
});
