// The analyzer's panes: packet list on top, command tree and bytes below, the tabbed side panel on
// the right; every divider can be dragged (or moved with the arrow keys when focused).

import { useShallow } from 'zustand/react/shallow';
import { Splitter } from '../../components/Splitter';
import { useAnalyzer } from '../../store/analyzer-state';
import { BytesPane } from '../bytes-pane/BytesPane';
import { CommandTree } from '../command-tree/CommandTree';
import { PacketList } from '../packet-list/PacketList';
import { SidePanel } from '../side-panel/SidePanel';

export function Workspace() {
  const { layout, resize } = useAnalyzer(useShallow((s) => ({ layout: s.layout, resize: s.resizePanes })));
  return (
    <main className="workspace" style={{ gridTemplateColumns: `minmax(0, 1fr) 5px ${layout.sideWidth}px` }}>
      <div className="left-column" style={{ gridTemplateRows: `minmax(0, ${layout.listFraction}fr) 5px minmax(0, ${1 - layout.listFraction}fr)` }}>
        <section className="pane" aria-label="Packets"><PacketList /></section>
        <Splitter
          between="rows"
          label="Resize the packet list"
          onDrag={({ y, rect }) => resize({ listFraction: (y - rect.top) / rect.height })}
          onStep={(d) => resize({ listFraction: layout.listFraction + d * 0.03 })}
        />
        <div className="detail-row" style={{ gridTemplateColumns: `minmax(0, ${layout.treeFraction}fr) 5px minmax(0, ${1 - layout.treeFraction}fr)` }}>
          <section className="pane" aria-label="Command tree"><CommandTree /></section>
          <Splitter
            between="columns"
            label="Resize the command tree"
            onDrag={({ x, rect }) => resize({ treeFraction: (x - rect.left) / rect.width })}
            onStep={(d) => resize({ treeFraction: layout.treeFraction + d * 0.03 })}
          />
          <section className="pane" aria-label="Bytes"><BytesPane /></section>
        </div>
      </div>
      <Splitter
        between="columns"
        label="Resize the side panel"
        onDrag={({ x, rect }) => resize({ sideWidth: rect.right - x })}
        onStep={(d) => resize({ sideWidth: layout.sideWidth - d * 24 })}
      />
      <aside className="pane side"><SidePanel /></aside>
    </main>
  );
}
