// Remembers the main window's size, position and maximized state in the userData folder, and
// restores them only if they still fit on a connected display (monitors come and go).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false };

function isRectangle(v: unknown): v is Rectangle {
  const r = v as Rectangle | null;
  return !!r && [r.x, r.y, r.width, r.height].every((n) => Number.isFinite(n)) && r.width >= 400 && r.height >= 300;
}

/** The saved state, if it is sane and overlaps one of `workAreas`; else a default size (centered by Electron). */
export function loadWindowState(dir: string, workAreas: Rectangle[]): WindowState & { positioned: boolean } {
  try {
    const saved = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    if (isRectangle(saved.bounds)) {
      const b = saved.bounds;
      const visible = workAreas.some((a) => b.x < a.x + a.width - 50 && b.x + b.width > a.x + 50 && b.y >= a.y - 10 && b.y < a.y + a.height - 50);
      return { bounds: visible ? b : { ...DEFAULT.bounds, width: b.width, height: b.height }, maximized: !!saved.maximized, positioned: visible };
    }
  } catch {
    // first start or unreadable: defaults
  }
  return { ...DEFAULT, positioned: false };
}

export function trackWindowState(window: BrowserWindow, dir: string): void {
  const save = () => {
    if (window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));
    } catch {
      // not worth bothering the user about
    }
  };
  window.on('close', save);
}
