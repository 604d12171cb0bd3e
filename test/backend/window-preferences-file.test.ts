// The Electron app's remembered layout in the config directory: saved and read back, the last of
// several saves wins, a corrupt or oversized file reads as nothing, and prefs:save takes only an
// object under `preferences` (no other key, such as a path).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateRequest } from '../../src/main/backend/request-validation';
import { MAX_PREFERENCES_BYTES, WINDOW_PREFERENCES_FILE, WindowPreferencesFile } from '../../src/main/backend/window-preferences-file';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'prefs-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('window preferences file', () => {
  it('saves into the config directory (created when missing) and reads back; the last save wins', async () => {
    const dir = join(tempDir(), 'config');
    const file = new WindowPreferencesFile(dir);
    expect(await file.load()).toBeNull();
    await Promise.all([file.save({ version: 1, theme: 'light' }), file.save({ version: 1, theme: 'dark' })]);
    expect(await file.load()).toEqual({ version: 1, theme: 'dark' });
    expect(JSON.parse(readFileSync(join(dir, WINDOW_PREFERENCES_FILE), 'utf8'))).toEqual({ version: 1, theme: 'dark' });
  });

  it('reads a corrupt, non-object or oversized file as nothing, and refuses to write an oversized one', async () => {
    const dir = tempDir();
    const file = new WindowPreferencesFile(dir);
    for (const text of ['{not json', '[1,2]', 'null', JSON.stringify({ big: 'x'.repeat(MAX_PREFERENCES_BYTES) })]) {
      writeFileSync(join(dir, WINDOW_PREFERENCES_FILE), text);
      expect(await file.load()).toBeNull();
    }
    await expect(file.save({ big: 'x'.repeat(MAX_PREFERENCES_BYTES) })).rejects.toThrow(/larger than/);
  });

  it('prefs:save takes { preferences: object } and nothing else', () => {
    expect(validateRequest('prefs:save', { preferences: { theme: 'dark' } })).toBeNull();
    for (const bad of [null, {}, { preferences: [] }, { preferences: 'x' }, { preferences: {}, path: '/etc/passwd' }]) {
      expect(validateRequest('prefs:save', bad)).toMatch(/expected/);
    }
    expect(validateRequest('prefs:load', undefined)).toBeNull();
  });
});
