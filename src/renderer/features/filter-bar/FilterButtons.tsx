// Saved filter buttons beside the display filter bar (Wireshark's filter buttons): "+" saves the
// filter in the bar (or any expression) under a label; a button applies its filter; its context
// menu (right-click, ContextMenu key, Shift+F10) edits, moves or removes it. Remembered with the
// window's layout (window-preferences.ts).

import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useActions } from '../../app/analyzer-context';
import { applyFilterText } from '../../app/filter-menu';
import { isMenuKey, useContextMenu, type MenuEntry } from '../../components/ContextMenu';
import { useAnalyzer, analyzerStore } from '../../store/analyzer-state';
import type { FilterButton } from '../../store/preferences-slice';
import { FilterButtonForm } from './FilterButtonForm';

/** Edits of the button list: pure, by index. */
export function replaceButton(buttons: readonly FilterButton[], index: number, button: FilterButton | null): FilterButton[] {
  const next = [...buttons];
  if (index >= next.length) {
    if (button) next.push(button);
  } else if (button) next[index] = button;
  else next.splice(index, 1);
  return next;
}

export function moveButton(buttons: readonly FilterButton[], index: number, step: -1 | 1): FilterButton[] {
  const to = index + step;
  if (to < 0 || to >= buttons.length) return [...buttons];
  const next = [...buttons];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export function FilterButtons() {
  const actions = useActions();
  const { buttons, filterText } = useAnalyzer(useShallow((s) => ({ buttons: s.filterButtons, filterText: s.filterText })));
  /** The button being edited (buttons.length: a new one), or null. */
  const [editing, setEditing] = useState<number | null>(null);
  const [anchor, setAnchor] = useState({ x: 0, y: 0 });
  const edit = (index: number, near: Element | null): void => {
    const r = near?.getBoundingClientRect();
    setAnchor(r ? { x: r.left, y: r.bottom + 4 } : { x: 100, y: 80 });
    setEditing(index);
  };
  const menu = useContextMenu();
  const addRef = useRef<HTMLButtonElement>(null);
  const set = (next: FilterButton[]): void => analyzerStore.getState().setFilterButtons(next);

  const menuFor = (index: number): MenuEntry[] => [
    { label: 'Apply', testId: 'filter-button-apply', onSelect: () => applyFilterText(actions, buttons[index].expression) },
    { label: 'Edit…', testId: 'filter-button-edit', onSelect: () => edit(index, document.querySelectorAll('[data-testid=filter-button]')[index] ?? null) },
    { kind: 'separator' },
    { label: 'Move Left', testId: 'filter-button-left', disabled: index === 0, onSelect: () => set(moveButton(buttons, index, -1)) },
    { label: 'Move Right', testId: 'filter-button-right', disabled: index === buttons.length - 1, onSelect: () => set(moveButton(buttons, index, 1)) },
    { kind: 'separator' },
    { label: 'Remove', testId: 'filter-button-remove', onSelect: () => set(replaceButton(buttons, index, null)) },
  ];

  return (
    <div className="filter-buttons" role="group" aria-label="Saved filter buttons">
      {buttons.map((b, i) => (
        <button
          key={`${i}:${b.label}`}
          type="button"
          className="filter-button"
          data-testid="filter-button"
          title={b.expression}
          onClick={() => applyFilterText(actions, b.expression)}
          onContextMenu={(e) => {
            e.preventDefault();
            menu.open({ x: e.clientX, y: e.clientY }, menuFor(i));
          }}
          onKeyDown={(e) => {
            if (!isMenuKey(e)) return;
            e.preventDefault();
            const r = e.currentTarget.getBoundingClientRect();
            menu.open({ x: r.left, y: r.bottom }, menuFor(i));
          }}
        >
          {b.label}
        </button>
      ))}
      <button ref={addRef} type="button" className="filter-button-add" data-testid="filter-button-add" title="Save a display filter as a button" aria-label="Save a display filter as a button" onClick={(e) => edit(buttons.length, e.currentTarget)}>
        +
      </button>
      {editing !== null && (
        <FilterButtonForm
          initial={buttons[editing] ?? { label: '', expression: filterText.trim() }}
          isNew={editing >= buttons.length}
          anchor={anchor}
          onSave={(button) => { set(replaceButton(buttons, editing, button)); setEditing(null); }}
          onCancel={() => { setEditing(null); addRef.current?.focus(); }}
        />
      )}
      {menu.element}
    </div>
  );
}
