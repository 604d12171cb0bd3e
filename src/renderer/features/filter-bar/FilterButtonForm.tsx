// The small form that saves or edits a filter button: a label and a display filter, checked as in
// the filter bar (green or red with the reason); Enter saves, Escape cancels.

import { useCallback, useRef, useState } from 'react';
import { checkDisplayFilter } from '../../app/filter-check';
import { useDismiss } from '../../components/use-dismiss';
import type { FilterButton } from '../../store/preferences-slice';
import { checkFilterButton, MAX_BUTTON_EXPRESSION, MAX_BUTTON_LABEL } from '../../store/window-preferences';

interface FilterButtonFormProps {
  initial: FilterButton;
  isNew: boolean;
  /** Where it opens (viewport coordinates, below the button that opened it). */
  anchor: { x: number; y: number };
  onSave(button: FilterButton): void;
  onCancel(): void;
}

export function FilterButtonForm({ initial, isNew, anchor, onSave, onCancel }: FilterButtonFormProps) {
  const [label, setLabel] = useState(initial.label);
  const [expression, setExpression] = useState(initial.expression);
  const root = useRef<HTMLFormElement>(null);
  const cancel = useCallback(() => onCancel(), [onCancel]);
  useDismiss(true, cancel, root, 'input');
  const check = checkDisplayFilter(expression);
  const button = check.status === 'valid' ? checkFilterButton({ label, expression }) : null;
  return (
    <form
      ref={root}
      className="filter-button-form menu"
      data-testid="filter-button-form"
      aria-label={isNew ? 'New filter button' : 'Edit filter button'}
      style={{ top: anchor.y, left: Math.max(4, Math.min(anchor.x, window.innerWidth - 340)) }}
      onSubmit={(e) => {
        e.preventDefault();
        if (button) onSave(button);
      }}
    >
      <label className="menu-field">Label
        <input data-testid="filter-button-label" value={label} maxLength={MAX_BUTTON_LABEL} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Chat" />
      </label>
      <label className="menu-field">Filter
        <input data-testid="filter-button-expression" className={`filter-button-expression ${check.status}`} value={expression} maxLength={MAX_BUTTON_EXPRESSION} spellCheck={false}
          onChange={(e) => setExpression(e.target.value)} placeholder="msnp.cmd == MSG" />
      </label>
      {check.status === 'invalid' && <div className="filter-button-error" role="alert">{check.error}</div>}
      <div className="filter-button-form-actions">
        <button type="button" className="tool-button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="tool-button start" data-testid="filter-button-save" disabled={!button}>{isNew ? 'Save button' : 'Save'}</button>
      </div>
    </form>
  );
}
