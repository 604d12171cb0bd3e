// Geometry of the flow graph, shared by the window's diagram and the SVG export so both draw the
// same picture: a time column on the left, then one lane per host or account, one row per arrow.

export const FLOW_TIME_WIDTH = 118;
export const FLOW_LANE_WIDTH = 250;
export const FLOW_HEADER_HEIGHT = 46;
export const FLOW_ROW_HEIGHT = 30;
/** Roughly how many characters of a label fit per pixel of arrow (11 px sans-serif). */
const PX_PER_CHAR = 6.4;

export const laneX = (lane: number): number => FLOW_TIME_WIDTH + FLOW_LANE_WIDTH * (lane + 0.5);
/** Right of the lanes: a column for the links to other diagrams (hand-offs, direct connections). */
export const FLOW_LINK_WIDTH = 240;
export const linkX = (lanes: number): number => FLOW_TIME_WIDTH + FLOW_LANE_WIDTH * Math.max(lanes, 1) + 8;
export const flowWidth = (lanes: number): number => FLOW_TIME_WIDTH + FLOW_LANE_WIDTH * Math.max(lanes, 1) + FLOW_LINK_WIDTH;
/** The arrow line of row `row` (relative to the first row drawn). */
export const arrowY = (row: number): number => FLOW_HEADER_HEIGHT + FLOW_ROW_HEIGHT * row + FLOW_ROW_HEIGHT * 0.72;

/**
 * The label shortened to the arrow it sits on (the whole text stays in the table and the tooltip):
 * a summary too long for it keeps its verb and what the analysis made of it ("MSG 3 A 179 — alice:
 * hello" → "MSG — alice: hello"), then is cut.
 */
export function fitLabel(text: string, from: number, to: number): string {
  const span = Math.max(Math.abs(laneX(to) - laneX(from)), FLOW_LANE_WIDTH) - 16;
  const max = Math.max(8, Math.floor(span / PX_PER_CHAR));
  let chars = Array.from(text);
  if (chars.length <= max) return text;
  const detail = text.indexOf(' — ');
  if (detail > 0) chars = Array.from(`${text.split(' ', 1)[0]}${text.slice(detail)}`);
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The relative time shown left of an arrow: seconds since the capture's first frame. */
export function flowTimeText(timeUs: number, firstTimeUs: number | null): string {
  return `${((timeUs - (firstTimeUs ?? timeUs)) / 1e6).toFixed(6)}`;
}
