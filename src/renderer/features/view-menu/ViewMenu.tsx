// The toolbar's View menu in the browser mode (the Electron app has it in its menu bar): the
// side panel (Ctrl+Shift+H), its place, the theme (System follows the operating system) and
// Reset layout.

import { useCallback, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ViewAction } from '../../../shared/ipc-contract';
import { useDismiss } from '../../components/use-dismiss';
import { useAnalyzer } from '../../store/analyzer-state';
import { runViewAction } from './view-actions';

export function ViewMenu() {
  const { theme, side } = useAnalyzer(useShallow((s) => ({ theme: s.theme, side: s.sidePanel })));
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, '[role=menuitem]');
  const item = (action: ViewAction, label: string, hint?: string, checked?: boolean) => (
    <button key={action} type="button" role={checked === undefined ? 'menuitem' : 'menuitemradio'} aria-checked={checked} className="menu-item" data-testid={`view-${action}`}
      onClick={() => { setOpen(false); runViewAction(action); }}>
      <span>{checked === undefined ? '' : checked ? '● ' : '○ '}{label}</span>{hint && <span className="menu-hint">{hint}</span>}
    </button>
  );
  return (
    <span className="menu-anchor" ref={root}>
      <button type="button" className="tool-button" data-testid="view-menu" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} title="Layout and theme">
        View
      </button>
      {open && (
        <span className="menu" role="menu" aria-label="View">
          {item('toggle-side-panel', side.collapsed ? 'Show side panel' : 'Hide side panel', 'Ctrl+Shift+H')}
          {item('side-panel-placement', side.placement === 'side' ? 'Side panel below the packets' : 'Side panel beside the packets')}
          <span className="menu-separator" role="separator" />
          {item('theme-system', 'System theme', undefined, theme === 'system')}
          {item('theme-light', 'Light theme', undefined, theme === 'light')}
          {item('theme-dark', 'Dark theme', undefined, theme === 'dark')}
          <span className="menu-separator" role="separator" />
          {item('reset-layout', 'Reset layout', 'columns, panes, side panel')}
        </span>
      )}
    </span>
  );
}
