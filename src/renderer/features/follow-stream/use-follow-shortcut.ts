// Ctrl+Alt+Shift+T follows the selected row's TCP stream, as in Wireshark (both modes: the
// Electron menu has no accelerator for it, so it is not handled twice).

import { useEffect } from 'react';
import { analyzerStore } from '../../store/analyzer-state';
import { selectedStream } from './selected-stream';

export function useFollowShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || !event.shiftKey || event.key.toLowerCase() !== 't') return;
      event.preventDefault();
      const s = analyzerStore.getState();
      const stream = selectedStream(s);
      if (stream >= 0) s.setFollowStream(stream);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
