// How the app starts its capture process (capture-process.ts). In order of preference:
// 1. the dedicated capture helper (`msnp-capture`, capture-helper.ts) when it is installed: the one
//    binary an administrator gives capture privileges to, as Wireshark does with dumpcap;
// 2. in Electron without the helper, an Electron utility process (utilityProcess.fork): the app's
//    binary has the RunAsNode fuse off (electron-builder.yml), so it cannot be re-run as Node;
// 3. in plain Node (browser mode, command line, tests), the script under the same Node.
// Only the helper needs, and should get, the capture capability; in 2 and 3 capture works as root.

import { accessSync, constants, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export type CaptureLaunch =
  | { kind: 'helper'; command: string; args: string[] }
  | { kind: 'node'; command: string; args: string[] }
  | { kind: 'utility'; script: string };

export interface LaunchFacts {
  /** The installed capture helper (an executable file), or null. */
  helper: string | null;
  /** Whether this is Electron's main process (process.versions.electron). */
  electron: boolean;
  /** The Node binary running the app (process.execPath). */
  execPath: string;
  /** The capture-process script and the Node options it needs (e.g. tsx for the source). */
  script: string;
  execArgv: string[];
  /** A command to run the process under, e.g. ['ip', 'netns', 'exec', 'ns1'] (tests). */
  launcher?: string[];
}

/** The launch for these facts (pure: capture-child.ts gathers the facts). */
export function chooseCaptureLaunch(f: LaunchFacts): CaptureLaunch {
  const under = (command: string, args: string[]): { command: string; args: string[] } =>
    f.launcher?.length ? { command: f.launcher[0], args: [...f.launcher.slice(1), command, ...args] } : { command, args };
  if (f.helper) return { kind: 'helper', ...under(f.helper, []) };
  if (f.electron) return { kind: 'utility', script: f.script };
  return { kind: 'node', ...under(f.execPath, [...f.execArgv, f.script]) };
}

/** The helper's file name on this platform. */
export function helperFileName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'msnp-capture.exe' : 'msnp-capture';
}

/**
 * Where the build puts the helper for an app bundled in `distMain` (dist/main):
 * dist/capture-helper/msnp-capture, outside app.asar in a packaged app (an archive cannot hold
 * an executable, nor its file capabilities).
 */
export function helperPathFor(distMain: string, platform: NodeJS.Platform = process.platform): string {
  return join(distMain, '..', 'capture-helper', helperFileName(platform)).replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

/** Whether `path` is an executable file (the helper is "installed"). */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
