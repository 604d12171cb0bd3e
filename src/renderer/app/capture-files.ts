// Which dropped or chosen files the analyzer accepts: libpcap and pcapng captures, optionally
// gzip-compressed. Anything else is refused with a message instead of being sent to the back end.

export const CAPTURE_EXTENSIONS = ['.pcap', '.pcapng', '.cap', '.gz'] as const;
export const CAPTURE_ACCEPT = CAPTURE_EXTENSIONS.join(',');

export function isCaptureFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return CAPTURE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

export function partitionCaptureFiles<F extends { name: string }>(files: readonly F[]): { accepted: F[]; rejected: F[] } {
  const accepted: F[] = [];
  const rejected: F[] = [];
  for (const file of files) (isCaptureFileName(file.name) ? accepted : rejected).push(file);
  return { accepted, rejected };
}

export function rejectionMessage(rejected: readonly { name: string }[]): string {
  const names = rejected.slice(0, 3).map((f) => `“${f.name}”`).join(', ');
  const more = rejected.length > 3 ? ` and ${rejected.length - 3} more` : '';
  return `Not a capture file: ${names}${more}. Drop a .pcap, .pcapng, .cap or .gz file.`;
}
