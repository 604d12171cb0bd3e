// Statistics → I/O Graph: lines of packets, bytes, MSNP commands or chat messages per interval,
// each with its own display filter, counted by the back end (stats:io-graph) and drawn by uPlot on
// a canvas. Drag to zoom into a time range, the wheel zooms around the pointer, double-click (or
// Reset zoom) shows it all; clicking a point selects the first packet of that interval its line
// counts. Bytes lines have their own axis on the right. Below, the same numbers as a table.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { IO_INTERVALS_US, IO_METRICS, IO_METRIC_LABELS, MAX_IO_LINES, intervalText, type IoGraphLine, type IoGraphResponse, type IoMetric } from '../../../shared/io-graph';
import type { StatsTable } from '../../../shared/statistics';
import { useActions } from '../../app/analyzer-context';
import { checkDisplayFilter } from '../../app/filter-check';
import { chartColour, onPlotClick, UPlotChart, wheelZoomPlugin } from '../../components/UPlotChart';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { StatsTableView } from '../statistics/StatsTableView';
import { ioGraphTable, lineLabel } from './io-graph-table';
import { useIoGraphSettings, type IoGraphLineSetting } from './io-graph-settings';
import { seriesVariable, useThemeVersion } from './use-theme-version';

/** Axis steps for counts: whole numbers only (no "0.2 messages"). */
const WHOLE_STEPS = Array.from({ length: 15 }, (_, e) => [1, 2, 5].map((m) => m * 10 ** e)).flat();

const FALLBACK_COLOURS = ['#2f6fd0', '#d9480f', '#2b8a3e', '#9c36b5', '#c2255c', '#0b7285', '#e67700', '#495057'];

interface Props {
  /** Changes when the dialog's Refresh is pressed, or the capture grows to its end. */
  refresh: number;
  onCopy(table: StatsTable): Promise<boolean>;
  /** Closes the dialog and selects the frame (a click on a point). */
  onFrame(frame: number): void;
}

function LineEditor({ line, index, onApply }: { line: IoGraphLineSetting; index: number; onApply(change: Partial<IoGraphLineSetting>): void }) {
  const [text, setText] = useState(line.filter);
  useEffect(() => setText(line.filter), [line.filter]);
  const check = checkDisplayFilter(text);
  const remove = useIoGraphSettings((s) => s.removeLine);
  const apply = () => {
    if (check.status !== 'invalid' && text !== line.filter) onApply({ filter: text });
  };
  return (
    <div className="io-line" data-testid="io-line">
      <input type="checkbox" checked={line.enabled} aria-label={`Show line ${index + 1}`} onChange={(e) => onApply({ enabled: e.target.checked })} />
      <span className="io-swatch" style={{ background: `var(${seriesVariable(index)}, ${FALLBACK_COLOURS[index % 8]})` }} aria-hidden="true" />
      <select value={line.metric} aria-label={`Line ${index + 1} counts`} data-testid="io-line-metric" onChange={(e) => onApply({ metric: e.target.value as IoMetric })}>
        {IO_METRICS.map((m) => <option key={m} value={m}>{IO_METRIC_LABELS[m]}</option>)}
      </select>
      <input
        className={`io-filter filter-field ${check.status === 'invalid' ? 'invalid' : check.status === 'valid' ? 'valid' : ''}`}
        value={text}
        placeholder="Display filter (empty: every frame)"
        aria-label={`Line ${index + 1} display filter`}
        title={check.status === 'invalid' ? check.error : undefined}
        data-testid="io-line-filter"
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
        onBlur={apply}
      />
      <button type="button" className="tool-button" aria-label={`Remove line ${index + 1}`} onClick={() => remove(line.id)}>Remove</button>
    </div>
  );
}

/** The series nearest the pointer's height at data index `idx` (among those that count there), and its line. */
function pickedLine(u: uPlot, idx: number, shown: number[], answer: IoGraphResponse): number {
  const top = u.cursor.top ?? 0;
  let best = -1;
  let bestDistance = Infinity;
  shown.forEach((lineIndex, s) => {
    const a = answer.lines[lineIndex];
    if (!a.ok || a.firstFrames[idx] === 0) return;
    const series = u.series[s + 1];
    const y = u.valToPos(a.values[idx], series.scale ?? 'count');
    const distance = Math.abs(y - top);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = lineIndex;
    }
  });
  return best;
}

