// The I/O graph's lines and interval, kept while the Statistics dialog closes and opens again (a
// click on a point closes it to show the packet): a small store of its own, not the app's.

import { create } from 'zustand';
import type { IoMetric } from '../../../shared/io-graph';

export interface IoGraphLineSetting {
  id: number;
  enabled: boolean;
  metric: IoMetric;
  /** The filter as applied (the editor holds the text being typed). */
  filter: string;
}

interface IoGraphSettings {
  /** null: automatic. */
  intervalUs: number | null;
  lines: IoGraphLineSetting[];
  setInterval(intervalUs: number | null): void;
  updateLine(id: number, change: Partial<Omit<IoGraphLineSetting, 'id'>>): void;
  addLine(): void;
  removeLine(id: number): void;
}

let nextId = 4;

/** As Wireshark starts: all packets; here also the MSNP commands and chat messages. */
export const DEFAULT_LINES: readonly IoGraphLineSetting[] = [
  { id: 1, enabled: true, metric: 'packets', filter: '' },
  { id: 2, enabled: true, metric: 'commands', filter: 'msnp' },
  { id: 3, enabled: true, metric: 'messages', filter: '' },
];

export const useIoGraphSettings = create<IoGraphSettings>((set) => ({
  intervalUs: null,
  lines: [...DEFAULT_LINES],
  setInterval: (intervalUs) => set({ intervalUs }),
  updateLine: (id, change) => set((s) => ({ lines: s.lines.map((l) => (l.id === id ? { ...l, ...change } : l)) })),
  addLine: () => set((s) => ({ lines: [...s.lines, { id: nextId++, enabled: true, metric: 'packets', filter: '' }] })),
  removeLine: (id) => set((s) => ({ lines: s.lines.filter((l) => l.id !== id) })),
}));
