// Closes a popup (menu, dialog) on Escape or a pointer press outside `root`, and focuses its first
// element matching `focus` when it opens.

import { useEffect, type RefObject } from 'react';

export function useDismiss(open: boolean, close: () => void, root: RefObject<HTMLElement | null>, focus?: string): void {
  useEffect(() => {
    if (!open) return;
    if (focus) root.current?.querySelector<HTMLElement>(focus)?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open, close, root, focus]);
}
