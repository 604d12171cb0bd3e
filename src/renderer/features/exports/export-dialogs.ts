// Which export dialog is open (File → Export Packet Dissections, Export Objects → MSN files,
// Export Transcript), in a small store of its own: opened from the toolbar's Export menu, the
// Electron File menu (menu:action) and the transcript's Export button.

import { create } from 'zustand';

export type ExportDialog = { kind: 'dissections' } | { kind: 'objects' } | { kind: 'transcript'; session: number | null };

interface ExportDialogState {
  dialog: ExportDialog | null;
  open(dialog: ExportDialog): void;
  close(): void;
}

export const useExportDialog = create<ExportDialogState>((set) => ({
  dialog: null,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));
