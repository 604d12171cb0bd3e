// The remembered Time Display Format and precision. Kept in the page's localStorage: in the
// browser mode that is the browser's, in Electron it lives in the app's userData directory (the
// same config directory the back end keeps recent files in). What comes back is checked like any
// other input; an older version's 'absolute' meant UTC.

import { isTimeFormat, isTimePrecision, type TimeFormat, type TimePrecision } from '../format/time-display';
import type { PreferenceStorage } from './capture-preferences';

export interface TimePreferences {
  format: TimeFormat;
  precision: TimePrecision;
}

const KEY = 'msnp-analyzer.time-display';

export function loadTimePreferences(storage: PreferenceStorage | null): TimePreferences | null {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as { format?: unknown; precision?: unknown } | null;
    if (!saved) return null;
    const format = saved.format === 'absolute' ? 'absolute-utc' : saved.format;
    if (!isTimeFormat(format) || !isTimePrecision(saved.precision)) return null;
    return { format, precision: saved.precision };
  } catch {
    return null;
  }
}

export function saveTimePreferences(storage: PreferenceStorage | null, prefs: TimePreferences): void {
  try {
    storage?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // a storage that refuses writes: the choice is just not remembered
  }
}
