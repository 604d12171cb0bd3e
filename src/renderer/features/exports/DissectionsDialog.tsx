// File → Export Packet Dissections (Wireshark's dialog of that name): the packet list as CSV, the
// details as plain text or JSON; every frame or those the display filter shows, narrowed by a
// range. The back end writes the file frame by frame; here only the choice is made.

import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DissectionFormat } from '../../../shared/export-requests';
import { useActions } from '../../app/analyzer-context';
import { formatCount } from '../../format/time-format';
import { useAnalyzer } from '../../store/analyzer-state';
import { ExportDialogFrame } from './ExportDialogFrame';

const FORMATS: { format: DissectionFormat; label: string; hint: string }[] = [
  { format: 'csv', label: 'As CSV', hint: 'the packet list’s columns, one row a packet' },
  { format: 'text', label: 'As Plain Text', hint: 'each packet’s summary line and its whole tree' },
  { format: 'json', label: 'As JSON', hint: 'frame number, fields and tree of each packet' },
];

export function DissectionsDialog({ onClose }: { onClose(): void }) {
  const actions = useActions();
  const s = useAnalyzer(useShallow((st) => ({ frames: st.frameCount, shown: st.displayedCount, filter: st.appliedFilter, timeFormat: st.timeFormat })));
  const [format, setFormat] = useState<DissectionFormat>('csv');
  const [displayedOnly, setDisplayedOnly] = useState(s.filter !== '');
  const [range, setRange] = useState('');
  const [busy, setBusy] = useState(false);

  async function exportNow(): Promise<void> {
    setBusy(true);
    try {
      await actions.exportDissections({ format, displayedOnly, ...(range.trim() ? { range: range.trim() } : {}), time: s.timeFormat === 'absolute-utc' ? 'absolute' : 'relative' });
      onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <ExportDialogFrame
      title="Export Packet Dissections"
      testId="dissections-dialog"
      onClose={onClose}
      buttons={<button type="button" className="tool-button primary" data-testid="dissections-export" disabled={busy} onClick={() => void exportNow()}>{busy ? 'Exporting…' : 'Export'}</button>}
    >
      <fieldset className="export-choices">
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.format}>
            <input type="radio" name="dissection-format" data-testid={`dissections-format-${f.format}`} data-autofocus={f.format === format ? '' : undefined} checked={format === f.format} onChange={() => setFormat(f.format)} />
            {f.label} <span className="menu-hint">{f.hint}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="export-choices">
        <legend>Packets</legend>
        <label>
          <input type="radio" name="dissection-frames" data-testid="dissections-all" checked={!displayedOnly} onChange={() => setDisplayedOnly(false)} />
          All packets <span className="menu-hint">{formatCount(s.frames)}</span>
        </label>
        <label>
          <input type="radio" name="dissection-frames" data-testid="dissections-displayed" checked={displayedOnly} onChange={() => setDisplayedOnly(true)} />
          Displayed <span className="menu-hint">{formatCount(s.shown)}{s.filter ? '' : ' (no display filter)'}</span>
        </label>
        <label className="export-range">
          Range
          <input data-testid="dissections-range" placeholder="all, or e.g. 1-100, 250, 300-" value={range} spellCheck={false} onChange={(e) => setRange(e.target.value)} />
        </label>
      </fieldset>
      <p className="export-note">Packets go in frame order; the Time column is written {s.timeFormat === 'absolute-utc' ? 'as absolute UTC time' : 'as seconds since the first packet'} (the export knows these two formats).</p>
    </ExportDialogFrame>
  );
}
