// The window's remembered layout (columns, pane sizes, side panel, theme, filter buttons) for the
// Electron app, kept as JSON in the config directory beside the recent files (the browser mode
// keeps it in the page's localStorage instead). The back end only stores the object: the renderer
// checks every part when it reads it back. Bounded in size; written through a temporary file and a
// rename, so a crash never leaves half a file; a missing or corrupt file reads as null.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const WINDOW_PREFERENCES_FILE = 'window-preferences.json';
/** Far more than a layout needs (about 2 KB with 16 custom columns and 40 filter buttons). */
export const MAX_PREFERENCES_BYTES = 256 * 1024;

export class WindowPreferencesFile {
  private readonly file: string;
  /** Writes run one after another, so the last save is the one on disk. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly configDir: string) {
    this.file = join(configDir, WINDOW_PREFERENCES_FILE);
  }

  async load(): Promise<Record<string, unknown> | null> {
    try {
      const text = await readFile(this.file, 'utf8');
      if (text.length > MAX_PREFERENCES_BYTES) return null;
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  save(preferences: Record<string, unknown>): Promise<void> {
    const text = JSON.stringify(preferences, null, 2) + '\n';
    if (text.length > MAX_PREFERENCES_BYTES) return Promise.reject(new Error(`preferences larger than ${MAX_PREFERENCES_BYTES} bytes`));
    const write = async (): Promise<void> => {
      await mkdir(this.configDir, { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, text);
      await rename(temp, this.file);
    };
    this.writing = this.writing.then(write, write);
    return this.writing;
  }
}
