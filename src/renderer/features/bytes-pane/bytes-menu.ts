// The bytes pane's context menu: copy the selected field's bytes (or the whole frame when no field
// is selected) as a hex + ASCII dump, a hex stream, printable text or Base64, as Wireshark does.

import { copyText } from '../../app/clipboard';
import type { MenuEntry } from '../../components/ContextMenu';
import { base64Text, hexDumpText, hexStreamText, printableText, spacedHexText } from './bytes-copy-formats';

/** The bytes a copy is about: the highlighted range when there is one, else the whole frame. */
export function bytesInScope(bytes: Uint8Array, highlight: readonly [number, number] | null): Uint8Array {
  return highlight && highlight[1] > 0 ? bytes.subarray(highlight[0], highlight[0] + highlight[1]) : bytes;
}

export function bytesMenu(bytes: Uint8Array, partial: boolean): MenuEntry[] {
  const what = partial ? 'selected bytes' : 'bytes';
  return [
    { label: `Copy ${what} as hex dump`, testId: 'copy-hex-dump', onSelect: () => void copyText(hexDumpText(bytes)) },
    { label: `Copy ${what} as hex`, testId: 'copy-hex', onSelect: () => void copyText(spacedHexText(bytes)) },
    { label: `Copy ${what} as hex stream`, testId: 'copy-hex-stream', onSelect: () => void copyText(hexStreamText(bytes)) },
    { label: `Copy ${what} as printable text`, testId: 'copy-printable', onSelect: () => void copyText(printableText(bytes)) },
    { label: `Copy ${what} as Base64`, testId: 'copy-base64', onSelect: () => void copyText(base64Text(bytes)) },
  ];
}

/** The [first, last] byte offsets of the pane's byte cells the selection touches, or null. */
export function selectedOffsets(pane: HTMLElement, selection: Selection | null): [number, number] | null {
  if (!selection || selection.isCollapsed || !pane.contains(selection.anchorNode)) return null;
  let first = Infinity;
  let last = -1;
  for (const cell of pane.querySelectorAll<HTMLElement>('[data-offset]')) {
    if (!selection.containsNode(cell, true)) continue;
    const offset = Number(cell.dataset.offset);
    first = Math.min(first, offset);
    last = Math.max(last, offset);
  }
  return last >= 0 ? [first, last] : null;
}
