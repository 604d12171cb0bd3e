// Statistics → Session Timeline: switchboard sessions and P2P transfers as bars on the capture's
// time axis, chat messages as ticks, file transfers as spans filled as far as their bytes were
// seen, each contact's presence as a coloured strip; one row per conversation or per account.
// Built by the back end from the analysis (stats:timeline), drawn by uPlot on a canvas with the
// rows drawn in its draw hook. The wheel zooms, Shift+wheel pans, dragging brushes a time range
// and applies `frame.time_relative >= a && frame.time_relative <= b` to the packet list; a click
// on a bar, tick, span or strip selects its frame. Below, the same as a table.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { StatsTable } from '../../../shared/statistics';
import { timeRangeFilter, type TimelineGrouping, type TimelineResponse } from '../../../shared/timeline';
import { showInvisible } from '../../../shared/visible-text';
import { useActions } from '../../app/analyzer-context';
import { CapturedText } from '../../components/CapturedText';
import { chartColour, onPlotClick, UPlotChart, wheelZoomPlugin } from '../../components/UPlotChart';
import { useAnalyzer } from '../../store/analyzer-state';
import { StatsTableView } from '../statistics/StatsTableView';
import { drawTimeline, hitTest, ROW_HEIGHT, timelineColours, type TimelineHit } from './timeline-draw';
import { timelineTable } from './timeline-table';
import { useThemeVersion } from './use-theme-version';

interface Props {
  refresh: number;
  onCopy(table: StatsTable): Promise<boolean>;
  /** Closes the dialog and selects the frame (a click on an item). */
  onFrame(frame: number): void;
  /** Closes the dialog to show the packet list. */
  onClose(): void;
}

const AXIS_HEIGHT = 48;
const MAX_LABEL = 40;

/** A row label as the canvas draws it: hidden characters shown as markers, long ones cut. */
const canvasLabel = (text: string) => {
  const visible = showInvisible(text);
  return visible.length > MAX_LABEL ? `${visible.slice(0, MAX_LABEL - 1)}…` : visible;
};

const KIND_TEXT: Record<TimelineHit['kind'], string> = { message: 'Message', transfer: 'File transfer', session: 'Session', presence: 'Presence' };

const LEGEND: { label: string; variable: string; fallback: string; shape: 'bar' | 'tick' | 'strip' }[] = [
  { label: 'Session / transfer', variable: '--chart-bar', fallback: '#8fb3e8', shape: 'bar' },
  { label: 'Chat message', variable: '--chart-tick', fallback: '#123a73', shape: 'tick' },
  { label: 'File transfer (filled as far as received)', variable: '--chart-transfer', fallback: '#e8a33d', shape: 'strip' },
  { label: 'Online', variable: '--presence-online', fallback: '#37b24d', shape: 'strip' },
  { label: 'Away', variable: '--presence-away', fallback: '#f59f00', shape: 'strip' },
  { label: 'Busy', variable: '--presence-busy', fallback: '#e03131', shape: 'strip' },
  { label: 'Offline', variable: '--presence-offline', fallback: '#adb5bd', shape: 'strip' },
];

