// The welcome screen before any capture: a drop zone with an Open button, the bundled sample,
// recent files and a shortcut to start a live capture.

import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useActions, useAnalyzerContext } from '../../app/analyzer-context';
import { showInvisible } from '../../../shared/visible-text';
import { CapturedText } from '../../components/CapturedText';
import { IconOpen, IconStart } from '../../components/icons';
import { useAnalyzer } from '../../store/analyzer-state';
import { InterfacePicker } from '../toolbar/CaptureControls';
import { baseName } from '../status-bar/status-text';

export function StartScreen() {
  const { chooseFiles } = useAnalyzerContext();
  const actions = useActions();
  const [recent, setRecent] = useState<string[]>([]);
  const { device, busy } = useAnalyzer(useShallow((s) => ({ device: s.device, busy: s.captureBusy })));
  useEffect(() => {
    let live = true;
    void actions.recentFiles().then((files) => live && setRecent(Array.isArray(files) ? files.slice(0, 8) : []));
    return () => { live = false; };
  }, [actions]);

  return (
    <main className="start-screen">
      <div className="start-column">
        <h1 className="start-title">MSNP Analyzer</h1>
        <p className="start-subtitle">MSN Messenger protocol analysis: commands, sessions and transcripts, presence, P2P endpoints and files.</p>

        <section className="drop-zone" data-testid="drop-zone">
          <div className="drop-zone-icon" aria-hidden="true">⇩</div>
          <div className="drop-zone-text">Drop a .pcap, .pcapng, .cap or .gz capture here</div>
          <div className="drop-zone-actions">
            <button type="button" className="primary-button" data-testid="start-open-file" onClick={chooseFiles}>
              <IconOpen /> Open a capture file…
            </button>
            <button type="button" className="link-button" data-testid="open-sample" onClick={() => void actions.openSample()}>
              Open the bundled sample capture
            </button>
          </div>
        </section>

        <div className="start-panels">
          <section className="start-panel">
            <h2>Recent files</h2>
            {recent.length === 0 ? (
              <p className="start-muted">No recent files.</p>
            ) : (
              <ul className="recent-list">
                {recent.map((path) => (
                  <li key={path}>
                    {/* A file name can hold a right-to-left override too (a downloaded capture). */}
                    <button type="button" className="link-button" title={showInvisible(path)} data-testid="recent-file" onClick={() => void actions.openPath(path)}>
                      <CapturedText text={baseName(path)} />
                    </button>
                    <CapturedText className="recent-dir" text={path} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="start-panel">
            <h2>Live capture</h2>
            <p className="start-muted">Capture MSNP traffic (ports 1863, 1864, 6891–6900 and the HTTP gateway on 80).</p>
            <div className="start-capture">
              <InterfacePicker testId="start-interface-select" />
              <button type="button" className="tool-button start" data-testid="start-screen-capture" disabled={busy || !device} onClick={() => void actions.startCapture()}>
                <IconStart /> Start capture
              </button>
            </div>
          </section>
        </div>
      </div>
    </main>
  );
}
