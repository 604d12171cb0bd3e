// The status bar: which capture, how many frames, MSNP commands and sessions, and the progress
// of a load (percent, frames/s, Cancel) or of a live capture (captured, dropped, elapsed, rate);
// an analysis that stopped responding, with Stop, and where it was stopped; the filter field of the
// selected tree node.

import { useShallow } from 'zustand/react/shallow';
import { useActions } from '../../app/analyzer-context';
import { formatCount } from '../../format/time-format';
import { showInvisible } from '../../../shared/visible-text';
import { CapturedText } from '../../components/CapturedText';
import { useAnalyzer } from '../../store/analyzer-state';
import { nodeAt } from '../command-tree/tree-lines';
import { baseName, commandTotal, liveText, loadPercent, rateText } from './status-text';
import { WatchdogStatus } from './WatchdogStatus';

export function StatusBar() {
  const actions = useActions();
  const s = useAnalyzer(useShallow((st) => ({
    label: st.captureLabel, source: st.captureSource, hasCapture: st.hasCapture, progress: st.progress, rows: st.frameCount, marked: st.markedCount,
    commands: commandTotal(st.result?.commandCounts), sessions: st.result?.sessions.length ?? 0, final: st.resultFinal,
    capturing: st.capturing, node: st.detail && st.selectedNode ? nodeAt(st.detail.tree, st.selectedNode) : null, damage: st.result?.captures.find((c) => c.damage)?.damage?.message ?? null,
  })));
  const p = s.progress;
  const loading = p !== null && p.source === 'file' && !p.done;
  const percent = p ? loadPercent(p) : null;
  return (
    <footer className="status-bar" data-testid="status-bar">
      {!s.hasCapture ? (
        <span className="status-item">Ready. Open a capture or start a live capture.</span>
      ) : (
        <>
          <span className={`status-item status-file${s.capturing ? ' live' : ''}`} title={showInvisible(s.label)}>
            {s.capturing ? '● Capturing: ' : ''}<CapturedText text={baseName(s.label) || (s.source === 'live' ? 'Live capture' : 'Capture')} />
          </span>
          <span className="status-item" data-testid="status-frames">Frames: {formatCount(s.rows)}</span>
          {s.marked > 0 && <span className="status-item" data-testid="status-marked">Marked: {formatCount(s.marked)}</span>}
          <span className="status-item" data-testid="status-commands">MSNP commands: {formatCount(s.commands)}</span>
          <span className="status-item" data-testid="status-sessions">Sessions: {formatCount(s.sessions)}</span>
          {s.damage && <span className="status-item status-warning" title={showInvisible(s.damage)}>⚠ Damaged capture: <CapturedText text={s.damage} /></span>}
        </>
      )}
      {s.node?.field && (
        // Wireshark shows the selected field's filter name here, so people learn the names.
        <span className="status-item" data-testid="status-field">
          Field: <code>{s.node.field.name}</code>{s.node.range ? ` (${formatCount(s.node.range[1])} ${s.node.range[1] === 1 ? 'byte' : 'bytes'})` : ''}
        </span>
      )}
      <span className="status-spacer" />
      <WatchdogStatus progress={p} onStop={() => void actions.cancelLoad()} />
      {loading && p && (
        <span className="status-progress" data-testid="load-progress">
          <span className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined}>
            <span className="progress-fill" style={{ width: `${percent ?? 0}%` }} />
          </span>
          <span>{percent === null ? 'Loading…' : `${percent}%`}</span>
          <span>{rateText(p.framesPerSecond)}</span>
          <button type="button" className="link-button" onClick={() => void actions.cancelLoad()}>Cancel</button>
        </span>
      )}
      {p && p.source === 'live' && (s.capturing || !p.done) && <span className="status-item" data-testid="live-counters">{liveText(p)}</span>}
      {p && p.done && !p.stopped && p.source === 'file' && (p.cancelled
        ? <span className="status-item status-warning" data-testid="load-cancelled">Loading cancelled after {formatCount(p.frames)} frames (what was read is kept)</span>
        : <span className="status-item status-muted">Loaded in full{p.framesPerSecond > 0 ? ` · ${rateText(p.framesPerSecond)}` : ''}</span>)}
    </footer>
  );
}
