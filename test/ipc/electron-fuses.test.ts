// The packaged app's Electron fuses (electron-builder.yml): it cannot be run as Node (capture runs
// in the capture helper or a utility process instead), ignores NODE_OPTIONS and --inspect,
// encrypts cookies and loads only its integrity-checked app.asar; the capture helper is unpacked.
// Electron cannot be launched here, so this reads the configuration electron-builder applies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const CONFIG = readFileSync(join(import.meta.dirname, '..', '..', 'electron-builder.yml'), 'utf8').split('\n');

/** The `key: value` lines of a top-level block (two-space indented), comments dropped. */
function block(name: string): string[] {
  const start = CONFIG.indexOf(`${name}:`);
  expect(start, `${name} is in electron-builder.yml`).toBeGreaterThanOrEqual(0);
  const lines: string[] = [];
  for (const line of CONFIG.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    if (!line.trim().startsWith('#')) lines.push(line.trim());
  }
  return lines;
}

it('sets the fuses', () => {
  expect(Object.fromEntries(block('electronFuses').map((l) => l.split(/:\s*/)))).toEqual({
    runAsNode: 'false',
    enableCookieEncryption: 'true',
    enableNodeOptionsEnvironmentVariable: 'false',
    enableNodeCliInspectArguments: 'false',
    enableEmbeddedAsarIntegrityValidation: 'true',
    onlyLoadAppFromAsar: 'true',
    grantFileProtocolExtraPrivileges: 'false',
  });
});

it('keeps the capture helper and the capture script out of app.asar', () => {
  expect(block('asarUnpack')).toEqual(expect.arrayContaining(['- dist/capture-helper/**', '- dist/main/capture-process.js']));
});
