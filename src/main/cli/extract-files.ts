// --extract DIR: writes every rebuilt file. Names come from the capture (attacker-controlled), so
// they are reduced to a safe base name — no directory part, no leading dots, no control, bidi or
// zero-width character (a right-to-left override would make `invoice<RLO>gpj.exe` show as
// `invoiceexe.jpg` in a file manager) — and prefixed with the frame number (and a counter where
// two would still collide) to stay unique. Only the bytes seen are written, never the size the
// sender declared.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisResult, FileRecord } from '../../shared/model';
import { showInvisible } from '../../shared/visible-text';

export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = showInvisible(base, () => '_').replace(/[<>:"|?*]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 180);
  return clean || fallback;
}

/**
 * The name a rebuilt file is written under (also by the window's Export Objects): `FRAME-NAME`,
 * `.partial` when incomplete, with a counter after the frame where `used` already has the name
 * (the name is then added to `used`).
 */
export function extractedName(f: FileRecord, used: Set<string>): string {
  const safe = `${safeFileName(f.name, `${f.kind}.bin`)}${f.complete ? '' : '.partial'}`;
  // The counter goes in front: the name keeps ending in its own extension.
  let name = `${f.frame}-${safe}`;
  for (let n = 2; used.has(name); n++) name = `${f.frame}-${n}-${safe}`;
  used.add(name);
  return name;
}

export async function extractFiles(result: AnalysisResult, dir: string, bytesOf: (index: number) => Uint8Array | null): Promise<number> {
  await mkdir(dir, { recursive: true });
  let written = 0;
  // Names that differ only in characters made safe (or files of one frame) would collide.
  const used = new Set<string>();
  for (let i = 0; i < result.files.length; i++) {
    const f = result.files[i];
    const data = bytesOf(i);
    if (!data) continue;
    const path = join(dir, extractedName(f, used));
    await writeFile(path, data, { flag: 'w' });
    f.extractedTo = path;
    written++;
  }
  return written;
}
