// The side panel's own buttons, right of its tabs: put it below the packet panes (or back beside
// them) and collapse it to a rail (Ctrl+Shift+H).

import { useAnalyzer } from '../../store/analyzer-state';
import { runViewAction } from '../view-menu/view-actions';

export function SidePanelActions() {
  const below = useAnalyzer((s) => s.sidePanel.placement === 'bottom');
  return (
    <div className="side-panel-actions">
      <button type="button" className="icon-button" data-testid="side-panel-placement" onClick={() => runViewAction('side-panel-placement')}
        title={below ? 'Put the side panel beside the packets' : 'Detach the side panel into the lower pane'} aria-label={below ? 'Side panel beside the packets' : 'Side panel below the packets'}>
        {below ? '◨' : '⬓'}
      </button>
      <button type="button" className="icon-button" data-testid="side-panel-collapse" onClick={() => runViewAction('toggle-side-panel')}
        title="Hide the side panel (Ctrl+Shift+H)" aria-label="Hide the side panel">
        {below ? '▾' : '▸'}
      </button>
    </div>
  );
}
