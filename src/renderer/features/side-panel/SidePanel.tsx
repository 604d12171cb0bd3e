// The tabbed side of the window: sessions, transcript, P2P endpoints, contacts & presence, files
// and expert information, each tab with its count. The tab strip scrolls sideways rather than
// wrapping; beside it, buttons move the panel below the packets (or back) and collapse it.

import { useShallow } from 'zustand/react/shallow';
import { useAnalyzer } from '../../store/analyzer-state';
import type { SideTab } from '../../store/ui-slice';
import { ContactsView } from '../contacts/ContactsView';
import { EndpointsView } from '../endpoints/EndpointsView';
import { ExpertView } from '../expert/ExpertView';
import { FilesView } from '../files/FilesView';
import { SessionsView } from '../sessions/SessionsView';
import { TranscriptView } from '../transcript/TranscriptView';
import { SidePanelActions } from './SidePanelActions';

const TABS: Array<{ id: SideTab; label: string; title: string }> = [
  { id: 'sessions', label: 'Sessions', title: 'Switchboard sessions and MSNP connections' },
  { id: 'transcript', label: 'Transcript', title: 'The chat of the selected session' },
  { id: 'endpoints', label: 'P2P endpoints', title: 'Addresses and ports offered for direct connections' },
  { id: 'contacts', label: 'Contacts', title: 'Contacts & presence: the contact list and every presence change' },
  { id: 'files', label: 'Files', title: 'Files transferred' },
  { id: 'expert', label: 'Expert', title: 'Expert information: errors, warnings and notes' },
];

const VIEWS: Record<SideTab, () => React.JSX.Element> = {
  sessions: SessionsView, transcript: TranscriptView, endpoints: EndpointsView, contacts: ContactsView, files: FilesView, expert: ExpertView,
};

export function SidePanel() {
  // Primitives only: useShallow compares one level deep.
  const { tab, setTab, sessions, endpoints, contacts, files, expert, expertErrors } = useAnalyzer(useShallow((s) => ({
    tab: s.sideTab,
    setTab: s.setSideTab,
    sessions: s.result?.sessions.length,
    endpoints: s.result?.endpoints.length,
    contacts: s.result?.contacts.length,
    files: s.result?.files.length,
    expert: s.result?.expertGroups.reduce((sum, g) => sum + g.count, 0),
    expertErrors: s.result?.expertGroups.some((g) => g.severity === 'error') ?? false,
  })));
  const counts: Record<SideTab, number | undefined> = { sessions, transcript: undefined, endpoints, contacts, files, expert };
  const View = VIEWS[tab];
  return (
    <div className="side-panel">
      <div className="side-panel-head">
        <div className="tab-strip" role="tablist" aria-label="Analysis views">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={`tab${tab === t.id ? ' active' : ''}`}
              data-testid={`tab-${t.id}`}
              title={t.title}
              onClick={() => setTab(t.id)}
            >
              {t.label}
              {counts[t.id] !== undefined && <span className={`tab-count${t.id === 'expert' && expertErrors ? ' has-errors' : ''}`}>{counts[t.id]}</span>}
            </button>
          ))}
        </div>
        <SidePanelActions />
      </div>
      <div className="tab-body" role="tabpanel">
        <View />
      </div>
    </div>
  );
}
