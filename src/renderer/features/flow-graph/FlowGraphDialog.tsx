// Statistics → Flow Graph: the MSNP sequence diagram of a connection, a switchboard session, an
// account or the displayed packets, from the back end (flow:get, paged). A panel beside the packet
// list rather than a modal, so clicking an arrow shows its frame in the list and the tree at once.
// One arrow per command or per frame; the diagram or its table; links follow hand-offs to the
// diagram they lead to; Export as SVG or PNG and Copy as CSV.

import { useCallback, useEffect, useState } from 'react';
import { flowScopeTitle, MAX_PNG_ARROWS, MAX_SVG_ARROWS, type FlowLink, type FlowScope, type FlowUnit } from '../../../shared/flow-graph';
import { useActions, useAnalyzerContext } from '../../app/analyzer-context';
import { copyText } from '../../app/clipboard';
import { formatCount } from '../../format/time-format';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { flowCsv } from './flow-csv';
import { useFlowGraph } from './flow-graph-state';
import { flowPng } from './flow-picture';
import { FlowDiagram } from './FlowDiagram';
import { FlowTable } from './FlowTable';
import { useFlowPages } from './use-flow-pages';

const UNITS: { unit: FlowUnit; label: string; title: string }[] = [
  { unit: 'command', label: 'Commands', title: 'One arrow per MSNP command' },
  { unit: 'segment', label: 'Segments', title: 'One arrow per frame (TCP segment)' },
];

export function FlowGraphDialog() {
  const view = useFlowGraph((s) => s.view);
  const hasCapture = useAnalyzer((s) => s.hasCapture);
  if (!view || !hasCapture) return null;
  return <FlowGraphPanel key={JSON.stringify(view.scope)} scope={view.scope} landOn={view.frame} />;
}

function FlowGraphPanel({ scope, landOn }: { scope: FlowScope; landOn: number | null }) {
  const { api } = useAnalyzerContext();
  const actions = useActions();
  const { unit, shown, setUnit, setShown, open, close } = useFlowGraph();
  const version = useAnalyzer((s) => s.frameCount * 1000 + s.listVersion);
  const pages = useFlowPages(api, scope, unit, version);
  const [selected, setSelected] = useState(-1);
  const [reveal, setReveal] = useState<{ index: number; seq: number } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [topArrow, setTopArrow] = useState(0);

  const show = useCallback((index: number) => {
    setSelected(index);
    setTopArrow(index);
    setReveal((r) => ({ index, seq: (r?.seq ?? 0) + 1 }));
  }, []);

  // Land on the frame the graph was opened for (a packet row, a followed link), once it is known.
  const known = pages.total !== null;
  useEffect(() => {
    if (!known || landOn === null) return;
    let live = true;
    void pages.find(landOn).then((index) => live && index >= 0 && show(index));
    return () => {
      live = false;
    };
  }, [known, landOn, unit]);

  const select = useCallback(async (index: number) => {
    show(index);
    const arrow = pages.arrow(index) ?? (await api.request('flow:get', { scope, unit, start: index, count: 1 })).frame[0];
    const frame = typeof arrow === 'number' ? arrow : arrow?.frame;
    if (frame !== undefined) analyzerStore.getState().selectFrame(frame, true);
  }, [api, pages, scope, unit, show]);

  const follow = useCallback((link: FlowLink) => {
    open(link.scope, link.frame);
    analyzerStore.getState().selectFrame(link.frame, true);
  }, [open]);

  const run = async (what: string, job: () => Promise<void>): Promise<void> => {
    setBusy(what);
    try {
      await job();
    } catch (e) {
      analyzerStore.getState().notify('error', `${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };
  const copyCsv = () => run('Copy as CSV', async () => {
    const csv = await flowCsv(api, scope, unit);
    if (await copyText(csv.text)) setCopied(`Copied ${formatCount(csv.rows)} rows`);
    setTimeout(() => setCopied(null), 2000);
  });
  const exportSvg = () => run('SVG export', () => actions.exportFlowGraph({ format: 'svg', scope, unit }));
  const exportPng = () => run('PNG export', async () => actions.exportFlowGraph({ format: 'png', png: await flowPng(api, scope, unit, Math.max(0, topArrow)) }));

  const total = pages.total ?? 0;
  const title = `Flow graph of ${flowScopeTitle(scope)}`;
  return (
    <div className="flow-panel" role="dialog" aria-modal="false" aria-label={title} data-testid="flow-graph" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <header className="flow-header">
        <strong>{title}</strong>
        <span className="flow-count" data-testid="flow-count">
          {pages.total === null ? 'Building…' : `${formatCount(total)} arrow${total === 1 ? '' : 's'}${pages.truncated ? ' (cut: too many)' : ''}`}
        </span>
        <span className="toolbar-spacer" />
        <button type="button" className="tool-button" onClick={close} data-testid="flow-close">Close</button>
      </header>
      <div className="flow-controls">
        <div className="segmented" role="group" aria-label="One arrow per">
          {UNITS.map((u) => <button key={u.unit} type="button" aria-pressed={unit === u.unit} title={u.title} data-testid={`flow-unit-${u.unit}`} onClick={() => { setUnit(u.unit); setSelected(-1); }}>{u.label}</button>)}
        </div>
        <div className="segmented" role="group" aria-label="Show as">
          <button type="button" aria-pressed={shown === 'diagram'} data-testid="flow-show-diagram" onClick={() => setShown('diagram')}>Diagram</button>
          <button type="button" aria-pressed={shown === 'table'} data-testid="flow-show-table" onClick={() => setShown('table')}>Table</button>
        </div>
        {scope.kind !== 'displayed' && <button type="button" className="tool-button" data-testid="flow-displayed" onClick={() => open({ kind: 'displayed' })}>Displayed packets</button>}
        <span className="toolbar-spacer" />
        <button type="button" className="tool-button" data-testid="flow-copy-csv" disabled={!total || busy !== null} onClick={() => void copyCsv()}>{copied ?? 'Copy as CSV'}</button>
        <button type="button" className="tool-button" data-testid="flow-export-svg" disabled={!total || busy !== null} onClick={() => void exportSvg()} title={`The first ${formatCount(MAX_SVG_ARROWS)} arrows as SVG`}>Export SVG</button>
        <button type="button" className="tool-button" data-testid="flow-export-png" disabled={!total || busy !== null} onClick={() => void exportPng()} title={`${formatCount(MAX_PNG_ARROWS)} arrows from the selected one as PNG`}>Export PNG</button>
      </div>
      {pages.error && <p className="flow-note">Could not build the flow graph: {pages.error}</p>}
      {pages.total === 0 && <p className="flow-note">No arrows: nothing in {flowScopeTitle(scope)} {unit === 'command' ? 'is an MSNP command (try Segments)' : 'is a frame'}.</p>}
      {shown === 'diagram'
        ? <FlowDiagram pages={pages} selected={selected} onSelect={(i) => void select(i)} onFollow={follow} reveal={reveal} />
        : <FlowTable pages={pages} selected={selected} onSelect={(i) => void select(i)} onFollow={follow} reveal={reveal} />}
    </div>
  );
}
