// Toolbar "Save…": Wireshark's Export Specified Packets for the capture (file or live, during or
// after the capture): all frames, those the display filter shows, the marked ones, or only those of MSNP
// connections, optionally narrowed to a range of frame numbers, as pcapng or pcap. The browser
// mode has no File menu, so this is where saving lives there; in Electron it mirrors File > Save.
// Where the file goes is the actions' business (a save dialog in Electron, a download in the browser).

import { useCallback, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CaptureFileFormat, SaveRequest } from '../../../shared/ipc-contract';
import { useActions } from '../../app/analyzer-context';
import { IconSave } from '../../components/icons';
import { useDismiss } from '../../components/use-dismiss';
import { formatCount } from '../../format/time-format';
import { useAnalyzer } from '../../store/analyzer-state';

type Choice = 'all' | 'displayed' | 'marked' | 'msnp';

export function SaveMenu() {
  const actions = useActions();
  const s = useAnalyzer(useShallow((st) => ({ canSave: st.hasCapture && st.frameCount > 0, filtered: st.appliedFilter !== '', shown: st.displayedCount, marked: st.markedCount })));
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [range, setRange] = useState('');
  const [format, setFormat] = useState<CaptureFileFormat>('pcapng');
  const root = useRef<HTMLSpanElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, '[role=menuitem]');

  async function save(choice: Choice): Promise<void> {
    setOpen(false);
    setSaving(true);
    const request: SaveRequest = { msnpOnly: choice === 'msnp', format };
    if (choice === 'displayed') request.displayedOnly = true;
    if (choice === 'marked') request.markedOnly = true;
    if (range.trim() !== '') request.range = range.trim();
    try {
      await actions.saveCapture(request);
    } finally {
      setSaving(false);
    }
  }

  const choices: { choice: Choice; label: string; testId: string; hint?: string }[] = [
    { choice: 'all', label: 'All frames', testId: 'capture-save-all' },
    ...(s.filtered ? [{ choice: 'displayed' as const, label: 'Displayed frames', testId: 'capture-save-displayed', hint: formatCount(s.shown) }] : []),
    ...(s.marked > 0 ? [{ choice: 'marked' as const, label: 'Marked frames', testId: 'capture-save-marked', hint: formatCount(s.marked) }] : []),
    { choice: 'msnp', label: 'MSNP frames only', testId: 'capture-save-msnp' },
  ];
  return (
    <span className="menu-anchor" ref={root}>
      <button
        type="button"
        className="tool-button"
        data-testid="capture-save"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!s.canSave || saving}
        onClick={() => setOpen((o) => !o)}
        title="Save the capture: all frames, the displayed ones, or only those of MSNP connections, as pcapng or pcap"
      >
        <IconSave /> {saving ? 'Saving…' : 'Save…'}
      </button>
      {open && (
        <span className="menu" role="menu" aria-label="Save the capture">
          {choices.map((c) => (
            <button key={c.testId} type="button" role="menuitem" className="menu-item" data-testid={c.testId} onClick={() => void save(c.choice)}>
              {c.label}<span className="menu-hint">{c.hint ? `${c.hint} · ` : ''}{format}</span>
            </button>
          ))}
          <label className="menu-field">
            Frames
            <input
              data-testid="capture-save-range"
              placeholder="all, or e.g. 1-100, 250, 300-"
              value={range}
              spellCheck={false}
              onChange={(e) => setRange(e.target.value)}
            />
          </label>
          <span className="menu-field segmented" role="group" aria-label="File format">
            {(['pcapng', 'pcap'] as const).map((f) => (
              <button key={f} type="button" data-testid={`capture-save-format-${f}`} aria-pressed={format === f} onClick={() => setFormat(f)}>{f}</button>
            ))}
          </span>
        </span>
      )}
    </span>
  );
}
