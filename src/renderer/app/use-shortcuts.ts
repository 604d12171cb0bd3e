// Keyboard shortcuts of the browser mode, the same as the Electron menu's accelerators: Ctrl+O open,
// Ctrl+E start/stop capture, Ctrl+Shift+E export, Ctrl+G go to packet, Ctrl+W close, Ctrl+Shift+H
// show/hide the side panel, and the navigation commands of src/shared/navigation-commands.ts
// (Ctrl+F Find Packet, Ctrl+/ the display filter, Ctrl+↑/↓, Ctrl+, / Ctrl+., marks, time
// references), wherever the focus is. In Electron the menu owns them (and forwards 'menu:action'
// events), so they are not handled twice.

import { useEffect } from 'react';
import { commandForKey } from '../../shared/navigation-commands';
import type { MenuAction } from './use-backend-events';

const KEYS: Record<string, MenuAction> = { o: 'open', e: 'capture-toggle', g: 'goto', w: 'close' };
const SHIFT_KEYS: Record<string, MenuAction> = { e: 'export', h: 'toggle-side-panel' };

export function useShortcuts(enabled: boolean, run: (action: MenuAction) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      const command = commandForKey(event);
      if (command) {
        event.preventDefault();
        run(command.action);
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const action = (event.shiftKey ? SHIFT_KEYS : KEYS)[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, run]);
}
