// Row click → tree while a capture loads, split into its parts, for comparing builds in one run:
// starts the browser mode of each given build (a dist/ directory) on the same file in turn,
// alternating, clicks rows while the load runs and records in the page, per click, when the mouse
// went down, when the frames:detail request was sent, when its answer arrived and when the tree
// showed the frame (the mousedown's own time too: Playwright's click first waits for the row to
// be stable over animation frames). Usage: tsx scripts/bench/click-during-load.ts FILE ROUNDS DIST...
// Prints medians per build. Playwright is attached, so WebSocket timings are inflated (~40 %).

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Click { down: number; pressed: number; sent: number; answered: number; shown: number; id: number; network?: number }

/** In the page: marks the detail request's send and answer, and when the tree names the frame. */
const INSTRUMENT = `(() => {
  const marks = (window.__clickMarks = []);
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && data.includes('"frames:detail"')) {
      const m = /"id":(\\d+)/.exec(data);
      const cur = marks[marks.length - 1];
      if (cur && cur.sent === undefined) { cur.sent = performance.now(); cur.id = m ? Number(m[1]) : -1; }
    }
    return send.call(this, data);
  };
  document.addEventListener('mousedown', () => {
    const c = marks[marks.length - 1];
    if (c && c.pressed === undefined) c.pressed = performance.now();
  }, { capture: true });
  // Ahead of the client's own listener: the answer's arrival, before it is handled.
  const add = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'message') return add.call(this, type, listener, options);
    return add.call(this, type, (e) => {
      const c = marks[marks.length - 1];
      if (c && c.answered === undefined && c.id !== undefined && typeof e.data === 'string' && e.data.startsWith('{"type":"response","id":' + c.id + ',')) c.answered = performance.now();
      listener(e);
    }, options);
  };
  window.__startClick = (frame) => {
    const mark = { frame, down: performance.now() };
    marks.push(mark);
    const look = () => {
      const tree = document.querySelector('[data-testid=command-tree]');
      if (tree && tree.textContent.includes('Frame ' + frame + ':')) { mark.shown = performance.now(); observer.disconnect(); }
    };
    const observer = new MutationObserver(look);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  };
})()`;

async function clicksDuringLoad(dist: string, file: string): Promise<Click[]> {
  const server = spawn(process.execPath, [`${dist}/main/cli.js`, 'serve', '--port', '0', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.addInitScript(INSTRUMENT);
    await page.goto(url);
    await page.locator('[data-testid=packet-row]').nth(12).waitFor({ timeout: 120_000 });
    const done: Click[] = [];
    // The browser's network timestamps: the request and its answer leaving and reaching the browser,
    // before the page's main thread sees them (what the back end and the socket take).
    const net = await page.context().newCDPSession(page);
    const sentAt = new Map<number, number>();
    const roundTrip = new Map<number, number>();
    net.on('Network.webSocketFrameSent', (e) => {
      const m = /"channel":"frames:detail"/.test(e.response.payloadData) ? /"id":(\d+)/.exec(e.response.payloadData) : null;
      if (m) sentAt.set(Number(m[1]), e.timestamp);
    });
    net.on('Network.webSocketFrameReceived', (e) => {
      const m = /^\{"type":"response","id":(\d+),/.exec(e.response.payloadData);
      if (m && sentAt.has(Number(m[1]))) roundTrip.set(Number(m[1]), (e.timestamp - sentAt.get(Number(m[1]))!) * 1000);
    });
    await net.send('Network.enable');
    const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
    const traceEvents: unknown[] = [];
    if (process.env.TRACE) {
      net.on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
      await net.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'] }, transferMode: 'ReportEvents' });
    }
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    for (let i = 0; (await page.getByTestId('load-progress').count()) > 0 && i < 12; i++) {
      const row = page.locator('[data-testid=packet-row]').nth(2 + i);
      const frame = (await row.getAttribute('data-frame')) ?? '';
      await page.evaluate((f) => (window as unknown as { __startClick(f: string): void }).__startClick(f), frame);
      await row.click();
      await page.getByTestId('command-tree').filter({ hasText: `Frame ${frame}:` }).waitFor({ timeout: 60_000 });
      const loading = (await page.getByTestId('load-progress').count()) > 0;
      const mark = await page.evaluate(() => (window as unknown as { __clickMarks: Click[] }).__clickMarks.at(-1));
      if (loading && mark?.shown !== undefined) done.push({ ...mark, network: roundTrip.get(mark.id) });
    }
    if (process.env.TRACE) {
      const complete = new Promise((resolve) => net.once('Tracing.tracingComplete', resolve));
      await net.send('Tracing.end');
      await complete;
      writeFileSync(process.env.TRACE, JSON.stringify(traceEvents));
    }
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
    }
    return done;
  } finally {
    await browser.close();
    server.kill();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const [file, roundsText, ...dists] = process.argv.slice(2);
const all = new Map<string, Click[]>(dists.map((d) => [d, []]));
for (let round = 0; round < Number(roundsText); round++) {
  for (const dist of round % 2 ? [...dists].reverse() : dists) {
    const clicks = await clicksDuringLoad(dist, file);
    all.get(dist)!.push(...clicks);
    process.stdout.write(`round ${round} ${dist}: ${clicks.map((c) => `${Math.round(c.shown - c.down)}(${Math.round(c.pressed - c.down)}+${Math.round(c.answered - c.sent)}[net ${Math.round(c.network ?? NaN)}]+${Math.round(c.shown - c.answered)})`).join(' ')} ms\n`);
  }
}
for (const [dist, clicks] of all) {
  const part = (f: (c: Click) => number) => median(clicks.map(f)).toFixed(0);
  process.stdout.write(`${dist}: ${clicks.length} clicks during the load; median click→tree ${part((c) => c.shown - c.down)} ms `
    + `(Playwright's click→mousedown ${part((c) => c.pressed - c.down)}, mousedown→request sent ${part((c) => c.sent - c.pressed)}, sent→answer ${part((c) => c.answered - c.sent)}, of which the browser's network round trip ${part((c) => c.network ?? NaN)}, answer→tree ${part((c) => c.shown - c.answered)})\n`);
}
