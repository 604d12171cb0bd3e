// Export Objects → MSN files: writes one recovered file (its bytes as rebuilt, never more than
// was seen), or all of them in one zip archive under the names `--extract` gives them
// (extract-files.ts: frame number, a safe base name, `.partial` when incomplete). The zip is
// streamed entry by entry with fflate (README "Libraries"): files are deflated one at a time
// straight into the output file.

import { Zip, ZipDeflate } from 'fflate';
import type { FileRecord } from '../../../shared/model';
import { extractedName } from '../../cli/extract-files';
import { writeTextFile } from './text-file-sink';

export type FileBytes = (index: number) => Uint8Array | null;

/** Writes file `index`; throws when its bytes were not kept. */
export async function saveObject(path: string, files: readonly FileRecord[], bytesOf: FileBytes, index: number): Promise<void> {
  const data = index >= 0 && index < files.length ? bytesOf(index) : null;
  if (!data) throw new Error(files[index] ? `the bytes of ${extractedName(files[index], new Set())} were not kept` : `no recovered file #${index}`);
  await writeTextFile(path, (sink) => sink.writeBytes(data));
}

/** Writes every file whose bytes were kept into a zip at `path`; returns how many it holds. */
export async function saveAllObjects(path: string, files: readonly FileRecord[], bytesOf: FileBytes): Promise<number> {
  return writeTextFile(path, (sink) => {
    let failure: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else sink.writeBytes(chunk);
    });
    const used = new Set<string>();
    let written = 0;
    files.forEach((f, i) => {
      const data = bytesOf(i);
      if (!data) return;
      const entry = new ZipDeflate(extractedName(f, used), { level: 6 });
      zip.add(entry);
      entry.push(data, true);
      written++;
    });
    zip.end();
    if (failure) throw failure;
    return written;
  });
}

/** The name file `index` is saved under (null: no such file). */
export function objectName(files: readonly FileRecord[], index: number): string | null {
  return files[index] ? extractedName(files[index], new Set()) : null;
}
