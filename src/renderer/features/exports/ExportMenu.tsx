// Toolbar "Export": the File menu's exports for the browser mode (which has no native menu) and
// beside it in Electron: Packet Dissections (CSV, plain text, JSON), Objects → MSN files, and the
// transcript of a session. Each opens its dialog (ExportDialogs).

import { useCallback, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { IconExport } from '../../components/icons';
import { useDismiss } from '../../components/use-dismiss';
import { useAnalyzer } from '../../store/analyzer-state';
import { useExportDialog, type ExportDialog } from './export-dialogs';

export function ExportMenu() {
  const s = useAnalyzer(useShallow((st) => ({
    hasFrames: st.hasCapture && st.frameCount > 0, files: st.result?.files.length ?? 0, sessions: st.result?.sessions.length ?? 0, session: st.selectedSession,
  })));
  const openDialog = useExportDialog((d) => d.open);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, '[role=menuitem]');
  const choose = (dialog: ExportDialog): void => {
    setOpen(false);
    openDialog(dialog);
  };
  return (
    <span className="menu-anchor" ref={root}>
      <button type="button" className="tool-button" data-testid="export-menu" aria-haspopup="menu" aria-expanded={open} disabled={!s.hasFrames} onClick={() => setOpen((o) => !o)} title="Export packet dissections, recovered files or a transcript">
        <IconExport /> Export
      </button>
      {open && (
        <span className="menu" role="menu" aria-label="Export">
          <button type="button" role="menuitem" className="menu-item" data-testid="export-dissections" onClick={() => choose({ kind: 'dissections' })}>
            Packet Dissections…<span className="menu-hint">CSV · text · JSON</span>
          </button>
          <button type="button" role="menuitem" className="menu-item" data-testid="export-objects" onClick={() => choose({ kind: 'objects' })}>
            Objects → MSN files…<span className="menu-hint">{s.files} file{s.files === 1 ? '' : 's'}</span>
          </button>
          <button type="button" role="menuitem" className="menu-item" data-testid="export-transcript" disabled={s.sessions === 0} onClick={() => choose({ kind: 'transcript', session: s.session })}>
            Transcript…<span className="menu-hint">text · HTML · JSON</span>
          </button>
        </span>
      )}
    </span>
  );
}
