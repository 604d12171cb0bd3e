// One context menu for every view (packet list, command tree, bytes, side tables), after the WAI-ARIA
// menu pattern: role=menu / menuitem, focus on the first item when it opens, ↑/↓ Home/End to move,
// Enter/Space to choose, → or Enter to open a submenu and ← to close it, Escape closes one level,
// Tab or a click elsewhere closes all. Focus goes back where it was when the menu closes.
// Open it with right-click or, from the keyboard, the ContextMenu key or Shift+F10 (isMenuKey).

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export type MenuEntry =
  | { kind?: 'item'; label: ReactNode; onSelect?(): void; items?: MenuEntry[]; disabled?: boolean; testId?: string }
  | { kind: 'separator' };

export interface MenuAnchor {
  x: number;
  y: number;
}

/** The keyboard's context-menu key, or Shift+F10 (Windows' and Wireshark's other way to it). */
export function isMenuKey(event: { key: string; shiftKey: boolean }): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

/** Where a keyboard-opened menu goes: below the start of the focused thing (a row, a node). */
export function anchorBelow(element: Element | null | undefined): MenuAnchor {
  const r = element?.getBoundingClientRect();
  return r ? { x: r.left + 16, y: r.bottom } : { x: 100, y: 100 };
}

type Item = Extract<MenuEntry, { label: ReactNode }>;
const isItem = (e: MenuEntry): e is Item => e.kind !== 'separator';
const enabled = (e: MenuEntry): boolean => isItem(e) && !e.disabled;

interface MenuListProps {
  entries: MenuEntry[];
  anchor: MenuAnchor;
  level: number;
  closeAll(): void;
  /** Closes this level only (a submenu), returning focus to the item that opened it. */
  closeSelf(): void;
}

function MenuList({ entries, anchor, level, closeAll, closeSelf }: MenuListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() => entries.findIndex(enabled));
  const [open, setOpen] = useState<{ index: number; anchor: MenuAnchor } | null>(null);
  const [position, setPosition] = useState(anchor);

  // Keep the menu inside the window.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPosition({ x: Math.max(0, Math.min(anchor.x, window.innerWidth - width - 4)), y: Math.max(0, Math.min(anchor.y, window.innerHeight - height - 4)) });
  }, [anchor]);

  useEffect(() => {
    if (open === null) ref.current?.querySelectorAll<HTMLElement>(':scope > [role=menuitem]')[itemOrdinal(entries, active)]?.focus();
  }, [active, open, entries]);

  const openSubmenu = (index: number): void => {
    const el = ref.current?.querySelectorAll<HTMLElement>(':scope > [role=menuitem]')[itemOrdinal(entries, index)];
    const r = el?.getBoundingClientRect();
    setActive(index);
    setOpen({ index, anchor: r ? { x: r.right - 2, y: r.top - 4 } : anchor });
  };

  const choose = (index: number): void => {
    const entry = entries[index];
    if (!entry || !isItem(entry) || entry.disabled) return;
    if (entry.items) openSubmenu(index);
    else {
      closeAll();
      entry.onSelect?.();
    }
  };

  const move = (from: number, step: number): number => {
    for (let n = 1; n <= entries.length; n++) {
      const i = (from + step * n + entries.length * n) % entries.length;
      if (enabled(entries[i])) return i;
    }
    return from;
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (open !== null) return; // the submenu handles its own keys
    const entry = entries[active];
    switch (event.key) {
      case 'ArrowDown': setActive(move(active, 1)); break;
      case 'ArrowUp': setActive(move(active, -1)); break;
      case 'Home': setActive(move(-1, 1)); break;
      case 'End': setActive(move(entries.length, -1)); break;
      case 'Enter': case ' ': choose(active); break;
      case 'ArrowRight': if (entry && isItem(entry) && entry.items) openSubmenu(active); break;
      case 'ArrowLeft': if (level > 0) closeSelf(); break;
      case 'Escape': if (level > 0) closeSelf(); else closeAll(); break;
      case 'Tab': closeAll(); break;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const sub = open !== null ? entries[open.index] : undefined;
  return (
    <>
      <div
        ref={ref}
        role="menu"
        className="context-menu"
        data-testid={level === 0 ? 'context-menu' : 'context-submenu'}
        style={{ left: position.x, top: position.y }}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => e.preventDefault()}
      >
        {entries.map((entry, i) => (!isItem(entry) ? (
          <div key={i} role="separator" className="context-menu-separator" />
        ) : (
          <div
            key={i}
            role="menuitem"
            tabIndex={-1}
            aria-disabled={entry.disabled || undefined}
            aria-haspopup={entry.items ? 'menu' : undefined}
            aria-expanded={entry.items ? open?.index === i : undefined}
            data-testid={entry.testId}
            className={`context-menu-item${i === active ? ' active' : ''}${entry.disabled ? ' disabled' : ''}`}
            onMouseEnter={() => {
              if (!enabled(entry)) return;
              if (entry.items) openSubmenu(i);
              else {
                setOpen(null);
                setActive(i);
              }
            }}
            onClick={() => choose(i)}
          >
            <span className="context-menu-label">{entry.label}</span>
            {entry.items && <span className="context-menu-arrow" aria-hidden>▸</span>}
          </div>
        )))}
      </div>
      {sub && isItem(sub) && sub.items && open && (
        <MenuList entries={sub.items} anchor={open.anchor} level={level + 1} closeAll={closeAll} closeSelf={() => setOpen(null)} />
      )}
    </>
  );
}

/** Index among the menuitems (separators skipped) of entry `index`. */
function itemOrdinal(entries: MenuEntry[], index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (isItem(entries[i])) n++;
  return n;
}

const stop = (e: { stopPropagation(): void }): void => e.stopPropagation();

/** A view's context menu: `open(anchor, entries)` shows it; render `element` somewhere in the view. */
export function useContextMenu(): { open(anchor: MenuAnchor, entries: MenuEntry[]): void; element: ReactNode } {
  const [menu, setMenu] = useState<{ anchor: MenuAnchor; entries: MenuEntry[] } | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Set at once (state lags): the ContextMenu key and Shift+F10 may also send a contextmenu event
  // after the keydown that opened the menu; that second request must not reopen it.
  const isOpen = useRef(false);

  const open = useCallback((anchor: MenuAnchor, entries: MenuEntry[]) => {
    if (entries.length === 0 || isOpen.current) return;
    isOpen.current = true;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setMenu({ anchor, entries });
  }, []);
  const close = useCallback(() => {
    isOpen.current = false;
    setMenu(null);
    returnFocus.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (!menu) return;
    const outside = (e: PointerEvent): void => {
      if (!rootRef.current?.contains(e.target as Node)) close();
    };
    const blur = (): void => close();
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('blur', blur);
    window.addEventListener('resize', blur);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('blur', blur);
      window.removeEventListener('resize', blur);
    };
  }, [menu, close]);

  const element = menu
    ? createPortal(
      // React events bubble out of a portal to the view that rendered it: stop them here.
      <div ref={rootRef} className="context-menu-root" onKeyDown={stop} onMouseDown={stop} onClick={stop} onContextMenu={stop} onDoubleClick={stop}>
        <MenuList entries={menu.entries} anchor={menu.anchor} level={0} closeAll={close} closeSelf={close} />
      </div>,
      document.body,
    )
    : null;
  return { open, element };
}
