// Captured text in the window: isolated from the text around it (<bdi>, so right-to-left letters
// or a stray override cannot reorder the rest of the line) and with every bidi control, zero-width
// and control character shown as a styled ⟨U+XXXX⟩ marker (src/shared/visible-text.ts), so
// `invoice<RLO>gpj.exe` reads as `invoice⟨U+202E⟩gpj.exe`, never as `invoiceexe.jpg`.

import { invisibleParts } from '../../shared/visible-text';

/** `keep`: characters harmless where this text is shown (e.g. line breaks of a chat message). */
export function CapturedText({ text, keep, className }: { text: string; keep?: string; className?: string }) {
  return (
    <bdi className={className ? `captured ${className}` : 'captured'}>
      {invisibleParts(text, keep).map((part, i) => (part.codePoint === undefined ? part.text : <span key={i} className="hidden-char">{part.text}</span>))}
    </bdi>
  );
}