export function IoGraphView({ refresh, onCopy, onFrame }: Props) {
  const actions = useActions();
  const { intervalUs, lines, setInterval, updateLine, addLine } = useIoGraphSettings();
  const epoch = useAnalyzer((s) => s.epoch);
  const theme = useThemeVersion();
  const [answer, setAnswer] = useState<{ response: IoGraphResponse; lines: IoGraphLine[] } | null>(null);
  const chart = useRef<uPlot | null>(null);

  const requested = useMemo(() => lines.filter((l) => l.enabled).map((l) => ({ metric: l.metric, filter: l.filter })), [lines]);
  useEffect(() => {
    let current = true;
    void actions.ioGraph({ intervalUs, lines: requested }).then((response) => {
      if (current && response) setAnswer({ response, lines: requested });
    });
    return () => {
      current = false;
    };
  }, [actions, intervalUs, requested, refresh, epoch]);

  // Lines (by index into the answer) that were counted, and the colour index of each.
  const shown = useMemo(() => (answer ? answer.lines.map((_, k) => k).filter((k) => answer.response.lines[k].ok) : []), [answer]);
  const colourOf = useMemo(() => {
    const enabled = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.enabled);
    return (answerIndex: number) => enabled[answerIndex]?.i ?? answerIndex;
  }, [lines]);

  const data = useMemo<uPlot.AlignedData>(() => {
    if (!answer) return [[]];
    const { response } = answer;
    const x = Array.from({ length: response.buckets }, (_, k) => (k * response.intervalUs) / 1e6);
    return [x, ...shown.map((k) => {
      const a = response.lines[k];
      return a.ok ? a.values : [];
    })];
  }, [answer, shown]);

  const answerRef = useRef(answer);
  answerRef.current = answer;
  const shownRef = useRef(shown);
  shownRef.current = shown;

  const signature = answer ? `${shown.map((k) => `${answer.lines[k].metric}|${answer.lines[k].filter}|${colourOf(k)}`).join('§')}#${answer.response.buckets > 300 ? 'dense' : 'sparse'}` : '';
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'> | null>(() => {
    if (!answer) return null;
    const text = chartColour('--text', '#1b1b1b');
    const grid = chartColour('--chart-grid', '#e4e4e4');
    // Three scales: counts on the left; bytes, and chat messages (a few where packets are many), on the right.
    const scaleOf = (k: number) => (answer.lines[k].metric === 'bytes' ? 'bytes' : answer.lines[k].metric === 'messages' ? 'messages' : 'count');
    const has = (scale: string) => shown.some((k) => scaleOf(k) === scale);
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const dense = answer.response.buckets > 300;
    const fromZero: uPlot.Scale['range'] = (_u, _min, max) => [0, Math.max(1, max * 1.08)];
    const right = (scale: string, label: string) => ({ ...axis, scale, side: 1, label, labelSize: 22, size: 64, incrs: WHOLE_STEPS, grid: { show: !has('count'), stroke: grid, width: 1 } });
    // Where buckets are too many for every point, only the points that count something are drawn.
    const nonZero: uPlot.Series.Points.Filter = (u, seriesIdx) => {
      const values = u.data[seriesIdx];
      const out: number[] = [];
      for (let i = 0; i < values.length; i++) if (values[i]) out.push(i);
      return out;
    };
    return {
      scales: { x: { time: false }, count: { range: fromZero }, bytes: { range: fromZero }, messages: { range: fromZero } },
      axes: [
        { ...axis, label: 'Seconds since the first frame', labelSize: 22 },
        ...(has('count') ? [{ ...axis, scale: 'count', label: 'Count per interval', labelSize: 22, size: 56, incrs: WHOLE_STEPS }] : []),
        ...(has('bytes') ? [right('bytes', 'Bytes per interval')] : []),
        ...(has('messages') ? [right('messages', 'Chat messages per interval')] : []),
      ],
      series: [
        { label: 'Time (s)', value: (_u, v) => (v === null ? '—' : `${v.toFixed(3)} s`) },
        ...shown.map((k) => {
          const colour = chartColour(seriesVariable(colourOf(k)), FALLBACK_COLOURS[colourOf(k) % 8]);
          return {
            label: lineLabel(answer.lines[k]),
            scale: scaleOf(k),
            stroke: colour,
            width: 1.5,
            points: { show: true, size: 5, fill: colour, space: 0, ...(dense ? { filter: nonZero } : {}) },
          } satisfies uPlot.Series;
        }),
      ],
      cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 7 } },
      legend: { show: true, live: true },
      plugins: [wheelZoomPlugin()],
    };
    // The signature and theme are what the options depend on; data arrive without a rebuild.
  }, [signature, theme]);

  const onChart = useCallback((u: uPlot | null) => {
    chart.current = u;
    if (!u) return;
    onPlotClick(u, () => {
      const current = answerRef.current;
      const idx = u.cursor.idx;
      if (!current || idx === null || idx === undefined) return;
      const line = pickedLine(u, idx, shownRef.current, current.response);
      const picked = line >= 0 ? current.response.lines[line] : null;
      if (picked?.ok) onFrame(picked.firstFrames[idx]);
      else analyzerStore.getState().notify('info', 'No packet in that interval: click a point with a count.');
    });
  }, [onFrame]);

  const table = useMemo(() => (answer ? ioGraphTable(answer.response, answer.lines) : null), [answer]);
  const failed = answer ? answer.response.lines.map((a, k) => ({ a, k })).filter(({ a }) => !a.ok) : [];

  return (
    <div className="io-graph" data-testid="io-graph">
      <div className="chart-controls">
        <label>
          Interval{' '}
          <select
            value={intervalUs ?? 'auto'}
            data-testid="io-interval"
            onChange={(e) => setInterval(e.target.value === 'auto' ? null : Number(e.target.value))}
          >
            <option value="auto">Auto{answer && intervalUs === null ? ` (${intervalText(answer.response.intervalUs)})` : ''}</option>
            {IO_INTERVALS_US.map((us) => <option key={us} value={us}>{intervalText(us)}</option>)}
          </select>
        </label>
        <button type="button" className="tool-button" data-testid="io-reset-zoom" onClick={() => {
          const u = chart.current;
          const x = u?.data[0];
          if (u && x && x.length) u.setScale('x', { min: x[0], max: x[x.length - 1] });
        }}>Reset zoom</button>
        <span className="chart-hint">Drag to zoom · wheel to zoom · double-click to see all · click a point to go to its first packet</span>
      </div>
      <div className="io-lines">
        {lines.map((line, i) => <LineEditor key={line.id} line={line} index={i} onApply={(change) => updateLine(line.id, change)} />)}
        <button type="button" className="tool-button" disabled={lines.length >= MAX_IO_LINES} onClick={addLine} data-testid="io-add-line">Add line</button>
      </div>
      {answer?.response.error && <p className="stats-note chart-error" role="alert">{answer.response.error}</p>}
      {failed.map(({ a, k }) => (
        <p key={k} className="stats-note chart-error" role="alert">{lineLabel(answer!.lines[k])}: {a.ok ? '' : a.error}</p>
      ))}
      {options && answer && answer.response.buckets > 0 && shown.length > 0 ? (
        <UPlotChart options={options} data={data} height={330} onChart={onChart} className="io-chart" testId="io-chart" />
      ) : (
        <div className="grid-empty">{answer ? 'Nothing to draw: no line is shown.' : 'Computing…'}</div>
      )}
      {answer && answer.response.buckets > 0 && (
        <p className="stats-note">
          {answer.response.buckets.toLocaleString('en-US')} intervals of {intervalText(answer.response.intervalUs)} from the first frame
        </p>
      )}
      {table && <StatsTableView table={table} onCopy={onCopy} onFilter={() => undefined} maxShownRows={2000} />}
    </div>
  );
}
