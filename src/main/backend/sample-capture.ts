// Path of the bundled sample capture (assets/sample.pcap, see assets/README.md), found by
// walking up from this module: dist/main/<bundle>.js in a build, src/main/backend/ from source.
// Electron passes its own path (the packaged app unpacks assets/ next to app.asar).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_RELATIVE_PATH = join('assets', 'sample.pcap');

export function defaultSamplePath(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, SAMPLE_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(from, '..', '..', SAMPLE_RELATIVE_PATH);
}
