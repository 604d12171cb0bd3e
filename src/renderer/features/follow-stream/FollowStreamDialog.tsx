// Follow TCP Stream (Wireshark's Follow dialog): the conversation's bytes in order from the back
// end (stream:follow), client bytes red and server bytes blue, as ASCII, UTF-8, hex dump or raw
// hex, or, for an MSNP connection, its framed commands with their bodies; capture holes as
// "[N bytes missing]". Buttons apply `tcp.stream == N` or its negation as the display filter.
// Captured text goes only through CapturedText (control and bidi characters made visible).

import { useEffect, useMemo, useState } from 'react';
import type { FollowDirection, FollowedStream } from '../../../shared/followed-stream';
import { useActions, useAnalyzerContext } from '../../app/analyzer-context';
import { checkDisplayFilter } from '../../app/filter-check';
import { CapturedText } from '../../components/CapturedText';
import { formatCount } from '../../format/time-format';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { blocksOf, SHOWN_BLOCKS, SHOWN_BYTES, type Shown } from './follow-blocks';
import { gapText, type FollowMode } from './follow-text';

const MODES: { mode: FollowMode; label: string }[] = [
  { mode: 'ascii', label: 'ASCII' }, { mode: 'utf8', label: 'UTF-8' }, { mode: 'hexdump', label: 'Hex dump' },
  { mode: 'raw', label: 'Raw' }, { mode: 'msnp', label: 'MSNP' },
];

type Answer = { stream: number; data: FollowedStream | null } | { stream: number; error: string };

const SIDE = ['client', 'server'] as const;

export function FollowStreamDialog() {
  const stream = useAnalyzer((s) => s.followStream);
  if (stream === null) return null;
  return <FollowStreamView key={stream} stream={stream} />;
}

function FollowStreamView({ stream }: { stream: number }) {
  const { api } = useAnalyzerContext();
  const actions = useActions();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [mode, setMode] = useState<FollowMode>('ascii');
  const [shown, setShown] = useState<Shown>('both');

  useEffect(() => {
    let live = true;
    api.request('stream:follow', { stream }).then(
      (data) => live && setAnswer({ stream, data }),
      (e: unknown) => live && setAnswer({ stream, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [api, stream]);

  const data = answer && 'data' in answer ? answer.data : null;
  const view = useMemo(() => (data ? blocksOf(data, mode === 'msnp' && !data.commands ? 'ascii' : mode, shown) : null), [data, mode, shown]);
  const close = (): void => analyzerStore.getState().setFollowStream(null);
  const filter = (expression: string): void => {
    analyzerStore.getState().editFilter(expression, checkDisplayFilter(expression));
    void actions.applyFilter(expression);
    close();
  };

  return (
    <div className="follow-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="follow-dialog" role="dialog" aria-modal="true" aria-label={`Follow TCP stream ${stream}`} data-testid="follow-stream"
        onKeyDown={(e) => e.key === 'Escape' && close()}>
        <header className="follow-header">
          <strong>Follow TCP stream {stream}</strong>
          {data && (
            <span className="follow-endpoints">
              <span className="follow-client"><CapturedText text={data.endpoints[0]} /></span> → <span className="follow-server"><CapturedText text={data.endpoints[1]} /></span>
            </span>
          )}
          <span className="toolbar-spacer" />
          <button type="button" className="tool-button" onClick={close} autoFocus>Close</button>
        </header>
        <div className="follow-body" data-testid="follow-text">
          {!answer && <p className="follow-note">Reading the stream…</p>}
          {answer && 'error' in answer && <p className="follow-note">Could not follow the stream: {answer.error}</p>}
          {answer && 'data' in answer && !data && <p className="follow-note">There is no TCP stream {stream} in this capture.</p>}
          {view?.blocks.map((b) => (
            <div key={b.key} className={`follow-block follow-${SIDE[b.direction]}`} title={`Frame ${b.frame} (${SIDE[b.direction]})`}
              onDoubleClick={() => analyzerStore.getState().selectFrame(b.frame, true)}>
              {b.gap ? <div className="follow-gap" data-testid="follow-gap">{gapText(b.gap)}</div> : null}
              <pre><CapturedText text={b.text} keep={'\n\t'} /></pre>
            </div>
          ))}
          {(view?.cut || data?.truncated) && <p className="follow-note">{view?.cut ? `Only the start is shown (at most ${formatCount(SHOWN_BYTES)} bytes in ${formatCount(SHOWN_BLOCKS)} blocks). ` : ''}{data?.truncated ? 'The stream is longer than the back end follows (8 MiB): the rest is left out.' : ''}</p>}
        </div>
        <footer className="follow-footer">
          {data && (
            <span className="follow-counts" data-testid="follow-counts">
              <span className="follow-client">{data.endpoints[0]} → {data.endpoints[1]}: {formatCount(data.byteCounts[0])} bytes</span>
              {' · '}
              <span className="follow-server">{data.endpoints[1]} → {data.endpoints[0]}: {formatCount(data.byteCounts[1])} bytes</span>
              {data.missing[0] + data.missing[1] > 0 ? ` · ${formatCount(data.missing[0] + data.missing[1])} bytes missing` : ''}
            </span>
          )}
          <div className="follow-controls">
            <select aria-label="Direction" data-testid="follow-direction" value={String(shown)} onChange={(e) => setShown(e.target.value === 'both' ? 'both' : (Number(e.target.value) as FollowDirection))}>
              <option value="both">Entire conversation</option>
              <option value="0">{data ? `${data.endpoints[0]} → ${data.endpoints[1]}` : 'Client → server'}</option>
              <option value="1">{data ? `${data.endpoints[1]} → ${data.endpoints[0]}` : 'Server → client'}</option>
            </select>
            <div className="segmented" role="group" aria-label="Show as">
              {MODES.map(({ mode: m, label }) => (
                <button key={m} type="button" aria-pressed={mode === m} data-testid={`follow-mode-${m}`} disabled={m === 'msnp' && !data?.commands} onClick={() => setMode(m)}>
                  {label}
                </button>
              ))}
            </div>
            <span className="toolbar-spacer" />
            <button type="button" className="tool-button" data-testid="follow-only" onClick={() => filter(`tcp.stream == ${stream}`)}>Show only this stream</button>
            <button type="button" className="tool-button" data-testid="follow-filter-out" onClick={() => filter(`!(tcp.stream == ${stream})`)}>Filter out this stream</button>
          </div>
        </footer>
      </div>
    </div>
  );
}
