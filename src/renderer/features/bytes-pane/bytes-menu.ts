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

/**
 * The [first, last] byte offsets a selection in the pane spans: from the byte cell it starts in to
 * the one it ends in (hex or text column alike); when an end lies outside the cells (an offset
 * column), the hex cells it touches.
 */
export function selectedOffsets(pane: HTMLElement, selection: Selection | null): [number, number] | null {
  if (!selection || selection.isCollapsed || !pane.contains(selection.anchorNode)) return null;
  const cellOf = (node: Node | null): HTMLElement | null => (node instanceof Element ? node : node?.parentElement ?? null)?.closest<HTMLElement>('[data-offset]') ?? null;
  const ends = [cellOf(selection.anchorNode), cellOf(selection.focusNode)];
  let offsets: number[];
  if (ends[0] && ends[1]) offsets = ends.map((cell) => Number(cell!.dataset.offset));
  else offsets = [...pane.querySelectorAll<HTMLElement>('.hex-byte[data-offset]')].filter((c) => selection.containsNode(c, true)).map((c) => Number(c.dataset.offset));
  return offsets.length > 0 ? [Math.min(...offsets), Math.max(...offsets)] : null;
}
