// Full-window overlay shown while files are dragged over the window.

import { useAnalyzer } from '../../store/analyzer-state';

export function DropOverlay() {
  const active = useAnalyzer((s) => s.dragActive);
  if (!active) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-overlay-box">
        <div className="drop-zone-icon" aria-hidden="true">⇩</div>
        <div>Drop to open the capture</div>
        <div className="drop-overlay-hint">.pcap · .pcapng · .cap · .gz</div>
      </div>
    </div>
  );
}
