// The analyzer's panes: packet list on top, command tree and bytes below, the tabbed side panel on
// the right — or, detached, below them across the whole width — or collapsed to a rail; every
// divider can be dragged (or moved with the arrow keys when focused). Sizes and the side panel's
// place are remembered (window-preferences.ts).

import { useShallow } from 'zustand/react/shallow';
import { Splitter } from '../../components/Splitter';
import { useAnalyzer } from '../../store/analyzer-state';
import { BytesPane } from '../bytes-pane/BytesPane';
import { CommandTree } from '../command-tree/CommandTree';
import { PacketList } from '../packet-list/PacketList';
import { SidePanel } from '../side-panel/SidePanel';
import { SidePanelRail } from '../side-panel/SidePanelRail';

/** The packet panes keep at least this much of the window when the side panel is made large. */
const PACKETS_MIN = 360;

export function Workspace() {
  const { layout, resize, side } = useAnalyzer(useShallow((s) => ({ layout: s.layout, resize: s.resizePanes, side: s.sidePanel })));
  const below = side.placement === 'bottom';
  const sideSize = below ? layout.sideHeight : layout.sideWidth;
  const sideTrack = side.collapsed ? '0 var(--rail-size)' : `5px min(${sideSize}px, calc(100% - ${PACKETS_MIN}px))`;
  const grid = below
    ? { gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateRows: `minmax(0, 1fr) ${sideTrack}` }
    : { gridTemplateColumns: `minmax(0, 1fr) ${sideTrack}`, gridTemplateRows: 'minmax(0, 1fr)' };
  return (
    <main className={`workspace side-${side.placement}${side.collapsed ? ' side-collapsed' : ''}`} style={grid} data-testid="workspace">
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
      {side.collapsed ? (
        <>
          <span />
          <SidePanelRail />
        </>
      ) : (
        <>
          {below ? (
            <Splitter
              between="rows"
              label="Resize the side panel"
              onDrag={({ y, rect }) => resize({ sideHeight: rect.bottom - y })}
              onStep={(d) => resize({ sideHeight: layout.sideHeight - d * 24 })}
            />
          ) : (
            <Splitter
              between="columns"
              label="Resize the side panel"
              onDrag={({ x, rect }) => resize({ sideWidth: rect.right - x })}
              onStep={(d) => resize({ sideWidth: layout.sideWidth - d * 24 })}
            />
          )}
          <aside className="pane side" data-testid="side-panel"><SidePanel /></aside>
        </>
      )}
    </main>
  );
}
