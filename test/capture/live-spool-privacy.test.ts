// The live spool holds captured chat text (often captured as root): it is created 0600 inside a
// private 0700 directory named after the process, removed with the spool, on a normal exit and
// on SIGTERM; a process killed outright leaves it, and the next sweep removes it (and loose spool
// files of older versions) once that process is gone, never one of a process still running.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptureSpool } from '../../src/main/capture/capture-spool';
import { sweepStaleSpools } from '../../src/main/capture/spool-directory';

const parent = mkdtempSync(join(tmpdir(), 'msnp-spool-parent-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

interface Child {
  spoolFile: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  pid: number;
}

function spoolInChild(how: 'exit' | 'wait'): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'spool-child.ts'), parent, how], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.endsWith('\n')) resolve({ spoolFile: out.trim(), exited, kill: (s) => child.kill(s), pid: child.pid! });
    });
    child.on('error', reject);
  });
}

describe('live spool privacy and cleanup', () => {
  it('is one 0600 file in a private 0700 directory named after the process, gone with the spool', () => {
    const spool = new CaptureSpool({ linkType: 1, device: 'lo', tempDirectory: parent });
    spool.append(1_700_000_000_000_000, new Uint8Array(60), 60);
    spool.flush();
    const file = spool.spoolFiles[0].path;
    const dir = dirname(file);
    expect(basename(dir)).toMatch(new RegExp(`^msnp-analyzer-live-${process.pid}-\\w{6}$`));
    expect(dirname(dir)).toBe(parent);
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual([basename(file)]);
    spool.remove();
    expect(existsSync(dir)).toBe(false);
  });

  it('creates ring files 0600', () => {
    const ringDir = mkdtempSync(join(parent, 'ring-'));
    const spool = new CaptureSpool({ linkType: 1, device: 'lo', ring: { directory: ringDir, fileSizeMb: 1, files: 2 } });
    spool.close();
    expect(spool.spoolFiles.map((f) => mode(f.path))).toEqual([0o600]);
  });

  it('goes on a normal exit and on SIGTERM; after SIGKILL the next sweep removes it', async () => {
    const [exits, terminated, killed] = await Promise.all([spoolInChild('exit'), spoolInChild('wait'), spoolInChild('wait')]);
    expect(await exits.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(dirname(exits.spoolFile))).toBe(false);

    expect(mode(terminated.spoolFile)).toBe(0o600);
    terminated.kill('SIGTERM');
    // The handler cleans up, then lets the signal end the process as it would have.
    expect(await terminated.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(existsSync(dirname(terminated.spoolFile))).toBe(false);

    killed.kill('SIGKILL');
    await killed.exited;
    const leftover = dirname(killed.spoolFile);
    expect(existsSync(killed.spoolFile)).toBe(true);
    // A loose spool file of an older version from the same dead process, and the directory of a process still running.
    const loose = join(parent, `msnp-analyzer-live-${killed.pid}-20250101-120000-abc123.pcapng`);
    writeFileSync(loose, 'old');
    const running = join(parent, `msnp-analyzer-live-${process.ppid}-keepme`);
    mkdirSync(running);
    expect(sweepStaleSpools(parent).sort()).toEqual([leftover, loose].sort());
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(loose)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});
