// What the View menu does to the window's layout: collapse or show the side panel, move it beside
// or below the packet panes, pick the theme, reset the layout. Shared by Electron's View menu
// (menu:action events), the browser mode's toolbar View menu and the keyboard shortcut.

import type { ViewAction } from '../../../shared/ipc-contract';
import { analyzerStore } from '../../store/analyzer-state';

export const VIEW_ACTIONS: readonly ViewAction[] = ['reset-layout', 'toggle-side-panel', 'side-panel-placement', 'theme-system', 'theme-light', 'theme-dark'];

export const isViewAction = (action: unknown): action is ViewAction => VIEW_ACTIONS.includes(action as ViewAction);

export function runViewAction(action: ViewAction): void {
  const s = analyzerStore.getState();
  switch (action) {
    case 'reset-layout': s.resetLayout(); break;
    case 'toggle-side-panel': s.setSidePanel({ collapsed: !s.sidePanel.collapsed }); break;
    case 'side-panel-placement': s.setSidePanel({ placement: s.sidePanel.placement === 'side' ? 'bottom' : 'side', collapsed: false }); break;
    case 'theme-system': s.setTheme('system'); break;
    case 'theme-light': s.setTheme('light'); break;
    case 'theme-dark': s.setTheme('dark'); break;
  }
}