export function TimelineView({ refresh, onCopy, onFrame, onClose }: Props) {
  const actions = useActions();
  const epoch = useAnalyzer((s) => s.epoch);
  const appliedFilter = useAnalyzer((s) => s.appliedFilter);
  const displayed = useAnalyzer((s) => s.displayedCount);
  const theme = useThemeVersion();
  const [grouping, setGrouping] = useState<TimelineGrouping>('conversation');
  const [timeline, setTimeline] = useState<TimelineResponse | null>(null);
  const [hover, setHover] = useState<{ hit: TimelineHit; left: number; top: number } | null>(null);
  const [brushed, setBrushed] = useState<string | null>(null);
  const chart = useRef<uPlot | null>(null);
  const selection = useRef<{ min: number; max: number } | null>(null);

  useEffect(() => {
    let current = true;
    void actions.timeline(grouping).then((t) => {
      if (current && t) setTimeline(t);
    });
    return () => {
      current = false;
    };
  }, [actions, grouping, refresh, epoch]);

  const timelineRef = useRef(timeline);
  timelineRef.current = timeline;

  const data = useMemo<uPlot.AlignedData>(() => [[0, Math.max(1e-3, (timeline?.durationUs ?? 0) / 1e6)], [null, null]], [timeline]);

  const brush = useCallback((fromUs: number, toUs: number) => {
    const filter = timeRangeFilter(fromUs, toUs);
    setBrushed(filter);
    void actions.filterOn(filter);
  }, [actions]);
  const brushRef = useRef(brush);
  brushRef.current = brush;

  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'> | null>(() => {
    if (!timeline || timeline.rows.length === 0) return null;
    const rows = timeline.rows.length;
    const labels = timeline.rows.map((r) => canvasLabel(r.label));
    const text = chartColour('--text', '#1b1b1b');
    const grid = chartColour('--chart-grid', '#e4e4e4');
    const colours = timelineColours();
    const labelWidth = Math.min(300, 16 + 7 * Math.max(...labels.map((l) => l.length)));
    return {
      padding: [6, 12, 0, 0],
      scales: { x: { time: false, range: (_u, min, max) => [min, max] }, y: { auto: false, range: [0, rows] } },
      axes: [
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, label: 'Seconds since the first frame', labelSize: 20, size: AXIS_HEIGHT - 20 },
        {
          scale: 'y', stroke: text, size: labelWidth, grid: { show: false }, ticks: { show: false }, gap: 6,
          splits: () => labels.map((_, r) => rows - r - 0.5),
          values: () => labels,
        },
      ],
      series: [{}, { scale: 'y', show: false }],
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false }, y: false },
      plugins: [wheelZoomPlugin()],
      hooks: {
        draw: [(u) => {
          const t = timelineRef.current;
          if (t && t.rows.length === rows) drawTimeline(u, t, colours);
        }],
        setSelect: [(u) => {
          if (u.select.width < 4) return;
          const min = u.posToVal(u.select.left, 'x');
          const max = u.posToVal(u.select.left + u.select.width, 'x');
          selection.current = { min, max };
          brushRef.current(min * 1e6, max * 1e6);
        }],
        setCursor: [(u) => {
          const t = timelineRef.current;
          const { left, top } = u.cursor;
          const hit = t && left !== undefined && top !== undefined && left >= 0 ? hitTest(u, t, left, top) : null;
          setHover(hit ? { hit, left: left!, top: top! } : null);
        }],
      },
    };
    // Rebuilt for new rows or another theme; new items of the same rows are drawn by the draw hook.
  }, [timeline?.rows, theme]);

  const onChart = useCallback((u: uPlot | null) => {
    chart.current = u;
    if (!u) return;
    onPlotClick(u, (e) => {
      const t = timelineRef.current;
      const box = u.over.getBoundingClientRect();
      const hit = t ? hitTest(u, t, e.clientX - box.left, e.clientY - box.top) : null;
      if (hit) onFrame(hit.item.frame);
    });
  }, [onFrame]);

  const zoom = (range: { min: number; max: number } | null) => {
    const u = chart.current;
    if (!u) return;
    const full = u.data[0];
    const target = range ?? { min: full[0], max: full[full.length - 1] };
    if (target.max > target.min) u.setScale('x', target);
  };

  const table = useMemo(() => (timeline ? timelineTable(timeline) : null), [timeline]);
  const height = timeline ? timeline.rows.length * ROW_HEIGHT + AXIS_HEIGHT + 6 : 0;

  return (
    <div className="timeline" data-testid="timeline">
      <div className="chart-controls">
        <label>
          Rows{' '}
          <select value={grouping} data-testid="timeline-grouping" onChange={(e) => setGrouping(e.target.value as TimelineGrouping)}>
            <option value="conversation">By conversation</option>
            <option value="account">By account</option>
          </select>
        </label>
        <button type="button" className="tool-button" data-testid="timeline-zoom-selection" onClick={() => zoom(selection.current)}>Zoom to selection</button>
        <button type="button" className="tool-button" data-testid="timeline-reset-zoom" onClick={() => zoom(null)}>Reset zoom</button>
        <span className="chart-hint">Wheel to zoom · Shift+wheel to pan · drag to filter the packets to a time range · click an item to go to its frame</span>
      </div>
      <ul className="timeline-legend" aria-label="Legend">
        {LEGEND.map((l) => (
          <li key={l.label}><span className={`legend-swatch ${l.shape}`} style={{ background: `var(${l.variable}, ${l.fallback})` }} />{l.label}</li>
        ))}
      </ul>
      {timeline === null && <div className="grid-empty">Computing…</div>}
      {timeline && timeline.rows.length === 0 && <div className="grid-empty">No sessions, transfers or presence in this capture.</div>}
      {options && (
        <div className="timeline-chart-box">
          <UPlotChart options={options} data={data} height={height} onChart={onChart} className="timeline-chart" testId="timeline-chart" />
          {hover && (
            <div className="chart-tooltip" style={{ left: hover.left + (chart.current?.over.offsetLeft ?? 0) + 12, top: hover.top + (chart.current?.over.offsetTop ?? 0) + 12 }} data-testid="timeline-tooltip">
              <strong>{KIND_TEXT[hover.hit.kind]}</strong> · frame {hover.hit.item.frame}
              <br />
              <CapturedText text={hover.hit.item.label} />
            </div>
          )}
        </div>
      )}
      {brushed && (
        <p className="stats-note timeline-brushed" data-testid="timeline-brushed">
          {brushed === appliedFilter ? `Packet list filtered to this range: ${displayed.toLocaleString('en-US')} packets` : 'Filtering the packet list…'} (<code>{brushed}</code>){' '}
          <button type="button" className="link-button" onClick={onClose}>Show packets</button>{' '}
          <button type="button" className="link-button" onClick={() => { setBrushed(null); void actions.filterOn(''); }}>Clear filter</button>
        </p>
      )}
      {table && <StatsTableView table={table} onCopy={onCopy} onFilter={() => undefined} maxShownRows={2000} />}
    </div>
  );
}
