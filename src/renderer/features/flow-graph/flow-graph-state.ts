// Which flow graph the window shows (its own small store, so opening it from a menu, a packet row
// or a session row needs nothing of the app's store): the selection, one arrow per command or per
// frame, and the frame to land on when it opens.

import { create } from 'zustand';
import type { FlowScope, FlowUnit } from '../../../shared/flow-graph';

export interface FlowGraphView {
  scope: FlowScope;
  /** Scroll to the first arrow at or after this frame when the graph opens. */
  frame: number | null;
}

interface FlowGraphState {
  view: FlowGraphView | null;
  unit: FlowUnit;
  /** Arrows as a diagram or as their table (the text equivalent). */
  shown: 'diagram' | 'table';
  open(scope: FlowScope, frame?: number | null): void;
  close(): void;
  setUnit(unit: FlowUnit): void;
  setShown(shown: 'diagram' | 'table'): void;
}

export const useFlowGraph = create<FlowGraphState>((set) => ({
  view: null,
  unit: 'command',
  shown: 'diagram',
  open: (scope, frame = null) => set({ view: { scope, frame } }),
  close: () => set({ view: null }),
  setUnit: (unit) => set({ unit }),
  setShown: (shown) => set({ shown }),
}));

export const openFlowGraph = (scope: FlowScope, frame?: number | null): void => useFlowGraph.getState().open(scope, frame);
