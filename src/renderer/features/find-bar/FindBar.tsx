// Find Packet (Ctrl+F), as Wireshark's find bar: search by display filter, hex value, string or
// regular expression; strings and expressions in the packet list's columns, the packet details or
// the bytes; case sensitive or not; strings in bytes as UTF-8, UTF-16 or either. Enter finds the
// next match after the selected packet (Shift+Enter the previous), wrapping around; the back end
// searches (frames:find) and the bar says what it found, or why not, in words. Escape closes it
// (and stops a search still running).

import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FindEncoding, FindMode, FindScope } from '../../../shared/navigation';
import { useActions } from '../../app/analyzer-context';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';

const MODES: { mode: FindMode; label: string; placeholder: string }[] = [
  { mode: 'filter', label: 'Display filter', placeholder: 'a display filter, e.g. msnp.cmd == MSG' },
  { mode: 'hex', label: 'Hex value', placeholder: 'bytes, e.g. 4d 53 47' },
  { mode: 'string', label: 'String', placeholder: 'text to find' },
  { mode: 'regex', label: 'Regular expression', placeholder: 'a regular expression, e.g. MSG \\d+ N' },
];
const SCOPES: { scope: FindScope; label: string }[] = [
  { scope: 'list', label: 'Packet list' },
  { scope: 'details', label: 'Packet details' },
  { scope: 'bytes', label: 'Packet bytes' },
];
const ENCODINGS: { encoding: FindEncoding; label: string }[] = [
  { encoding: 'both', label: 'Narrow & wide' },
  { encoding: 'narrow', label: 'Narrow (UTF-8/ASCII)' },
  { encoding: 'wide', label: 'Wide (UTF-16)' },
];

export function FindBar() {
  const actions = useActions();
  const s = useAnalyzer(useShallow((st) => ({
    open: st.findOpen && st.hasCapture, focus: st.findFocusToken, query: st.findQuery, busy: st.findBusy, message: st.findMessage,
    edit: st.editFind, close: st.closeFind,
  })));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (s.open) input.current?.focus();
  }, [s.open, s.focus]);
  if (!s.open) return null;
  const q = s.query;
  const textual = q.mode === 'string' || q.mode === 'regex';
  const close = (): void => {
    if (analyzerStore.getState().findBusy) void actions.cancelFind();
    s.close();
  };
  return (
    <div className="find-bar" role="search" aria-label="Find packet" data-testid="find-bar">
      <select data-testid="find-mode" aria-label="Search by" value={q.mode} onChange={(e) => s.edit({ mode: e.target.value as FindMode })}>
        {MODES.map((m) => <option key={m.mode} value={m.mode}>{m.label}</option>)}
      </select>
      {textual && (
        <select data-testid="find-scope" aria-label="Search in" value={q.scope} onChange={(e) => s.edit({ scope: e.target.value as FindScope })}>
          {SCOPES.map((m) => <option key={m.scope} value={m.scope}>{m.label}</option>)}
        </select>
      )}
      {q.mode === 'string' && q.scope === 'bytes' && (
        <select data-testid="find-encoding" aria-label="Character width" value={q.encoding} onChange={(e) => s.edit({ encoding: e.target.value as FindEncoding })}>
          {ENCODINGS.map((m) => <option key={m.encoding} value={m.encoding}>{m.label}</option>)}
        </select>
      )}
      {textual && (
        <label className="find-case">
          <input type="checkbox" data-testid="find-case" checked={q.caseSensitive} onChange={(e) => s.edit({ caseSensitive: e.target.checked })} /> Case sensitive
        </label>
      )}
      <input
        ref={input}
        className="find-input"
        data-testid="find-input"
        aria-label="Find"
        spellCheck={false}
        placeholder={MODES.find((m) => m.mode === q.mode)?.placeholder}
        value={q.text}
        onChange={(e) => s.edit({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void actions.find(e.shiftKey ? 'previous' : 'next');
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <button type="button" className="tool-button" data-testid="find-next" disabled={s.busy || q.text.trim() === ''} onClick={() => void actions.find('next')} title="Find the next match (Enter)">
        Find
      </button>
      <button type="button" className="tool-button" data-testid="find-previous" disabled={s.busy || q.text.trim() === ''} onClick={() => void actions.find('previous')} title="Find the previous match (Shift+Enter)">
        Previous
      </button>
      {s.busy && <button type="button" className="tool-button" data-testid="find-cancel" onClick={() => void actions.cancelFind()}>Stop</button>}
      <span className="find-message" data-testid="find-message" role="status">{s.message}</span>
      <button type="button" className="tool-button" data-testid="find-close" onClick={close} title="Close (Escape)">Close</button>
    </div>
  );
}
