// Toolbar button: follow the selected row's TCP stream (Ctrl+Alt+Shift+T).

import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { selectedStream } from './selected-stream';

export function FollowStreamButton() {
  const stream = useAnalyzer(selectedStream);
  return (
    <button type="button" className="tool-button" data-testid="follow-tcp-stream" disabled={stream < 0}
      onClick={() => analyzerStore.getState().setFollowStream(stream)} title="Follow the selected packet's TCP stream (Ctrl+Alt+Shift+T)">
      Follow TCP stream
    </button>
  );
}
