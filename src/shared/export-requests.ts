// What the renderer may ask to export besides the capture itself (issue 8): packet dissections
// (Wireshark's File → Export Packet Dissections), the recovered files (Export Objects → MSN files)
// and a session's transcript. As for every write, no request names a path: the back end asks
// (Electron's save dialog) or writes into its output directory and hands the file over as a download.

/** Packet list as CSV ("As CSV"), details as plain text ("As Plain Text"), details as JSON (`tshark -T json`'s spirit). */
export type DissectionFormat = 'csv' | 'text' | 'json';

export const DISSECTION_FORMATS: readonly DissectionFormat[] = ['csv', 'text', 'json'];

export const DISSECTION_EXTENSIONS: Record<DissectionFormat, string> = { csv: 'csv', text: 'txt', json: 'json' };

export interface DissectionExportRequest {
  format: DissectionFormat;
  /** Only the frames the display filter shows, in the order the list shows them; otherwise every frame in frame order. */
  displayedOnly?: boolean;
  /** Frame numbers such as "1-100, 250, 300-" (blank: no narrowing). */
  range?: string;
  /** The Time column: seconds since the first frame (default, Wireshark's) or absolute UTC. */
  time?: 'relative' | 'absolute';
}

export type TranscriptFormat = 'text' | 'html' | 'json';

export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = ['text', 'html', 'json'];

export const TRANSCRIPT_EXTENSIONS: Record<TranscriptFormat, string> = { text: 'txt', html: 'html', json: 'json' };

/** At most this many bytes of a recovered file cross to the window for its inline viewer. */
export const PREVIEW_LIMIT_BYTES = 8 * 1024 * 1024;
/** Text is shown up to this many bytes (then "…truncated"). */
export const PREVIEW_TEXT_BYTES = 256 * 1024;

/** An image the window may show: only formats a browser decodes as pixels, never HTML or SVG. */
export type PreviewImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/bmp';

/** What the inline viewer of Export Objects shows for one recovered file. */
export type ObjectPreview =
  | { kind: 'image'; mime: PreviewImageType; bytes: Uint8Array; size: number }
  | { kind: 'text'; text: string; size: number; truncated: boolean }
  | { kind: 'none'; reason: string };

export type ExportAnswer = { ok: true; path: string } | { ok: false; error: string };
