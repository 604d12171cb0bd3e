// Where a live capture's temporary spool lives: a private directory per capture,
// `<tmp>/msnp-analyzer-live-<pid>-XXXXXX` (0700, made by mkdtemp), so the captured chat text
// (often captured as root) is readable by its owner only. The directory goes when the spool is
// removed, and at the latest when the process exits: on a normal exit, and on SIGINT/SIGTERM when
// nothing else in the process handles them (an app that does, like `serve`, disposes its capture
// itself). One killed outright leaves its directory behind: the next start sweeps directories
// (and loose spool files of older versions) whose process is gone.

import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'msnp-analyzer-live-';
/** `msnp-analyzer-live-<pid>-…`: a directory of ours, or a spool file of a version before it. */
const OWN_ENTRY = /^msnp-analyzer-live-(\d+)-/;

const pending = new Set<string>();
let hooked = false;

function removeAllNow(): void {
  for (const dir of pending) rmSync(dir, { recursive: true, force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else handles the signal: they shut down in order, and 'exit' removes the rest.
  if (process.listenerCount(signal) > 1) return;
  removeAllNow();
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAllNow);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A fresh private directory for one spool under `parent`, removed on exit unless released first. */
export function createSpoolDirectory(parent: string = tmpdir()): string {
  const dir = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
  pending.add(dir);
  hookExit();
  return dir;
}

/** Deletes a spool directory now (the capture was replaced or the app disposed it). */
export function removeSpoolDirectory(dir: string): void {
  pending.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes this user's spool directories and files under `parent` whose process no longer runs; returns what it removed. */
export function sweepStaleSpools(parent: string = tmpdir(), alive: (pid: number) => boolean = processAlive): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const pid = Number(OWN_ENTRY.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || alive(pid)) continue;
    const path = join(parent, name);
    try {
      if (uid !== undefined && statSync(path).uid !== uid) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}
