// Captured text is attacker-controlled. Characters that are invisible or that steer how the text
// around them is laid out — bidi overrides, embeddings, isolates and marks, zero-width characters,
// C0/C1 controls — are replaced by a visible marker, so `invoice<RLO>gpj.exe` cannot pass for
// `invoiceexe.jpg`, a nick cannot reverse the rest of a line and nothing can drive a terminal.
// One list for every place that shows captured text: the text and CSV reports (escapes a terminal
// shows as text) and the window (⟨U+202E⟩ markers, each captured string also isolated by <bdi>).

/** Bidi controls (U+061C, 200E/F, 202A–E, 2066–9), zero-width (200B–D, 2060, FEFF), C0 and C1 controls. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** How one hidden character is shown. */
export type Marker = (codePoint: number) => string;

/** `⟨U+202E⟩`: the window's marker. */
export const unicodeMarker: Marker = (cp) => `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`;

/** `\u{202e}`: the reports' marker, plain ASCII for terminals. */
export const escapeMarker: Marker = (cp) => `\\u{${cp.toString(16)}}`;

/** `s` with every hidden character replaced by `mark(codePoint)`, except those listed in `keep` (e.g. '\n'). */
export function showInvisible(s: string, mark: Marker = unicodeMarker, keep = ''): string {
  return s.replace(INVISIBLE, (c) => (keep.includes(c) ? c : mark(c.codePointAt(0)!)));
}

/** Whether `s` holds any character showInvisible would replace. */
export function hasInvisible(s: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(s);
}

export type TextPart = { text: string; codePoint?: undefined } | { text: string; codePoint: number };

/** `s` cut into plain runs and hidden characters (with their marker as text), for styled rendering. */
export function invisibleParts(s: string, keep = ''): TextPart[] {
  const parts: TextPart[] = [];
  let start = 0;
  for (const m of s.matchAll(INVISIBLE)) {
    if (keep.includes(m[0])) continue;
    if (m.index > start) parts.push({ text: s.slice(start, m.index) });
    const codePoint = m[0].codePointAt(0)!;
    parts.push({ text: unicodeMarker(codePoint), codePoint });
    start = m.index + 1;
  }
  if (start < s.length || parts.length === 0) parts.push({ text: s.slice(start) });
  return parts;
}
