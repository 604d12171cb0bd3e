// Where an export or save goes when nobody is asked (no AskWhere: the browser mode, which has no
// save dialog, and tests): the user's Downloads folder if there is one, else the home directory
// (the browser mode passes its own directory), under a name derived from the capture's label
// that does not overwrite an existing file.

import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, join } from 'node:path';

export function defaultOutputDir(): string {
  const downloads = join(homedir(), 'Downloads');
  try {
    if (statSync(downloads).isDirectory()) return downloads;
  } catch {
    // no Downloads folder: fall back to home
  }
  return homedir();
}

/** e.g. ("/x/chat.pcap", "-analysis.json") → "<dir>/chat-analysis.json", or "chat-analysis-2.json" if taken. */
export function outputPath(dir: string, label: string, suffix: string, exists: (p: string) => boolean = existsSync): string {
  const stem = basename(label, extname(label)).replace(/[^\w.@-]+/g, '_').slice(0, 80) || 'capture';
  const ext = extname(suffix);
  const base = suffix.slice(0, suffix.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = join(dir, `${stem}${base}${i === 1 ? '' : `-${i}`}${ext}`);
    if (!exists(candidate)) return candidate;
  }
}
