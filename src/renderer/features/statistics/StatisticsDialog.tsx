// Statistics (Wireshark's menu of that name): Capture File Properties, Protocol Hierarchy,
// Conversations, Endpoints and MSNP commands, each a set of tables the back end computes (stats:get)
// over the whole capture so far; and the charts (I/O graph, session timeline), each with its own request. They are asked again for a new capture and when a load ends; Refresh asks
// again at any time (a live capture grows them).

import { useCallback, useEffect, useRef, useState } from 'react';
import { isStatsKind, statsTableCsv, type StatsResponse, type StatsTable, type StatsViewKind } from '../../../shared/statistics';
import { useActions } from '../../app/analyzer-context';
import { useDismiss } from '../../components/use-dismiss';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { IoGraphView } from '../charts/IoGraphView';
import { TimelineView } from '../charts/TimelineView';
import { StatsTableView } from './StatsTableView';

export const STATS_VIEWS: readonly { kind: StatsViewKind; label: string }[] = [
  { kind: 'properties', label: 'Capture File Properties' },
  { kind: 'hierarchy', label: 'Protocol Hierarchy' },
  { kind: 'conversations', label: 'Conversations' },
  { kind: 'endpoints', label: 'Endpoints' },
  { kind: 'commands', label: 'MSNP Commands' },
  { kind: 'io-graph', label: 'I/O Graph' },
  { kind: 'timeline', label: 'Session Timeline' },
];

/** The dialog on the store's view (toolbar menu, or the Electron Statistics menu), if one is open. */
export function StatisticsWindow() {
  const view = useAnalyzer((s) => (s.hasCapture ? s.statsView : null));
  const setView = useAnalyzer((s) => s.setStatsView);
  const close = useCallback(() => setView(null), [setView]);
  return view ? <StatisticsDialog kind={view} onKind={setView} onClose={close} /> : null;
}

export function StatisticsDialog({ kind, onKind, onClose }: { kind: StatsViewKind; onKind(kind: StatsViewKind): void; onClose(): void }) {
  const actions = useActions();
  const [answer, setAnswer] = useState<StatsResponse | null>(null);
  const [asked, setAsked] = useState(0);
  const epoch = useAnalyzer((s) => s.epoch);
  const loaded = useAnalyzer((s) => s.resultFinal);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(true, onClose, root, '[role=tab][aria-selected=true]');

  useEffect(() => {
    let current = true;
    setAnswer(null);
    if (!isStatsKind(kind)) return;
    void actions.statistics(kind).then((a) => {
      if (current && a) setAnswer(a);
    });
    return () => {
      current = false;
    };
  }, [actions, kind, asked, epoch, loaded]);

  const copy = useCallback(async (table: StatsTable): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(statsTableCsv(table));
      return true;
    } catch {
      analyzerStore.getState().notify('error', 'The clipboard refused the CSV (the window may need focus)');
      return false;
    }
  }, []);
  // Until the answer for this view arrives, not the previous view's tables.
  const shown = answer?.kind === kind ? answer : null;
  const filterOn = (filter: string): void => {
    onClose();
    void actions.filterOn(filter);
  };
  const goToFrame = useCallback((frame: number): void => {
    onClose();
    analyzerStore.getState().selectFrame(frame, true);
  }, [onClose]);
  const refresh = asked + (loaded ? 1 : 0);
  const chart = kind === 'io-graph' ? <IoGraphView refresh={refresh} onCopy={copy} onFrame={goToFrame} />
    : kind === 'timeline' ? <TimelineView refresh={refresh} onCopy={copy} onFrame={goToFrame} onClose={onClose} />
      : null;

  return (
    <div className="stats-overlay">
      <div className="stats-dialog" role="dialog" aria-modal="true" aria-label="Statistics" ref={root} data-testid="stats-dialog">
        <div className="stats-dialog-head">
          <div className="tab-strip" role="tablist" aria-label="Statistics">
            {STATS_VIEWS.map((v) => (
              <button key={v.kind} type="button" role="tab" className={`tab${v.kind === kind ? ' active' : ""}`} aria-selected={v.kind === kind} data-testid={`stats-tab-${v.kind}`} onClick={() => onKind(v.kind)}>
                {v.label}
              </button>
            ))}
          </div>
          <span className="toolbar-spacer" />
          <button type="button" className="tool-button" data-testid="stats-refresh" onClick={() => setAsked((n) => n + 1)}>Refresh</button>
          <button type="button" className="tool-button" data-testid="stats-close" onClick={onClose}>Close</button>
        </div>
        <div className="stats-dialog-body" role="tabpanel" aria-busy={chart === null && shown === null}>
          {chart ?? (shown === null ? <div className="grid-empty">Computing…</div> : shown.tables.map((t) => <StatsTableView key={t.title} table={t} onCopy={copy} onFilter={filterOn} />))}
        </div>
      </div>
    </div>
  );
}
