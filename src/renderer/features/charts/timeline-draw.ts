// Draws the session timeline on a uPlot chart's canvas (its draw hook) and finds what is under the
// pointer. uPlot gives the time axis, zoom, cursor and brushing; the rows are drawn here: within a
// row, presence at the bottom (or filling a presence row), the session or transfer bar in the
// middle with its chat messages as ticks, and file transfers as a span under it, filled as far as
// the bytes seen reach.

import type uPlot from 'uplot';
import type { TimelineItem, TimelineResponse, TimelineStrip, TimelineTransfer } from '../../../shared/timeline';
import { chartColour } from '../../components/UPlotChart';

export const ROW_HEIGHT = 30;

/** Vertical bands of a row, as fractions of its height. */
const BAND = {
  bar: [0.12, 0.55],
  tick: [0.06, 0.6],
  transfer: [0.6, 0.78],
  strip: [0.82, 0.96],
  presenceRow: [0.25, 0.75],
} as const;

export interface TimelineColours {
  bar: string;
  barEdge: string;
  tick: string;
  transfer: string;
  grid: string;
  presence: Record<TimelineStrip['state'], string>;
}

export function timelineColours(): TimelineColours {
  return {
    bar: chartColour('--chart-bar', '#8fb3e8'),
    barEdge: chartColour('--chart-bar-edge', '#3d6fb8'),
    tick: chartColour('--chart-tick', '#123a73'),
    transfer: chartColour('--chart-transfer', '#e8a33d'),
    grid: chartColour('--chart-grid', '#e4e4e4'),
    presence: {
      online: chartColour('--presence-online', '#37b24d'),
      away: chartColour('--presence-away', '#f59f00'),
      busy: chartColour('--presence-busy', '#e03131'),
      offline: chartColour('--presence-offline', '#adb5bd'),
      other: chartColour('--presence-other', '#7950f2'),
    },
  };
}

/** Row r's top edge in canvas pixels; the y scale runs from `rows` at the top to 0 at the bottom. */
const rowTop = (u: uPlot, rows: number, r: number) => u.valToPos(rows - r, 'y', true);

function band(u: uPlot, rows: number, r: number, [from, to]: readonly [number, number]): [number, number] {
  const top = rowTop(u, rows, r);
  const height = rowTop(u, rows, r + 1) - top;
  return [top + height * from, height * (to - from)];
}

export function drawTimeline(u: uPlot, t: TimelineResponse, colours: TimelineColours): void {
  const ctx = u.ctx;
  const rows = t.rows.length;
  const { left, top, width, height } = u.bbox;
  const x = (us: number) => u.valToPos(us / 1e6, 'x', true);
  const dpr = devicePixelRatio || 1;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  // Row separators.
  ctx.strokeStyle = colours.grid;
  ctx.lineWidth = 1;
  for (let r = 1; r < rows; r++) {
    const y = Math.round(rowTop(u, rows, r)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
  }
  const span = (item: TimelineItem, fraction: readonly [number, number], minWidth: number): [number, number, number, number] => {
    const [y, h] = band(u, rows, item.row, fraction);
    const x0 = x(item.startUs);
    return [x0, y, Math.max(minWidth * dpr, x(item.endUs) - x0), h];
  };
  for (const s of t.strips) {
    ctx.fillStyle = colours.presence[s.state];
    const presenceRow = t.rows[s.row]?.kind === 'presence';
    ctx.fillRect(...span(s, presenceRow ? BAND.presenceRow : BAND.strip, 1));
  }
  for (const b of t.bars) {
    const rect = span(b, BAND.bar, 3);
    ctx.fillStyle = colours.bar;
    ctx.fillRect(...rect);
    ctx.strokeStyle = colours.barEdge;
    ctx.lineWidth = dpr;
    ctx.strokeRect(...rect);
  }
  for (const f of t.transfers) drawTransfer(ctx, span(f, BAND.transfer, 5), f, colours, dpr);
  ctx.fillStyle = colours.tick;
  for (const k of t.ticks) {
    const [y, h] = band(u, rows, k.row, BAND.tick);
    ctx.fillRect(Math.round(x(k.startUs) - dpr), y, 2 * dpr, h);
  }
  ctx.restore();
}

function drawTransfer(ctx: CanvasRenderingContext2D, [x0, y, w, h]: [number, number, number, number], f: TimelineTransfer, colours: TimelineColours, dpr: number): void {
  const progress = f.size > 0 ? Math.min(1, f.received / f.size) : f.complete ? 1 : 0;
  ctx.globalAlpha = 0.35;
  ctx.fillStyle = colours.transfer;
  ctx.fillRect(x0, y, w, h);
  ctx.globalAlpha = 1;
  ctx.fillRect(x0, y, w * progress, h);
  ctx.strokeStyle = colours.transfer;
  ctx.lineWidth = dpr;
  ctx.strokeRect(x0, y, w, h);
}

export type TimelineHit = { kind: 'message' | 'transfer' | 'session' | 'presence'; item: TimelineItem };

/** What is under CSS pixel (left, top) of the plot area: a tick first, then a transfer, a bar, a strip. */
export function hitTest(u: uPlot, t: TimelineResponse, left: number, top: number): TimelineHit | null {
  const rows = t.rows.length;
  if (rows === 0) return null;
  const dpr = devicePixelRatio || 1;
  const rowHeight = u.bbox.height / dpr / rows;
  const row = Math.floor(top / rowHeight);
  if (row < 0 || row >= rows) return null;
  const within = (top - row * rowHeight) / rowHeight;
  const at = u.posToVal(left, 'x') * 1e6;
  // Tolerance of four CSS pixels, in microseconds at the current zoom.
  const slack = Math.abs(u.posToVal(left + 4, 'x') - u.posToVal(left, 'x')) * 1e6;
  const covers = (i: TimelineItem) => i.row === row && at >= i.startUs - slack && at <= i.endUs + slack;
  if (within >= BAND.tick[0] && within <= BAND.tick[1]) {
    let best: TimelineItem | null = null;
    for (const k of t.ticks) if (covers(k) && (!best || Math.abs(k.startUs - at) < Math.abs(best.startUs - at))) best = k;
    if (best) return { kind: 'message', item: best };
  }
  const presenceRow = t.rows[row].kind === 'presence';
  const strip = () => t.strips.find(covers);
  if (presenceRow || within >= BAND.strip[0]) {
    const s = strip();
    return s ? { kind: 'presence', item: s } : null;
  }
  if (within >= BAND.transfer[0]) {
    const f = t.transfers.find(covers);
    if (f) return { kind: 'transfer', item: f };
  }
  const b = t.bars.find(covers);
  return b ? { kind: 'session', item: b } : null;
}
