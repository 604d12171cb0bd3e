// The dedicated capture helper (dist/capture-helper/msnp-capture, scripts/build-capture-helper.mjs;
// built here if missing): the bundled app picks it by default, the capture child starts it, it
// captures on lo as root, and once given the capability with setcap (on a copy) it captures as
// `nobody` — which plain Node as `nobody` cannot (privileges.test.ts) — while ignoring NODE_OPTIONS
// and a script on its command line, so the capability serves nothing but capture.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CaptureChild } from '../../src/main/capture/capture-child';
import type { CaptureMessage } from '../../src/main/capture/capture-protocol';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { assertCapturePrivileges, captureOwnTraffic } from './live-test-kit';

const ROOT = join(import.meta.dirname, '..', '..');
const HELPER = join(ROOT, 'dist', 'capture-helper', 'msnp-capture');
const NOBODY = 65534;
const MESSAGES = ['VER 1 MSNP8 CVR0\r\n', 'OUT\r\n'];

beforeAll(() => {
  if (!existsSync(HELPER)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-capture-helper.mjs')], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(join(ROOT, 'dist', 'main', 'capture-process.js'))) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs')], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

/** Copies of the helper (100 MB each), removed at the end. */
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

let live: LiveCapture | null = null;
afterEach(async () => {
  await live?.dispose();
  live = null;
});

/** A copy of the helper (with its binding) that nobody can run, with the capture capability unless told otherwise. */
function helperCopy(capability = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'msnp-helper-'));
  copies.push(dir);
  chmodSync(dir, 0o755);
  cpSync(join(ROOT, 'dist', 'capture-helper'), dir, { recursive: true });
  const exe = join(dir, 'msnp-capture');
  if (capability) execFileSync('setcap', ['cap_net_raw,cap_net_admin+eip', exe]);
  return exe;
}

/** Starts `exe` as nobody with `args`/`env`, asks it for the interfaces, returns its reply. */
function listAsNobody(exe: string, args: string[], env: NodeJS.ProcessEnv): Promise<CaptureMessage> {
  const child = spawn(exe, args, { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced', uid: NOBODY, gid: NOBODY, env });
  return new Promise((resolve, reject) => {
    child.once('message', (m: CaptureMessage) => {
      child.disconnect();
      resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`helper exited with ${code} before replying`)));
    child.send({ id: 1, op: 'list' });
  });
}

describe('the capture helper', () => {
  it('is what the bundled app starts by default', async () => {
    // A probe bundled into dist/main as the app is, asking the capture child what it would start.
    const probe = join(ROOT, 'dist', 'main', `launch-probe-${process.pid}.js`);
    await build({
      stdin: { contents: "import { captureLaunchFor } from './src/main/capture/capture-child'; console.log(JSON.stringify(captureLaunchFor({})));", resolveDir: ROOT, loader: 'ts' },
      bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: probe, logLevel: 'warning',
    });
    try {
      expect(JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' }))).toEqual({ kind: 'helper', command: HELPER, args: [] });
    } finally {
      rmSync(probe, { force: true });
    }
  });

  it('is what the capture child starts when given, and captures on lo as root', async () => {
    assertCapturePrivileges();
    const child = new CaptureChild({ helper: HELPER });
    expect(child.launch).toEqual({ kind: 'helper', command: HELPER, args: [] });
    expect(realpathSync(`/proc/${child.pid}/exe`)).toBe(realpathSync(HELPER));
    const reply = await child.request({ op: 'list' });
    await child.shutdown();
    expect(reply.ok && 'devices' in reply && reply.devices.some((d) => d.name === 'lo')).toBe(true);

    live = new LiveCapture({ helper: HELPER });
    expect(await captureOwnTraffic(live, MESSAGES)).toEqual(MESSAGES);
  });

  it('captures as nobody once given the capability', async () => {
    assertCapturePrivileges();
    live = new LiveCapture({ helper: helperCopy(), uid: NOBODY, gid: NOBODY });
    expect(await captureOwnTraffic(live, MESSAGES)).toEqual(MESSAGES);
  });

  it('runs nothing but itself with the capability: NODE_OPTIONS and a script argument are ignored', async () => {
    assertCapturePrivileges();
    const markers = mkdtempSync(join(tmpdir(), 'msnp-marker-'));
    copies.push(markers);
    chmodSync(markers, 0o777);
    const marker = join(markers, 'ran');
    const evil = join(markers, 'evil.cjs');
    writeFileSync(evil, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`);
    chmodSync(evil, 0o644);
    const attempt = (exe: string) => listAsNobody(exe, [evil, '-e', `require(${JSON.stringify(evil)})`], { PATH: process.env.PATH, NODE_OPTIONS: `--require ${evil}` });

    expect(await attempt(helperCopy())).toMatchObject({ id: 1, ok: true });
    expect(existsSync(marker)).toBe(false);
    // The probe works: without the capability, Node honours NODE_OPTIONS (the user's own rights).
    expect(await attempt(helperCopy(false))).toMatchObject({ id: 1, ok: true });
    expect(existsSync(marker)).toBe(true);
  });
});
