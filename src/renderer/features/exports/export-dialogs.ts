// Which export dialog is open (File → Export Packet Dissections, Export Objects → MSN files,
// Export Transcript), in a small store of its own: opened from the toolbar's Export menu, the
// Electron File menu (menu:action), the transcript's Export button and the Files tab's row menu.

import { create } from 'zustand';

/** `index`: the recovered file selected when the dialog opens (result.files order). */
export type ExportDialog = { kind: 'dissections' } | { kind: 'objects'; index?: number } | { kind: 'transcript'; session: number | null };

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
