// The display filter bar: green while the expression compiles, red with the reason when it does
// not; Enter applies it (frames:view: the back end filters). Shows how many packets are displayed.

import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { filterCompletions } from '../../../shared/display-filter/filter-completions';
import { useActions } from '../../app/analyzer-context';
import { checkDisplayFilter } from '../../app/filter-check';
import { IconClose, IconFilter } from '../../components/icons';
import { formatCount } from '../../format/time-format';
import { useAnalyzer } from '../../store/analyzer-state';
import { FilterButtons } from './FilterButtons';
import { recentFilters, rememberFilter } from './recent-filters';

export const DISPLAY_FILTER_INPUT_ID = 'display-filter-input';

/** Offered on an empty bar before anything was applied. */
const STARTERS = ['msnp', 'msnp.cmd == MSG', 'msnp.error', 'msnp.text contains ""', 'frame contains ""', 'tcp.stream == 0', 'tcp.flags.syn == 1'];

export function DisplayFilterBar() {
  const actions = useActions();
  const s = useAnalyzer(useShallow((st) => ({
    text: st.filterText, check: st.filterCheck, applied: st.appliedFilter, pending: st.filterRequest !== null,
    edit: st.editFilter, hasCapture: st.hasCapture, shown: st.displayedCount, total: st.frameCount,
  })));
  const [recent, setRecent] = useState(recentFilters);
  // Recent filters that extend what is typed, then the field names completing its last word.
  const suggestions = useMemo(() => {
    const typed = s.text.trim();
    const fromRecent = recent.filter((f) => f !== typed && f.startsWith(typed));
    const completions = typed === '' ? (recent.length ? [] : STARTERS) : filterCompletions(s.text).map((c) => c.value);
    return [...new Set([...fromRecent, ...completions])];
  }, [s.text, recent]);
  const apply = (): void => {
    if (s.check.status === 'invalid') return;
    setRecent(rememberFilter(s.text));
    void actions.applyFilter(s.text);
  };
  const clear = (): void => {
    s.edit('', { status: 'empty' });
    void actions.applyFilter('');
  };
  const unapplied = s.text.trim() !== s.applied && s.check.status !== 'invalid';
  return (
    <div className="filter-bar">
      <label className="filter-label" htmlFor={DISPLAY_FILTER_INPUT_ID}><IconFilter /></label>
      <div className={`filter-field ${s.check.status}`}>
        <input
          id={DISPLAY_FILTER_INPUT_ID}
          data-testid="display-filter"
          className="filter-input"
          list="display-filter-suggestions"
          spellCheck={false}
          autoComplete="off"
          placeholder="Apply a display filter … (Ctrl+/), e.g. msnp.cmd == MSG"
          aria-invalid={s.check.status === 'invalid'}
          value={s.text}
          onChange={(e) => s.edit(e.target.value, checkDisplayFilter(e.target.value))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            else if (e.key === 'Escape') s.edit(s.applied, checkDisplayFilter(s.applied));
          }}
        />
        {s.text && <button type="button" className="filter-clear" aria-label="Clear the display filter" onClick={clear}><IconClose /></button>}
        <button type="button" className="filter-apply" data-testid="display-filter-apply" aria-label="Apply the display filter" disabled={s.check.status === 'invalid'} onClick={apply}>
          ➜
        </button>
      </div>
      <datalist id="display-filter-suggestions" data-testid="display-filter-suggestions">{suggestions.map((x) => <option key={x} value={x} />)}</datalist>
      <FilterButtons />
      <div className="filter-status" role="status" data-testid="filter-status">
        {s.check.status === 'invalid' ? (
          <span className="filter-error" data-testid="filter-error">
            {s.check.error}{s.check.position !== undefined ? ` (at character ${s.check.position + 1})` : ''}
          </span>
        ) : s.pending ? (
          <span className="filter-hint">Filtering…</span>
        ) : unapplied ? (
          <span className="filter-hint">Press Enter to apply</span>
        ) : null}
      </div>
      {s.hasCapture && (
        <div className="filter-counters" data-testid="displayed-count">
          {s.applied ? `Displayed ${formatCount(s.shown)} of ${formatCount(s.total)}` : `${formatCount(s.total)} packets`}
        </div>
      )}
    </div>
  );
}
