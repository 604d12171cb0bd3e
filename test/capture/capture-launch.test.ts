// How the app starts its capture process (capture-launch.ts): the dedicated helper whenever it is
// installed, else an Electron utility process in Electron (its RunAsNode fuse is off), else the
// script under plain Node; the helper sits outside app.asar; by default only the bundled app
// picks the helper up, the source (tests) runs what it is given.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureLaunchFor, resolveHelper } from '../../src/main/capture/capture-child';
import { chooseCaptureLaunch, helperFileName, helperPathFor, isExecutableFile, type LaunchFacts } from '../../src/main/capture/capture-launch';

const ROOT = join(import.meta.dirname, '..', '..');
const facts = (over: Partial<LaunchFacts>): LaunchFacts => ({
  helper: null, electron: false, execPath: '/usr/bin/node', script: '/app/dist/main/capture-process.js', execArgv: [], ...over,
});

describe('chooseCaptureLaunch', () => {
  it('starts the installed helper, with no arguments, in Node and in Electron alike', () => {
    const helper = '/app/dist/capture-helper/msnp-capture';
    expect(chooseCaptureLaunch(facts({ helper }))).toEqual({ kind: 'helper', command: helper, args: [] });
    expect(chooseCaptureLaunch(facts({ helper, electron: true }))).toEqual({ kind: 'helper', command: helper, args: [] });
  });

  it('runs the helper under a launcher', () => {
    expect(chooseCaptureLaunch(facts({ helper: '/h/msnp-capture', launcher: ['ip', 'netns', 'exec', 'ns1'] })))
      .toEqual({ kind: 'helper', command: 'ip', args: ['netns', 'exec', 'ns1', '/h/msnp-capture'] });
  });

  it('forks a utility process in Electron without the helper, never Electron\'s binary as Node', () => {
    expect(chooseCaptureLaunch(facts({ electron: true, execPath: '/opt/MSNP Analyzer/msnp-analyzer' })))
      .toEqual({ kind: 'utility', script: '/app/dist/main/capture-process.js' });
  });

  it('runs the script under the same Node otherwise', () => {
    expect(chooseCaptureLaunch(facts({ execArgv: ['--import', 'tsx'], script: '/src/capture-process.ts' })))
      .toEqual({ kind: 'node', command: '/usr/bin/node', args: ['--import', 'tsx', '/src/capture-process.ts'] });
    expect(chooseCaptureLaunch(facts({ launcher: ['ip', 'netns', 'exec', 'ns1'] })))
      .toEqual({ kind: 'node', command: 'ip', args: ['netns', 'exec', 'ns1', '/usr/bin/node', '/app/dist/main/capture-process.js'] });
  });
});

describe('where the helper is', () => {
  it('sits beside dist/main, outside app.asar', () => {
    expect(helperPathFor('/repo/dist/main', 'linux')).toBe('/repo/dist/capture-helper/msnp-capture');
    expect(helperPathFor('/opt/MSNP Analyzer/resources/app.asar/dist/main', 'linux')).toBe('/opt/MSNP Analyzer/resources/app.asar.unpacked/dist/capture-helper/msnp-capture');
    expect(helperFileName('win32')).toBe('msnp-capture.exe');
  });

  it('counts as installed only as an executable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msnp-helper-'));
    const exe = join(dir, 'msnp-capture');
    writeFileSync(exe, '#!/bin/true\n');
    chmodSync(exe, 0o644);
    expect(isExecutableFile(exe)).toBe(false);
    chmodSync(exe, 0o755);
    expect(isExecutableFile(exe)).toBe(true);
    expect(isExecutableFile(dir)).toBe(false);
    expect(isExecutableFile(join(dir, 'missing'))).toBe(false);
  });
});

describe('the capture child\'s choice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msnp-helper-'));
  const exe = join(dir, 'msnp-capture');
  writeFileSync(exe, '#!/bin/true\n');
  chmodSync(exe, 0o755);

  it('uses a helper it is given when it is installed', () => {
    expect(resolveHelper({ helper: exe })).toEqual({ path: exe, installed: true, used: true });
    expect(captureLaunchFor({ helper: exe })).toEqual({ kind: 'helper', command: exe, args: [] });
  });

  it('falls back to the script when the given helper is missing', () => {
    const missing = join(dir, 'nope');
    expect(resolveHelper({ helper: missing })).toEqual({ path: missing, installed: false, used: false });
    expect(captureLaunchFor({ helper: missing }).kind).toBe('node');
  });

  it('running the source, names the build\'s helper but runs the script', () => {
    const helper = resolveHelper({});
    expect(helper?.path).toBe(join(ROOT, 'dist', 'capture-helper', 'msnp-capture'));
    expect(helper?.used).toBe(false);
    const launch = captureLaunchFor({});
    expect(launch).toEqual({ kind: 'node', command: process.execPath, args: ['--import', 'tsx', join(ROOT, 'src', 'main', 'capture', 'capture-process.ts')] });
  });

  it('uses none when told so', () => {
    expect(resolveHelper({ helper: false })).toBeNull();
    expect(captureLaunchFor({ helper: false }).kind).toBe('node');
  });
});
