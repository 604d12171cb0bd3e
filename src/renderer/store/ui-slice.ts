// View preferences and transient UI state: time format, side tab, selected session, notices,
// drag overlay, the go-to-packet box, the Statistics view, the followed TCP stream and pane sizes.

import type { StateCreator } from 'zustand';
import type { StatsViewKind } from '../../shared/statistics';
import type { TimeFormat } from '../format/time-display';
import type { AnalyzerState } from './analyzer-state';

export type { TimeFormat };
export type SideTab = 'sessions' | 'transcript' | 'endpoints' | 'contacts' | 'files' | 'expert';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface PaneLayout {
  /** Share of the left column's height given to the packet list. */
  listFraction: number;
  /** Share of the bottom row's width given to the command tree. */
  treeFraction: number;
  /** Width of the side panel in pixels. */
  sideWidth: number;
  /** Height of the side panel when it is detached into the lower pane, in pixels. */
  sideHeight: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The panes' first sizes: a side panel of about 30 % of the window, so the bytes pane shows its text column at 1400 px. */
export function initialPaneLayout(windowWidth = globalThis.innerWidth ?? 1600): PaneLayout {
  return { listFraction: 0.55, treeFraction: 0.42, sideWidth: Math.round(clamp(windowWidth * 0.3, 300, 540)), sideHeight: 260 };
}

export interface UiData {
  timeFormat: TimeFormat;
  sideTab: SideTab;
  selectedSession: number | null;
  notice: Notice | null;
  gotoOpen: boolean;
  /** The Statistics dialog's view, null when it is closed. */
  statsView: StatsViewKind | null;
  /** tcp.stream shown in the Follow Stream dialog; null when it is closed. */
  followStream: number | null;
  dragActive: boolean;
  layout: PaneLayout;
}

export interface UiSlice extends UiData {
  setTimeFormat(format: TimeFormat): void;
  setSideTab(tab: SideTab): void;
  openSession(id: number | null): void;
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(): void;
  setGotoOpen(open: boolean): void;
  setStatsView(view: StatsViewKind | null): void;
  setFollowStream(stream: number | null): void;
  setDragActive(active: boolean): void;
  resizePanes(change: Partial<PaneLayout>): void;
}

export function initialUi(): UiData {
  return {
    timeFormat: 'relative', sideTab: 'sessions', selectedSession: null, notice: null, gotoOpen: false, statsView: null, followStream: null, dragActive: false,
    layout: initialPaneLayout(),
  };
}

export function makeNotice(previous: Notice | null, kind: Notice['kind'], text: string): Notice {
  return { id: (previous?.id ?? 0) + 1, kind, text };
}

export function resizeLayout(layout: PaneLayout, change: Partial<PaneLayout>): PaneLayout {
  const next = { ...layout, ...change };
  return {
    listFraction: clamp(next.listFraction, 0.15, 0.85),
    treeFraction: clamp(next.treeFraction, 0.2, 0.8),
    // Bounded only by what stays usable; the workspace keeps room for the packet panes.
    sideWidth: clamp(next.sideWidth, 200, 3000),
    sideHeight: clamp(next.sideHeight, 120, 2000),
  };
}

export const createUiSlice: StateCreator<AnalyzerState, [], [], UiSlice> = (set) => ({
  ...initialUi(),
  setTimeFormat: (timeFormat) => set({ timeFormat }),
  setSideTab: (sideTab) => set({ sideTab }),
  openSession: (selectedSession) => set(selectedSession === null ? { selectedSession } : { selectedSession, sideTab: 'transcript' }),
  notify: (kind, text) => set((s) => ({ notice: makeNotice(s.notice, kind, text) })),
  dismissNotice: () => set({ notice: null }),
  setGotoOpen: (gotoOpen) => set({ gotoOpen }),
  setStatsView: (statsView) => set({ statsView }),
  setFollowStream: (followStream) => set({ followStream }),
  setDragActive: (dragActive) => set({ dragActive }),
  resizePanes: (change) => set((s) => ({ layout: resizeLayout(s.layout, change) })),
});
