// What stays of a collapsed side panel: a narrow rail with one button that shows it again
// (as does Ctrl+Shift+H or View → Show side panel).

import { analyzerStore } from '../../store/analyzer-state';

export function SidePanelRail() {
  return (
    <div className="side-rail">
      <button type="button" className="side-rail-button" data-testid="side-panel-expand" title="Show the side panel (Ctrl+Shift+H)" aria-label="Show the side panel"
        onClick={() => analyzerStore.getState().setSidePanel({ collapsed: false })}>
        <span aria-hidden="true">◂</span> <span className="side-rail-label">Sessions · Transcript · Endpoints · Expert</span>
      </button>
    </div>
  );
}
