// The Electron shell (bundled to dist/main/electron-main.js), deliberately thin: one locked-down
// window showing the renderer from app://renderer, the native menu and dialogs, and the same
// AnalyzerBackend the browser mode uses, reached through ipc-main.ts. Capture paths on the
// command line (or from a second launch, or macOS "open file") are opened in the window. Where a
// save, export or ring of capture files goes is asked here, in the main process, with native
// dialogs (ask-where-dialog.ts): no request from the renderer carries a path to write.

import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RequestChannel } from '../../shared/ipc-contract';
import { AnalyzerBackend } from '../backend/analyzer-backend';
import { CANCELLED } from '../backend/ask-where';
import { spawnAnalysisWorker } from '../backend/worker-client';
import { helperPathFor } from '../capture/capture-launch';
import { LiveCapture } from '../capture/live-capture';
import { contentSecurityPolicy } from '../server/security-headers';
import { buildAppMenu, type MenuAction } from './app-menu';
import { askWhereWithDialogs } from './ask-where-dialog';
import { isRendererUrl, RENDERER_URL } from './channel-allowlist';
import { registerIpc, sendEvent } from './ipc-main';
import { registerRendererScheme, serveRenderer } from './renderer-protocol';
import { forkCaptureUtility } from './utility-capture';
import { loadWindowState, trackWindowState } from './window-state';

const distMain = dirname(fileURLToPath(import.meta.url));
/** Files that child processes and worker threads read cannot stay inside app.asar (see electron-builder.yml). */
const unpacked = (path: string) => path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
const samplePath = unpacked(join(distMain, '..', '..', 'assets', 'sample.pcap'));
const CAPTURE_EXTENSIONS = ['pcap', 'pcapng', 'cap', 'gz', 'ntar'];

function capturePaths(argv: string[]): string[] {
  return argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && existsSync(a) && statSync(a).isFile());
}

/** No remote content, no navigation, no new windows, no permissions, a CSP on every response. */
function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(null)] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isRendererUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isRendererUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

async function main(early: string[], stopEarly: () => void): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  serveRenderer(join(distMain, '..', 'renderer'));
  hardenSessions();

  const state = loadWindowState(userData, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(state.positioned ? state.bounds : { width: state.bounds.width, height: state.bounds.height }),
    show: false,
    title: 'MSNP Analyzer',
    webPreferences: {
      preload: join(distMain, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, userData);
  const backend = new AnalyzerBackend({
    configDir: userData,
    samplePath,
    askWhere: askWhereWithDialogs(win),
    // The capture helper when installed (the one binary with capture privileges), else a utility process.
    liveCapture: new LiveCapture({ script: unpacked(join(distMain, 'capture-process.js')), helper: helperPathFor(distMain), forkUtility: forkCaptureUtility }),
    spawnWorker: () => spawnAnalysisWorker({ url: pathToFileURL(unpacked(join(distMain, 'analysis-worker.js'))) }),
    prestartWorker: true,
  });
  win.once('ready-to-show', () => win.show());

  const reportError = (message: string) => backend.emit('analysis:error', { message });
  const refreshMenu = async () => Menu.setApplicationMenu(buildAppMenu(await backend.request('file:recent', undefined), menuHandlers, { mac: process.platform === 'darwin', devTools: !app.isPackaged }));

  /** Requests from the renderer and the menu; saves, exports and rings ask where through the back end's AskWhere. */
  async function handle(channel: RequestChannel, arg: unknown): Promise<unknown> {
    const result = await backend.request(channel, arg as never);
    if (channel === 'file:open' && (result as { ok: boolean }).ok) void refreshMenu();
    return result;
  }

  const openPaths = async (paths: string[]) => {
    if (paths.length === 0) return;
    const result = await backend.request('file:open', { paths }).catch((e: Error) => ({ ok: false as const, error: e.message }));
    if (!result.ok) reportError(result.error);
    else void refreshMenu();
  };
  const menuHandlers = {
    open: async () => {
      const picked = await dialog.showOpenDialog(win, {
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Captures', extensions: CAPTURE_EXTENSIONS }, { name: 'All files', extensions: ['*'] }],
      });
      if (!picked.canceled) await openPaths(picked.filePaths);
    },
    openPaths: (paths: string[]) => void openPaths(paths),
    openSample: () => void openPaths([samplePath]),
    close: () => void backend.request('file:close', undefined),
    save: async (msnpOnly: boolean) => {
      const result = (await handle('capture:save', { msnpOnly })) as { ok: boolean; error?: string };
      if (!result.ok && result.error !== CANCELLED) reportError(result.error ?? 'save failed');
    },
    action: (action: MenuAction) => sendEvent(win, 'menu:action', { action }),
    about: () => void dialog.showMessageBox(win, { title: 'About', message: `MSNP Analyzer ${app.getVersion()}`, detail: 'Analyzer for the MSN Messenger protocol.' }),
  };

  const unregister = registerIpc(win, handle);
  const unsubscribe = backend.onEvent((channel, payload) => sendEvent(win, channel, payload));
  await refreshMenu();

  let pending = [...early, ...capturePaths(process.argv)];
  win.webContents.once('did-finish-load', () => {
    void openPaths(pending);
    pending = [];
  });
  app.on('second-instance', (_event, argv) => {
    if (win.isMinimized()) win.restore();
    win.focus();
    void openPaths(capturePaths(argv));
  });
  stopEarly();
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openPaths([path]);
  });
  // Quit only once the back end has stopped its worker and capture (see 'closed').
  app.on('window-all-closed', () => undefined);
  win.on('closed', () => {
    unsubscribe();
    unregister();
    void backend.dispose().finally(() => app.quit());
  });
  await win.loadURL(RENDERER_URL);
}

registerRendererScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // macOS may announce files before 'ready'.
  const early: string[] = [];
  const onEarlyOpen = (event: Electron.Event, path: string) => {
    event.preventDefault();
    early.push(path);
  };
  app.on('open-file', onEarlyOpen);
  main(early, () => app.removeListener('open-file', onEarlyOpen)).catch((err: unknown) => {
    dialog.showErrorBox('MSNP Analyzer', err instanceof Error ? err.stack ?? err.message : String(err));
    app.quit();
  });
}
