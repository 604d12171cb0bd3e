// A uPlot chart (canvas, made for large series) in React: created once per options object, fed new
// data without being rebuilt, sized to its box (ResizeObserver), destroyed on unmount. Written here
// rather than taken from uplot-react because the views need the instance itself (scales, cursor,
// hooks) and this is all of the glue.

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotChartProps {
  /** Everything but the size, which follows the element's box. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  /** Called with the new chart (and null when it goes), for the view's own event handlers. */
  onChart?(chart: uPlot | null): void;
  className?: string;
  testId?: string;
}

export function UPlotChart({ options, data, height, onChart, className, testId }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latestData = useRef(data);
  latestData.current = data;
  const latestOnChart = useRef(onChart);
  latestOnChart.current = onChart;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const made = new uPlot({ ...options, width: Math.max(100, el.clientWidth), height }, latestData.current, el);
    chart.current = made;
    latestOnChart.current?.(made);
    const resize = new ResizeObserver(() => made.setSize({ width: Math.max(100, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      latestOnChart.current?.(null);
      made.destroy();
      chart.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    // New buckets (another interval or filter) are shown whole: the scales follow the data.
    if (chart.current && chart.current.data !== data) chart.current.setData(data);
  }, [data]);

  return <div ref={box} className={className} data-testid={testId} />;
}

/** Calls `handler` on a click in the plot area that is not the end of a drag (a zoom or a brush). */
export function onPlotClick(u: uPlot, handler: (e: MouseEvent) => void): void {
  let down: { x: number; y: number } | null = null;
  u.over.addEventListener('mousedown', (e) => {
    down = { x: e.clientX, y: e.clientY };
  });
  u.over.addEventListener('click', (e) => {
    if (down && Math.abs(e.clientX - down.x) <= 3 && Math.abs(e.clientY - down.y) <= 3) handler(e);
  });
}

/** The chart's colours, from CSS variables (so the light and dark themes each set theirs). */
export function chartColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * The wheel zooms the x axis around the pointer (uPlot zooms by dragging; this adds the wheel);
 * Shift+wheel, or a sideways wheel or trackpad swipe, pans it. Never beyond the data's range.
 */
export function wheelZoomPlugin(factor = 0.8): uPlot.Plugin {
  return {
    hooks: {
      ready: (u) => {
        u.over.addEventListener('wheel', (e) => {
          e.preventDefault();
          const { left } = u.cursor;
          if (left === undefined || left < 0) return;
          const min = u.scales.x.min ?? 0;
          const max = u.scales.x.max ?? 0;
          const full = u.data[0];
          const lo = full.length ? full[0] : min;
          const hi = full.length ? full[full.length - 1] : max;
          const sideways = Math.abs(e.deltaX) > Math.abs(e.deltaY);
          if (e.shiftKey || sideways) {
            const delta = ((sideways ? e.deltaX : e.deltaY) > 0 ? 0.1 : -0.1) * (max - min);
            const shift = Math.max(lo - min, Math.min(hi - max, delta));
            u.setScale('x', { min: min + shift, max: max + shift });
            return;
          }
          const at = u.posToVal(left, 'x');
          const scale = e.deltaY < 0 ? factor : 1 / factor;
          const nextMin = Math.max(lo, at - (at - min) * scale);
          const nextMax = Math.min(hi, at + (max - at) * scale);
          if (nextMax > nextMin) u.setScale('x', { min: nextMin, max: nextMax });
        }, { passive: false });
      },
    },
  };
}
