// The remembered live-capture choice: the interface and capture filter of the last capture that
// started, kept in localStorage so that the next session preselects them. What comes back from
// storage is checked like any other input (another version, or a person, may have written it).

import type { CaptureData } from './capture-slice';

export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface CapturePreferences {
  device: string;
  filter: string;
}

const KEY = 'msnp-analyzer.capture';
const MAX_LENGTH = 10_000;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_LENGTH;

/** The page's localStorage, or null where there is none or it may not be used (private modes, tests). */
export function browserStorage(): PreferenceStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadCapturePreferences(storage: PreferenceStorage | null): CapturePreferences | null {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<CapturePreferences> | null;
    if (!saved || !isText(saved.device) || !isText(saved.filter)) return null;
    return { device: saved.device, filter: saved.filter };
  } catch {
    return null;
  }
}

export function saveCapturePreferences(storage: PreferenceStorage | null, prefs: CapturePreferences): void {
  try {
    storage?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // quota or a storage that refuses writes: the choice is just not remembered
  }
}

/** Store fields for the remembered choice: the device is kept only if the interface list offers it (see preferredDevice). */
export function restoredCapture(prefs: CapturePreferences | null): Partial<CaptureData> {
  if (!prefs) return {};
  return { device: prefs.device, captureFilter: prefs.filter };
}
