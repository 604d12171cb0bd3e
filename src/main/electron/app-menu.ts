// The native menu. File: Open… (native dialog), Open Recent, Open Sample, Close, Save, Export;
// Edit: copy, Find Packet, marks and time references; View: Time Display Format; Go: go to packet,
// next/previous packet and in the conversation; Capture: Start/Stop, Interfaces; Statistics (the
// dialog's four views); Help. Shortcuts for actions the renderer carries out (export, find, go to
// packet, the navigation commands, capture toggle) become 'menu:action' events.

import { Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { EventChannels } from '../../shared/ipc-contract';
import { NAVIGATION_COMMANDS, type NavigationCommand } from '../../shared/navigation-commands';
import { TIME_FORMATS } from '../../shared/time-formats';

export type MenuAction = EventChannels['menu:action']['action'];

export interface MenuHandlers {
  open(): void;
  openPaths(paths: string[]): void;
  openSample(): void;
  close(): void;
  save(msnpOnly: boolean): void;
  /** Forwarded to the renderer as a 'menu:action' event. */
  action(action: MenuAction): void;
  about(): void;
}

export function buildAppMenu(recent: string[], handlers: MenuHandlers, opts: { mac: boolean; devTools: boolean }): Menu {
  const item = (c: NavigationCommand): MenuItemConstructorOptions => ({ label: c.label, accelerator: c.accelerator, click: () => handlers.action(c.action) });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((path) => ({ label: basename(path), sublabel: path, click: () => handlers.openPaths([path]) }))
    : [{ label: 'No recent files', enabled: false }];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => handlers.open() },
      { label: 'Open Recent', submenu: recentItems },
      { label: 'Open Sample Capture', click: () => handlers.openSample() },
      { type: 'separator' },
      { label: 'Save Capture As…', accelerator: 'CmdOrCtrl+S', click: () => handlers.save(false) },
      { label: 'Save MSNP Frames As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => handlers.save(true) },
      { label: 'Export Analysis…', accelerator: 'CmdOrCtrl+Shift+E', click: () => handlers.action('export') },
      { label: 'Export Packet Dissections…', click: () => handlers.action('export-dissections') },
      { label: 'Export Objects', submenu: [{ label: 'MSN Files…', click: () => handlers.action('export-objects') }] },
      { label: 'Export Transcript…', click: () => handlers.action('export-transcript') },
      { type: 'separator' },
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => handlers.close() },
      ...(opts.mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'copy' },
      { role: 'selectAll' },
      { type: 'separator' },
      ...NAVIGATION_COMMANDS.filter((c) => c.menu === 'edit').map(item),
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: [
      { label: 'Go to Packet…', accelerator: 'CmdOrCtrl+G', click: () => handlers.action('goto') },
      ...NAVIGATION_COMMANDS.filter((c) => c.menu === 'go').map(item),
    ],
  };
  const capture: MenuItemConstructorOptions = {
    label: 'Capture',
    submenu: [
      { label: 'Start/Stop Capture', accelerator: 'CmdOrCtrl+E', click: () => handlers.action('capture-toggle') },
      // The renderer's capture panel lists the interfaces; the contract has one action for it.
      { label: 'Interfaces…', click: () => handlers.action('capture-toggle') },
    ],
  };
  const statistics: MenuItemConstructorOptions = {
    label: 'Statistics',
    submenu: [
      { label: 'Capture File Properties', click: () => handlers.action('stats-properties') },
      { label: 'Protocol Hierarchy', click: () => handlers.action('stats-hierarchy') },
      { label: 'Conversations', click: () => handlers.action('stats-conversations') },
      { label: 'Endpoints', click: () => handlers.action('stats-endpoints') },
      { label: 'MSNP Commands', click: () => handlers.action('stats-commands') },
      { type: 'separator' },
      { label: 'Flow Graph', click: () => handlers.action('flow-graph') },
      { label: 'I/O Graph', click: () => handlers.action('stats-io-graph') },
      { label: 'Session Timeline', click: () => handlers.action('stats-timeline') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // The renderer remembers the choice and shows it in its toolbar control.
      { label: 'Time Display Format', submenu: TIME_FORMATS.map((f) => ({ label: f.label, click: () => handlers.action(`time-format-${f.format}`) })) },
      { label: 'Show/Hide Side Panel', accelerator: 'CmdOrCtrl+Shift+H', click: () => handlers.action('toggle-side-panel') },
      { label: 'Side Panel Beside / Below the Packets', click: () => handlers.action('side-panel-placement') },
      {
        label: 'Theme',
        submenu: [
          { label: 'System', click: () => handlers.action('theme-system') },
          { label: 'Light', click: () => handlers.action('theme-light') },
          { label: 'Dark', click: () => handlers.action('theme-dark') },
        ],
      },
      { label: 'Reset Layout', click: () => handlers.action('reset-layout') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(opts.devTools ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ label: 'About MSNP Analyzer', click: () => handlers.about() }] };
  const template: MenuItemConstructorOptions[] = [file, edit, view, go, capture, statistics, help];
  if (opts.mac) template.unshift({ role: 'appMenu' });
  return Menu.buildFromTemplate(template);
}
