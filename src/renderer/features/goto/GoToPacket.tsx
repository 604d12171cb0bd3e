// "Go to packet" (Ctrl+G): type a frame number, Enter selects it and scrolls it into view.

import { useState } from 'react';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';

export function GoToPacket() {
  const open = useAnalyzer((s) => s.gotoOpen);
  const [text, setText] = useState('');
  if (!open) return null;
  const close = (): void => analyzerStore.getState().setGotoOpen(false);
  const go = (): void => {
    const s = analyzerStore.getState();
    const frame = Number(text.trim());
    if (!Number.isInteger(frame) || frame < 1 || frame > s.frameCount) {
      s.notify('error', `There is no frame ${text.trim() || '(empty)'} in this capture.`);
      return;
    }
    s.selectFrame(frame, true);
    close();
  };
  return (
    <div className="goto-bar" role="dialog" aria-label="Go to packet">
      <label htmlFor="goto-input">Go to packet:</label>
      <input
        id="goto-input"
        data-testid="goto-input"
        autoFocus
        inputMode="numeric"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go();
          else if (e.key === 'Escape') close();
        }}
      />
      <button type="button" className="tool-button" onClick={go}>Go</button>
      <button type="button" className="tool-button" onClick={close}>Cancel</button>
    </div>
  );
}
