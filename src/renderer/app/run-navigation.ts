// Carries out a navigation command (a key, the toolbar's Go menu, or Electron's menu).

import { isTimeFormat } from '../../shared/time-formats';
import type { NavigationAction } from '../../shared/navigation-commands';
import { NAVIGATION_COMMANDS } from '../../shared/navigation-commands';
import { DISPLAY_FILTER_INPUT_ID } from '../features/filter-bar/DisplayFilterBar';
import type { AnalyzerStore } from '../store/analyzer-state';
import type { AnalyzerActions } from './analyzer-actions';

const ACTIONS: ReadonlySet<string> = new Set(NAVIGATION_COMMANDS.map((c) => c.action));

export function isNavigationAction(action: string): action is NavigationAction {
  return ACTIONS.has(action) || (action.startsWith('time-format-') && isTimeFormat(action.slice('time-format-'.length)));
}

export function runNavigation(action: NavigationAction, actions: AnalyzerActions, store: AnalyzerStore): void {
  const s = store.getState();
  switch (action) {
    case 'focus-filter': document.getElementById(DISPLAY_FILTER_INPUT_ID)?.focus(); return;
    case 'find': if (s.hasCapture) s.openFind(); return;
    case 'find-next':
    case 'find-previous':
      // Without a query there is nothing to repeat: open the bar instead, as Wireshark does.
      if (s.findQuery.text.trim() === '') s.openFind();
      else void actions.find(action === 'find-next' ? 'next' : 'previous');
      return;
    case 'next-packet': void actions.moveTo('packet', 'next'); return;
    case 'previous-packet': void actions.moveTo('packet', 'previous'); return;
    case 'next-in-conversation': void actions.moveTo('conversation', 'next'); return;
    case 'previous-in-conversation': void actions.moveTo('conversation', 'previous'); return;
    case 'next-mark': void actions.moveTo('marked', 'next'); return;
    case 'previous-mark': void actions.moveTo('marked', 'previous'); return;
    case 'mark': void actions.mark('toggle'); return;
    case 'mark-displayed': void actions.mark('mark-displayed'); return;
    case 'unmark-all': void actions.mark('unmark-all'); return;
    case 'time-reference': void actions.timeReference('toggle'); return;
    case 'clear-time-references': void actions.timeReference('clear'); return;
    default: {
      const format = action.slice('time-format-'.length);
      if (isTimeFormat(format)) actions.setTimeDisplay({ format });
    }
  }
}
