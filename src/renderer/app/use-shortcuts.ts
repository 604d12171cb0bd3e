// Keyboard shortcuts of the browser mode, the same as the Electron menu's accelerators: Ctrl+O open,
// Ctrl+K start/stop capture, Ctrl+E export, Ctrl+F find (focus the display filter), Ctrl+G go to
// packet, Ctrl+W close. In Electron the menu owns them (and forwards 'menu:action' events), so
// they are not handled twice.

import { useEffect } from 'react';
import type { MenuAction } from './use-backend-events';

const KEYS: Record<string, MenuAction> = { o: 'open', k: 'capture-toggle', e: 'export', f: 'find', g: 'goto', w: 'close' };

export function useShortcuts(enabled: boolean, run: (action: MenuAction) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const action = KEYS[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, run]);
}
