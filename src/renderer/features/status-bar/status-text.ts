// Status bar texts: load progress (percent, frames/s) and live capture counters.

import type { LoadProgress } from '../../../shared/ipc-contract';
import { formatCount, formatElapsed } from '../../format/time-format';

/** Whole percent of a file load; null when the total size is unknown. */
export function loadPercent(p: LoadProgress): number | null {
  if (!(p.bytesTotal > 0)) return null;
  return Math.max(0, Math.min(100, Math.floor((p.bytesDone / p.bytesTotal) * 100)));
}

export function rateText(framesPerSecond: number): string {
  return `${formatCount(Math.round(framesPerSecond))} frames/s`;
}

/**
 * "captured: 1,234 · dropped: 0 · elapsed: 00:01:05 · 120 frames/s". Without libpcap statistics
 * the back end leaves `dropped` out: that is "unknown", never 0.
 */
export function liveText(p: LoadProgress): string {
  const dropped = typeof p.dropped === 'number' && Number.isFinite(p.dropped) ? formatCount(p.dropped) : 'unknown';
  const parts = [
    `captured: ${formatCount(p.captured ?? p.frames)}`,
    `dropped: ${dropped}`,
    `elapsed: ${formatElapsed(p.elapsedSeconds ?? 0)}`,
    rateText(p.framesPerSecond),
  ];
  return parts.join(' · ');
}

/** Sum of all MSNP commands counted by the analysis. */
export function commandTotal(counts: Record<string, number> | undefined): number {
  let total = 0;
  for (const n of Object.values(counts ?? {})) if (Number.isFinite(n)) total += n;
  return total;
}

/** Last path component, for a short file label. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
