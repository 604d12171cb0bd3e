// The window section of `npm run bench`: starts the browser mode (`msnp-analyzer serve FILE`, a
// child process whose RSS is the back end's: main thread + analysis worker), opens it in Debian's
// Chromium through playwright-core, and measures what a user waits for: first rows, "Loaded in
// full", a row click until its tree shows and a display filter until its count shows (during and
// after the load), the renderer's JS heap (CDP Runtime.getHeapUsage after a GC) and the back end's
// peak and final RSS. Playwright's DevTools network tracking copies every WebSocket frame, which
// inflates WebSocket-heavy timings by about 40 %: the figures are upper bounds.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface WindowFigures {
  firstRowsSeconds: number;
  loadedSeconds: number;
  clickToTreeDuringMs: number | null;
  filterDuringMs: number | null;
  clickToTreeAfterMs: number;
  filterAfterMs: number;
  rendererHeapMb: number;
  backendPeakMb: number;
  backendFinalMb: number;
  frames: number;
}

function rssKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function clickToTree(page: Page): Promise<number> {
  const row = page.locator('[data-testid=packet-row]').nth(3);
  const frame = await row.getAttribute('data-frame');
  const start = performance.now();
  await row.click();
  await page.getByTestId('command-tree').filter({ hasText: `Frame ${frame}:` }).waitFor({ timeout: 60_000 });
  return performance.now() - start;
}

async function filterLatency(page: Page): Promise<number> {
  const filter = page.getByTestId('display-filter');
  await filter.fill('msnp.cmd == MSG');
  const start = performance.now();
  await filter.press('Enter');
  await page.getByTestId('displayed-count').filter({ hasText: /^Displayed/ }).waitFor({ timeout: 120_000 });
  const ms = performance.now() - start;
  await filter.fill('');
  await filter.press('Enter');
  await page.getByTestId('displayed-count').filter({ hasText: /packets$/ }).waitFor({ timeout: 120_000 });
  return ms;
}

export async function benchWindow(path: string): Promise<WindowFigures> {
  const server = spawn(process.execPath, ['dist/main/cli.js', 'serve', '--port', '0', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, rssKb(server.pid!, 'VmHWM'))), 50);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const start = performance.now();
    // The file named on the command line opens when the first browser connects.
    await page.goto(url);
    await page.locator('[data-testid=packet-row]').nth(3).waitFor({ timeout: 120_000 });
    const firstRowsSeconds = (performance.now() - start) / 1000;
    const loading = async () => (await page.getByTestId('load-progress').count()) > 0;
    const clickToTreeDuringMs = (await loading()) ? await clickToTree(page) : null;
    const filterDuringMs = (await loading()) ? await filterLatency(page) : null;
    await page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: 600_000 });
    const loadedSeconds = (performance.now() - start) / 1000;
    const framesText = (await page.getByTestId('status-frames').textContent()) ?? '';
    const clickToTreeAfterMs = await clickToTree(page);
    const filterAfterMs = await filterLatency(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      firstRowsSeconds, loadedSeconds, clickToTreeDuringMs, filterDuringMs, clickToTreeAfterMs, filterAfterMs,
      rendererHeapMb: heap.usedSize / 1024 / 1024,
      backendPeakMb: Math.max(peak, rssKb(server.pid!, 'VmHWM')) / 1024,
      backendFinalMb: rssKb(server.pid!, 'VmRSS') / 1024,
      frames: Number(/([\d,]+)/.exec(framesText)?.[1].replace(/,/g, '') ?? 0),
    };
  } finally {
    clearInterval(poll);
    await browser.close();
    server.kill();
  }
}
