// Toolbar "Save…": the capture (file or live, during or after the capture) as pcapng, with all
// frames or only those of MSNP connections. The browser mode has no File menu, so this is where
// saving lives there; in Electron it mirrors File > Save. Where the file goes is the actions'
// business (a save dialog in Electron, a download in the browser).

import { useEffect, useRef, useState } from 'react';
import { useActions } from '../../app/analyzer-context';
import { IconSave } from '../../components/icons';
import { useAnalyzer } from '../../store/analyzer-state';

const CHOICES = [
  { msnpOnly: false, label: 'All frames', testId: 'capture-save-all' },
  { msnpOnly: true, label: 'MSNP frames only', testId: 'capture-save-msnp' },
] as const;

export function SaveMenu() {
  const actions = useActions();
  const canSave = useAnalyzer((s) => s.hasCapture && s.frameCount > 0);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  async function save(msnpOnly: boolean): Promise<void> {
    setOpen(false);
    setSaving(true);
    try {
      await actions.saveCapture(msnpOnly);
    } finally {
      setSaving(false);
    }
  }

  return (
    <span className="menu-anchor" ref={root}>
      <button
        type="button"
        className="tool-button"
        data-testid="capture-save"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!canSave || saving}
        onClick={() => setOpen((o) => !o)}
        title="Save the capture as pcapng (all frames, or only those of MSNP connections)"
      >
        <IconSave /> {saving ? 'Saving…' : 'Save…'}
      </button>
      {open && (
        <span className="menu" role="menu" aria-label="Save the capture as pcapng">
          {CHOICES.map((c) => (
            <button key={c.testId} type="button" role="menuitem" className="menu-item" data-testid={c.testId} onClick={() => void save(c.msnpOnly)}>
              {c.label}<span className="menu-hint">pcapng</span>
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
