// Geometry of the flow graph, shared by the window's diagram and the SVG export so both draw the
// same picture: a time column on the left, then one lane per host or account, one row per arrow.

export const FLOW_TIME_WIDTH = 118;
export const FLOW_LANE_WIDTH = 230;
export const FLOW_HEADER_HEIGHT = 46;
export const FLOW_ROW_HEIGHT = 30;
/** Roughly how many characters of a label fit per pixel of arrow (11 px sans-serif). */
const PX_PER_CHAR = 6.4;

export const laneX = (lane: number): number => FLOW_TIME_WIDTH + FLOW_LANE_WIDTH * (lane + 0.5);
export const flowWidth = (lanes: number): number => FLOW_TIME_WIDTH + FLOW_LANE_WIDTH * Math.max(lanes, 1) + 16;
/** The arrow line of row `row` (relative to the first row drawn). */
export const arrowY = (row: number): number => FLOW_HEADER_HEIGHT + FLOW_ROW_HEIGHT * row + FLOW_ROW_HEIGHT * 0.72;

/** The label shortened to the arrow it sits on (the whole text stays in the table and the tooltip). */
export function fitLabel(text: string, from: number, to: number): string {
  const span = Math.max(Math.abs(laneX(to) - laneX(from)), FLOW_LANE_WIDTH) - 16;
  const max = Math.max(8, Math.floor(span / PX_PER_CHAR));
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The relative time shown left of an arrow: seconds since the capture's first frame. */
export function flowTimeText(timeUs: number, firstTimeUs: number | null): string {
  return `${((timeUs - (firstTimeUs ?? timeUs)) / 1e6).toFixed(6)}`;
}
