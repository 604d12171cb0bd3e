// Toolbar "Go": the navigation commands of Wireshark's Edit and Go menus with their keys (the
// browser mode has no menu bar; in Electron its Edit and Go menus carry the same commands).

import { useCallback, useRef, useState } from 'react';
import { NAVIGATION_COMMANDS } from '../../../shared/navigation-commands';
import { useActions } from '../../app/analyzer-context';
import { runNavigation } from '../../app/run-navigation';
import { useDismiss } from '../../components/use-dismiss';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';

export function NavigationMenu() {
  const actions = useActions();
  const hasCapture = useAnalyzer((s) => s.hasCapture && s.frameCount > 0);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, '[role=menuitem]');
  const groups = (['go', 'edit'] as const).map((menu) => NAVIGATION_COMMANDS.filter((c) => c.menu === menu));
  return (
    <span className="menu-anchor" ref={root}>
      <button type="button" className="tool-button" data-testid="navigation-menu" aria-haspopup="menu" aria-expanded={open} disabled={!hasCapture} onClick={() => setOpen((o) => !o)} title="Go to packets, find, mark, time references">
        Go
      </button>
      {open && (
        <span className="menu" role="menu" aria-label="Go">
          {groups.map((commands, g) => [
            g > 0 && <span key={`separator-${g}`} className="menu-separator" role="separator" />,
            ...commands.map((c) => (
              <button key={c.action} type="button" role="menuitem" className="menu-item" data-testid={`nav-${c.action}`} onClick={() => { setOpen(false); runNavigation(c.action, actions, analyzerStore); }}>
                {c.label}<span className="menu-hint">{c.keys}</span>
              </button>
            )),
          ])}
        </span>
      )}
    </span>
  );
}
