// The status bar's word on an analysis that stopped responding: while it is stuck, which frame and
// a Stop button; once stopped, where (what was read before it stays in the window).

import type { LoadProgress } from '../../../shared/ipc-contract';
import { stalledText, stoppedText } from '../../../shared/watchdog-text';

export function WatchdogStatus({ progress: p, onStop }: { progress: LoadProgress | null; onStop(): void }) {
  if (p?.stalled && !p.done) {
    return (
      <span className="status-item status-warning" data-testid="analysis-stalled">
        {stalledText(p.stalled)}
        {' '}<button type="button" className="link-button" onClick={onStop}>Stop</button>
      </span>
    );
  }
  if (p?.stopped && p.done) {
    return <span className="status-item status-warning" data-testid="analysis-stopped">{stoppedText(p.stopped)} (what was read before is kept)</span>;
  }
  return null;
}
