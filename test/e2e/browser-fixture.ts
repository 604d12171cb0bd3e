// End-to-end fixture: the real browser-mode server (in process, on 127.0.0.1:0, with a throw-away
// config directory) serving the built renderer, and Debian's Chromium driven by playwright-core.
// The renderer must be built (`npm test` builds first); if dist/renderer is missing it is built here.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/main/server/start-server';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS_DIR = join(ROOT, 'test-results', 'screenshots');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function ensureRendererBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

export interface AnalyzerPage {
  page: Page;
  server: RunningServer;
  /** Errors the page threw or logged, and dialogs it opened (none are expected). */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openAnalyzer(opts: { backend?: ServerOptions['backend']; viewport?: { width: number; height: number }; timezoneId?: string } = {}): Promise<AnalyzerPage> {
  ensureRendererBuilt();
  const configDir = mkdtempSync(join(tmpdir(), 'msnp-e2e-config-'));
  const server = await startServer({ host: '127.0.0.1', port: 0, backend: { configDir, ...opts.backend } });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1600, height: 900 }, timezoneId: opts.timezoneId });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    await page.goto(server.url);
    const opened = browser;
    return {
      page,
      server,
      problems,
      async screenshot(name) {
        mkdirSync(SCREENSHOTS_DIR, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`) });
      },
      async close() {
        await opened.close();
        await server.close();
        rmSync(configDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/** Opens a capture through the hidden file input, as the Open button's file chooser would. */
export async function openCaptureFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path);
}

/** Waits until the status bar reports this many frames and the load is finished. */
export async function waitForLoaded(page: Page, frames: number): Promise<void> {
  await page.getByTestId('status-frames').filter({ hasText: `Frames: ${frames.toLocaleString('en-US')}` }).waitFor();
  await page.getByTestId('load-progress').waitFor({ state: 'detached' });
}

/**
 * For a describe block: one analyzer page with `path` opened and loaded (`frames` rows) before its
 * tests, closed after them. Returns an accessor, since the page exists only once beforeAll ran.
 */
export function useOpenedCapture(path: string, frames: number): () => AnalyzerPage {
  let app: AnalyzerPage | undefined;
  beforeAll(async () => {
    app = await openAnalyzer();
    await openCaptureFile(app.page, path);
    await waitForLoaded(app.page, frames);
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => app!;
}
