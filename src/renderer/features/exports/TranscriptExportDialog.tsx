// Export Transcript: a session's chat as plain text, as one self-contained HTML page that runs no
// script, or as JSON. Opened from the transcript's Export button (on its session), the toolbar's
// Export menu and the Electron File menu (on the session selected, if any).

import { useState } from 'react';
import type { SessionRecord } from '../../../shared/model';
import type { TranscriptFormat } from '../../../shared/export-requests';
import { participantsText } from '../../../shared/session-summary';
import { showInvisible } from '../../../shared/visible-text';
import { useActions } from '../../app/analyzer-context';
import { useAnalyzer } from '../../store/analyzer-state';
import { ExportDialogFrame } from './ExportDialogFrame';

const NO_SESSIONS: SessionRecord[] = [];

const FORMATS: { format: TranscriptFormat; label: string }[] = [
  { format: 'text', label: 'Text' },
  { format: 'html', label: 'HTML' },
  { format: 'json', label: 'JSON' },
];

export function TranscriptExportDialog({ session, onClose }: { session: number | null; onClose(): void }) {
  const actions = useActions();
  const sessions = useAnalyzer((s) => s.result?.sessions ?? NO_SESSIONS);
  const [chosen, setChosen] = useState<number | null>(session ?? sessions[0]?.id ?? null);
  const [busy, setBusy] = useState(false);

  async function exportAs(format: TranscriptFormat): Promise<void> {
    if (chosen === null) return;
    setBusy(true);
    try {
      await actions.exportTranscript(chosen, format);
      onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <ExportDialogFrame
      title="Export Transcript"
      testId="transcript-export-dialog"
      onClose={onClose}
      buttons={FORMATS.map((f) => (
        <button key={f.format} type="button" className="tool-button" data-testid={`transcript-export-${f.format}`} disabled={busy || chosen === null} onClick={() => void exportAs(f.format)}>
          {f.label}
        </button>
      ))}
    >
      <label className="export-range">
        Session
        <select data-autofocus="" data-testid="transcript-export-session" value={chosen ?? ''} onChange={(e) => setChosen(e.target.value === '' ? null : Number(e.target.value))}>
          {sessions.map((s) => <option key={s.id} value={s.id}>{`Session ${s.id}: ${showInvisible(participantsText(s))} (${s.messages.length} messages)`}</option>)}
        </select>
      </label>
      <p className="export-note">HTML is one self-contained page: everything captured is escaped, hidden characters are shown as ⟨U+…⟩ markers, and its Content-Security-Policy allows no script and no external resource.</p>
    </ExportDialogFrame>
  );
}
