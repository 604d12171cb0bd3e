// Toolbar "Statistics": a menu of the Statistics views, each opening the Statistics dialog on it
// (App's StatisticsWindow shows it; in Electron the Statistics menu does the same), and the
// Flow Graph of the displayed packets.

import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../../components/use-dismiss';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { openFlowGraph } from '../flow-graph/flow-graph-state';
import { STATS_VIEWS } from '../statistics/StatisticsDialog';

export function StatisticsMenu() {
  const hasCapture = useAnalyzer((s) => s.hasCapture && s.frameCount > 0);
  const [open, setOpen] = useState(false);
  const setView = useAnalyzer((s) => s.setStatsView);
  const root = useRef<HTMLSpanElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, '[role=menuitem]');
  return (
    <span className="menu-anchor" ref={root}>
      <button type="button" className="tool-button" data-testid="statistics-menu" aria-haspopup="menu" aria-expanded={open} disabled={!hasCapture} onClick={() => setOpen((o) => !o)} title="Statistics of this capture">
        Statistics
      </button>
      {open && (
        <span className="menu" role="menu" aria-label="Statistics">
          {STATS_VIEWS.map((v) => (
            <button key={v.kind} type="button" role="menuitem" className="menu-item" data-testid={`statistics-${v.kind}`} onClick={() => { setOpen(false); setView(v.kind); }}>
              {v.label}
            </button>
          ))}
          <span className="context-menu-separator" role="separator" />
          <button type="button" role="menuitem" className="menu-item" data-testid="statistics-flow-graph" onClick={() => { setOpen(false); openFlowGraph({ kind: 'displayed' }, analyzerStore.getState().selectedFrame); }}>
            Flow Graph
          </button>
        </span>
      )}
    </span>
  );
}
