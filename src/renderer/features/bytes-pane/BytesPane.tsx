// The bytes of the selected frame as a hex dump (offset, 16 hex bytes, text). The byte range of the
// selected tree node is highlighted; clicking a byte selects the tree node that covers it. A context
// menu copies the bytes in Wireshark's formats; a plain copy of a selection gives spaced hex.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { copyText } from '../../app/clipboard';
import { isMenuKey, useContextMenu, type MenuAnchor } from '../../components/ContextMenu';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { nodeAt, pathAtByte } from '../command-tree/tree-lines';
import { spacedHexText } from './bytes-copy-formats';
import { bytesInScope, bytesMenu, selectedOffsets } from './bytes-menu';
import { BYTES_PER_ROW, dumpRowCount, HEX_BYTE, inRange, offsetText, TEXT_BYTE } from './hex-dump';

const LINE_HEIGHT = 17;

export function BytesPane() {
  const { detail, highlight } = useAnalyzer(useShallow((s) => ({ detail: s.detail, highlight: s.highlight })));
  const bytes = detail?.bytes ?? new Uint8Array(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: dumpRowCount(bytes.length), getScrollElement: () => scrollRef.current, estimateSize: () => LINE_HEIGHT, overscan: 10 });

  useEffect(() => {
    if (highlight && highlight[1] > 0) virtualizer.scrollToIndex(Math.floor(highlight[0] / BYTES_PER_ROW), { align: 'auto' });
  }, [highlight, virtualizer]);

  const menu = useContextMenu();
  const openMenu = (anchor: MenuAnchor): void => {
    if (bytes.length > 0) menu.open(anchor, bytesMenu(bytesInScope(bytes, highlight), highlight !== null && highlight[1] > 0));
  };
  // A plain copy of selected bytes gives their hex, spaced: not the offsets, hex and text of each
  // line interleaved as the page's own text would be.
  const onCopy = (event: ClipboardEvent<HTMLDivElement>): void => {
    const range = scrollRef.current ? selectedOffsets(scrollRef.current, window.getSelection()) : null;
    if (!range) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', spacedHexText(bytes.subarray(range[0], range[1] + 1)));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (isMenuKey(event)) {
      event.preventDefault();
      const r = scrollRef.current?.getBoundingClientRect();
      openMenu(r ? { x: r.left + 40, y: r.top + 20 } : { x: 100, y: 100 });
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && window.getSelection()?.isCollapsed !== false) {
      // Nothing selected with the mouse: copy the selected field's bytes (or the frame's).
      event.preventDefault();
      if (bytes.length > 0) void copyText(spacedHexText(bytesInScope(bytes, highlight)));
    }
  };

  const selectByte = (offset: number): void => {
    if (!detail) return;
    const path = pathAtByte(detail.tree, offset);
    const node = path ? nodeAt(detail.tree, path) : null;
    analyzerStore.getState().selectNode(path, node?.range ?? null);
  };

  const cells = (start: number, kind: 'hex' | 'text') => {
    const out = [];
    for (let i = 0; i < BYTES_PER_ROW; i++) {
      const offset = start + i;
      const present = offset < bytes.length;
      const hl = present && inRange(offset, highlight);
      const text = present ? (kind === 'hex' ? HEX_BYTE[bytes[offset]] : TEXT_BYTE[bytes[offset]]) : kind === 'hex' ? '  ' : ' ';
      out.push(
        <span
          key={i}
          data-offset={present ? offset : undefined}
          className={`${kind === 'hex' ? 'hex-byte' : 'text-byte'}${hl ? ' hl' : ''}${hl && (i === BYTES_PER_ROW - 1 || !inRange(offset + 1, highlight)) ? ' hl-last' : ''}${kind === 'hex' && i === 7 ? ' gap' : ''}`}
          // Only the primary button selects: a right-click copies what is already selected.
          onMouseDown={present ? (e) => { if (e.button === 0) selectByte(offset); } : undefined}
        >
          {text}
        </span>,
      );
    }
    return out;
  };

  return (
    <div
      className="bytes-pane pane-scroll"
      ref={scrollRef}
      data-testid="bytes-pane"
      aria-label="Packet bytes"
      tabIndex={0}
      onCopy={onCopy}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => {
        e.preventDefault();
        openMenu({ x: e.clientX, y: e.clientY });
      }}
    >
      {bytes.length === 0 ? (
        <div className="pane-placeholder">{detail ? 'No bytes.' : ''}</div>
      ) : (
        <div className="bytes-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const start = item.index * BYTES_PER_ROW;
            return (
              <div key={item.index} className="bytes-line" style={{ transform: `translateY(${item.start}px)` }}>
                <span className="bytes-offset">{offsetText(start, bytes.length)}</span>
                <span className="bytes-hex">{cells(start, 'hex')}</span>
                <span className="bytes-text">{cells(start, 'text')}</span>
              </div>
            );
          })}
        </div>
      )}
      {menu.element}
    </div>
  );
}
