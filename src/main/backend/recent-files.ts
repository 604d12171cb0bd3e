// The recently opened capture files, newest first, kept as JSON in the config directory.
// A missing or corrupt file just means "no recent files"; writes go through a temporary file
// and a rename so a crash never leaves half a list.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MAX_RECENT_FILES = 10;

export class RecentFiles {
  private readonly file: string;
  private cached: string[] | null = null;

  constructor(private readonly configDir: string) {
    this.file = join(configDir, 'recent-files.json');
  }

  async list(): Promise<string[]> {
    if (this.cached) return [...this.cached];
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      const recent = (parsed as { recent?: unknown } | null)?.recent;
      this.cached = Array.isArray(recent) ? recent.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT_FILES) : [];
    } catch {
      this.cached = [];
    }
    return [...this.cached];
  }

  /** Puts `paths` first (in their order), dropping older duplicates and the overflow. */
  async add(paths: string[]): Promise<void> {
    const current = await this.list();
    const next = [...paths, ...current.filter((p) => !paths.includes(p))].slice(0, MAX_RECENT_FILES);
    this.cached = next;
    await mkdir(this.configDir, { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ recent: next }, null, 2) + '\n');
    await rename(temp, this.file);
  }
}
