// The main toolbar: open/close/save, statistics, follow stream, Go (navigation), the View menu
// (browser mode), live capture, time format and export. It wraps onto a second row in a narrow window.

import { useShallow } from 'zustand/react/shallow';
import { useActions, useAnalyzerContext } from '../../app/analyzer-context';
import { IconClose, IconExport, IconOpen } from '../../components/icons';
import { useAnalyzer } from '../../store/analyzer-state';
import { FollowStreamButton } from '../follow-stream/FollowStreamButton';
import { ExportMenu } from '../exports/ExportMenu';
import { CaptureControls } from './CaptureControls';
import { SaveMenu } from './SaveMenu';
import { StatisticsMenu } from './StatisticsMenu';
import { NavigationMenu } from './NavigationMenu';
import { TimeFormatControl } from './TimeFormatControl';
import { ViewMenu } from '../view-menu/ViewMenu';

export function Toolbar() {
  const { chooseFiles, api } = useAnalyzerContext();
  const actions = useActions();
  const { hasCapture, hasResult } = useAnalyzer(useShallow((s) => ({ hasCapture: s.hasCapture, hasResult: s.result !== null })));
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="app-title">MSNP Analyzer</span>
      <button type="button" className="tool-button" data-testid="open-file" onClick={chooseFiles} title="Open a capture file (Ctrl+O)">
        <IconOpen /> Open
      </button>
      <button type="button" className="tool-button" data-testid="close-capture" disabled={!hasCapture} onClick={() => void actions.closeCapture()} title="Close this capture (Ctrl+W)">
        <IconClose /> Close
      </button>
      <SaveMenu />
      <ExportMenu />
      <StatisticsMenu />
      <FollowStreamButton />
      <NavigationMenu />
      {/* The Electron app has View in its menu bar. */}
      {api.mode === 'browser' && <ViewMenu />}
      <span className="toolbar-separator" />
      <CaptureControls />
      <span className="toolbar-spacer" />
      <TimeFormatControl />
      <button type="button" className="tool-button" data-testid="export-json" disabled={!hasResult} onClick={() => void actions.exportAnalysis('json')} title="Export the analysis as JSON (Ctrl+Shift+E)">
        <IconExport /> JSON
      </button>
      <button type="button" className="tool-button" data-testid="export-csv" disabled={!hasResult} onClick={() => void actions.exportAnalysis('csv')} title="Export the analysis as CSV">
        <IconExport /> CSV
      </button>
    </header>
  );
}
