// The application shell: toolbar, display filter bar, the start screen or the analyzer panes,
// status bar, plus the Follow Stream dialog, the drag-and-drop overlay, notices and the hidden file chooser.

import { useCallback, useMemo, useRef } from 'react';
import type { AnalyzerApi } from '../../shared/ipc-contract';
import type { StatsViewKind } from '../../shared/statistics';
import { analyzerStore, useAnalyzer } from '../store/analyzer-state';
import { DisplayFilterBar } from '../features/filter-bar/DisplayFilterBar';
import { FindBar } from '../features/find-bar/FindBar';
import { DropOverlay } from '../features/drop/DropOverlay';
import { useFileDrop } from '../features/drop/use-file-drop';
import { ExportDialogs } from '../features/exports/ExportDialogs';
import { useExportDialog } from '../features/exports/export-dialogs';
import { FlowGraphDialog } from '../features/flow-graph/FlowGraphDialog';
import { openFlowGraph } from '../features/flow-graph/flow-graph-state';
import { FollowStreamDialog } from '../features/follow-stream/FollowStreamDialog';
import { useFollowShortcut } from '../features/follow-stream/use-follow-shortcut';
import { GoToPacket } from '../features/goto/GoToPacket';
import { StatisticsWindow } from '../features/statistics/StatisticsDialog';
import { NoticeBanner } from '../features/notices/NoticeBanner';
import { StartScreen } from '../features/start-screen/StartScreen';
import { StatusBar } from '../features/status-bar/StatusBar';
import { Toolbar } from '../features/toolbar/Toolbar';
import { Workspace } from '../features/workspace/Workspace';
import { isViewAction, runViewAction } from '../features/view-menu/view-actions';
import { browserStorage } from '../store/capture-preferences';
import { createAnalyzerActions } from './analyzer-actions';
import { isNavigationAction, runNavigation } from './run-navigation';
import { AnalyzerContext, type AnalyzerContextValue } from './analyzer-context';
import { CAPTURE_ACCEPT } from './capture-files';
import { useBackendEvents, type MenuAction } from './use-backend-events';
import { useShortcuts } from './use-shortcuts';
import { useStoreEffects } from './use-store-effects';
import { preferencesStoreFor } from './preferences-storage';
import { useTheme } from './use-theme';
import { useWindowPreferences } from './use-window-preferences';

export function App({ api }: { api: AnalyzerApi }) {
  const actions = useMemo(() => createAnalyzerActions(api, analyzerStore), [api]);
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseFiles = useCallback(() => fileInput.current?.click(), []);
  const context = useMemo<AnalyzerContextValue>(() => ({ api, actions, chooseFiles }), [api, actions, chooseFiles]);
  const hasCapture = useAnalyzer((s) => s.hasCapture);

  const runMenu = useCallback((action: MenuAction) => {
    if (isViewAction(action)) return runViewAction(action);
    const s = analyzerStore.getState();
    switch (action) {
      case 'open': chooseFiles(); break;
      case 'goto': if (s.hasCapture) s.setGotoOpen(true); break;
      case 'capture-toggle': void actions.toggleCapture(); break;
      case 'close': if (s.hasCapture) void actions.closeCapture(); break;
      case 'export': if (s.result) void actions.exportAnalysis('json'); break;
      case 'export-dissections': if (s.hasCapture) useExportDialog.getState().open({ kind: 'dissections' }); break;
      case 'export-objects': if (s.hasCapture) useExportDialog.getState().open({ kind: 'objects' }); break;
      case 'export-transcript': if (s.result?.sessions.length) useExportDialog.getState().open({ kind: 'transcript', session: s.selectedSession }); break;
      case 'flow-graph': if (s.hasCapture) openFlowGraph({ kind: 'displayed' }, s.selectedFrame); break;
      default:
        if (isNavigationAction(action)) runNavigation(action, actions, analyzerStore);
        else if (s.hasCapture) s.setStatsView(action.slice('stats-'.length) as StatsViewKind);
    }
  }, [actions, chooseFiles]);

  useBackendEvents(api, analyzerStore, runMenu);
  useShortcuts(api.mode === 'browser', runMenu);
  useFollowShortcut();
  useStoreEffects(actions);
  useWindowPreferences(analyzerStore, useMemo(() => preferencesStoreFor(api, browserStorage()), [api]));
  useTheme();
  useFileDrop(useCallback((files: File[]) => void actions.openFiles(files), [actions]));

  return (
    <AnalyzerContext.Provider value={context}>
      <div className="app">
        <Toolbar />
        <DisplayFilterBar />
        <FindBar />
        <GoToPacket />
        <NoticeBanner />
        {hasCapture ? <Workspace /> : <StartScreen />}
        <StatusBar />
        <StatisticsWindow />
        <FollowStreamDialog />
        <ExportDialogs />
        <FlowGraphDialog />
        <DropOverlay />
        <input
          ref={fileInput}
          type="file"
          hidden
          multiple
          accept={CAPTURE_ACCEPT}
          data-testid="file-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length > 0) void actions.openFiles(files);
          }}
        />
      </div>
    </AnalyzerContext.Provider>
  );
}
