// Time and size texts for the side views. Capture times are shown in UTC (forensic timelines are
// compared across machines). The packet list's Time column has its own formats: time-display.ts.

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "14:02:33" from an ISO 8601 timestamp; '' when unparseable. */
export function formatClock(iso: string | undefined): string {
  const match = /T(\d\d:\d\d:\d\d)/.exec(iso ?? '');
  return match ? match[1] : '';
}

/** "2005-03-10 14:02:33" from an ISO 8601 timestamp. */
export function formatDateTime(iso: string | undefined): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(iso ?? '');
  return match ? `${match[1]} ${match[2]}` : '';
}

/** "1 h 02 min", "3 min 05 s", "12.3 s" between two ISO timestamps; '' when either is missing. */
export function formatDuration(startIso: string | undefined, endIso: string | undefined): string {
  const start = Date.parse(startIso ?? '');
  const end = Date.parse(endIso ?? '');
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return '';
  return formatSeconds((end - start) / 1000);
}

export function formatSeconds(total: number): string {
  if (total < 60) return `${total.toFixed(1)} s`;
  const s = Math.floor(total);
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** "00:01:23" for an elapsed number of seconds. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

const groupFormat = new Intl.NumberFormat('en-US');

/** "1,234,567". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? groupFormat.format(n) : '';
}

/** "145 B", "19.5 KiB", "3.2 MiB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
