// Wireshark's navigation commands and their keys, named once for Electron's menu (accelerators)
// and the browser mode's key handler and toolbar menu. Ctrl is Cmd on macOS.

import type { TimeFormat } from './time-formats';

export type NavigationAction =
  | 'find' | 'find-next' | 'find-previous' | 'focus-filter'
  | 'next-packet' | 'previous-packet' | 'next-in-conversation' | 'previous-in-conversation'
  | 'mark' | 'mark-displayed' | 'unmark-all' | 'next-mark' | 'previous-mark'
  | 'time-reference' | 'clear-time-references'
  | `time-format-${TimeFormat}`;

export interface NavigationCommand {
  action: NavigationAction;
  label: string;
  /** KeyboardEvent.key, lower case, pressed with Ctrl (and Shift / Alt when said). */
  key: string;
  shift?: boolean;
  alt?: boolean;
  /** Electron's accelerator. */
  accelerator: string;
  /** How the key is written for people. */
  keys: string;
  menu: 'edit' | 'go';
}

export const NAVIGATION_COMMANDS: readonly NavigationCommand[] = [
  { action: 'find', label: 'Find Packet…', key: 'f', accelerator: 'CmdOrCtrl+F', keys: 'Ctrl+F', menu: 'edit' },
  { action: 'find-next', label: 'Find Next', key: 'n', accelerator: 'CmdOrCtrl+N', keys: 'Ctrl+N', menu: 'edit' },
  { action: 'find-previous', label: 'Find Previous', key: 'b', accelerator: 'CmdOrCtrl+B', keys: 'Ctrl+B', menu: 'edit' },
  { action: 'mark', label: 'Mark/Unmark Packet', key: 'm', accelerator: 'CmdOrCtrl+M', keys: 'Ctrl+M', menu: 'edit' },
  { action: 'mark-displayed', label: 'Mark All Displayed', key: 'm', shift: true, accelerator: 'CmdOrCtrl+Shift+M', keys: 'Ctrl+Shift+M', menu: 'edit' },
  { action: 'unmark-all', label: 'Unmark All', key: 'm', alt: true, accelerator: 'CmdOrCtrl+Alt+M', keys: 'Ctrl+Alt+M', menu: 'edit' },
  { action: 'next-mark', label: 'Next Mark', key: 'n', shift: true, accelerator: 'CmdOrCtrl+Shift+N', keys: 'Ctrl+Shift+N', menu: 'edit' },
  { action: 'previous-mark', label: 'Previous Mark', key: 'b', shift: true, accelerator: 'CmdOrCtrl+Shift+B', keys: 'Ctrl+Shift+B', menu: 'edit' },
  { action: 'time-reference', label: 'Set/Unset Time Reference', key: 't', accelerator: 'CmdOrCtrl+T', keys: 'Ctrl+T', menu: 'edit' },
  { action: 'clear-time-references', label: 'Unset All Time References', key: 't', alt: true, accelerator: 'CmdOrCtrl+Alt+T', keys: 'Ctrl+Alt+T', menu: 'edit' },
  { action: 'next-packet', label: 'Next Packet', key: 'arrowdown', accelerator: 'CmdOrCtrl+Down', keys: 'Ctrl+↓', menu: 'go' },
  { action: 'previous-packet', label: 'Previous Packet', key: 'arrowup', accelerator: 'CmdOrCtrl+Up', keys: 'Ctrl+↑', menu: 'go' },
  { action: 'next-in-conversation', label: 'Next Packet in Conversation', key: '.', accelerator: 'CmdOrCtrl+.', keys: 'Ctrl+.', menu: 'go' },
  { action: 'previous-in-conversation', label: 'Previous Packet in Conversation', key: ',', accelerator: 'CmdOrCtrl+,', keys: 'Ctrl+,', menu: 'go' },
  { action: 'focus-filter', label: 'Display Filter', key: '/', accelerator: 'CmdOrCtrl+/', keys: 'Ctrl+/', menu: 'go' },
];

/** The command a key press means, or undefined. */
export function commandForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): NavigationCommand | undefined {
  if (!(event.ctrlKey || event.metaKey)) return undefined;
  const key = event.key.toLowerCase();
  return NAVIGATION_COMMANDS.find((c) => c.key === key && !!c.shift === event.shiftKey && !!c.alt === event.altKey);
}
