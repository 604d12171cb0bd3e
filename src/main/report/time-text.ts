// Time formatting shared by reports: µs since the epoch → ISO 8601 UTC with microseconds.

export function isoFromMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const micros = us - ms * 1000;
  const iso = new Date(ms).toISOString(); // 2005-06-14T12:00:01.123Z
  return `${iso.slice(0, 23)}${String(Math.round(micros)).padStart(3, '0')}Z`;
}

/** "12:00:01" from an ISO time, for compact transcripts. */
export function clockOf(iso: string): string {
  return iso.slice(11, 19);
}
