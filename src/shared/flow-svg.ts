// The flow graph as a self-contained SVG document (the export, and the picture the window turns
// into a PNG): lanes, time, one arrow per row with its label, transaction brackets, errors in red,
// links to other diagrams as text. No script, no style sheet, no external reference: light colours
// as presentation attributes, so the picture looks the same in any viewer and as a PNG. Every captured string is escaped for XML after its
// invisible and layout-steering characters were made visible (visible-text.ts).

import type { FlowArrowKind, FlowPage } from './flow-graph';
import { arrowY, fitLabel, flowTimeText, flowWidth, FLOW_HEADER_HEIGHT, FLOW_ROW_HEIGHT, FLOW_TIME_WIDTH, laneX, linkX } from './flow-layout';
import { showInvisible } from './visible-text';

/** Characters XML 1.0 does not allow at all (controls are already markers; lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Captured text for an SVG text node or attribute. */
export function svgText(text: string): string {
  return showInvisible(text).replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Light colours (a printable picture): presentation attributes, since a page's CSP may refuse a <style> in an SVG image. */
const KIND_COLOUR: Record<FlowArrowKind, string> = {
  msnp: '#2b4c7e', chat: '#2f7d32', presence: '#1f6fb2', p2p: '#8e3aa0', error: '#c62828', tcp: '#707080', other: '#707080',
};
const TEXT = 'fill="#1b1b1b"';
const MUTED = 'font-size="10" fill="#555555"';
const MONO = 'font-family="DejaVu Sans Mono, monospace"';

export interface FlowSvgOptions {
  title: string;
  /** A line under the picture, e.g. that only the first arrows are in it. */
  note?: string;
}

/** The arrows of `page` (rows 0…n−1 of the picture) as an SVG document. */
export function flowSvg(page: FlowPage, options: FlowSvgOptions): string {
  const rows = page.frame.length;
  const width = flowWidth(page.lanes.length);
  const height = FLOW_HEADER_HEIGHT + FLOW_ROW_HEIGHT * rows + (options.note ? 28 : 12);
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" data-arrows="${rows}">`,
    `<title>${svgText(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text class="lane-label" x="8" y="18" font-size="12" font-weight="bold" ${TEXT}>Time (s)</text>`,
  ];
  page.lanes.forEach((lane, i) => {
    const x = laneX(i);
    out.push(`<text class="lane-label" x="${x}" y="18" text-anchor="middle" font-size="12" font-weight="bold" ${TEXT}>${svgText(lane.label)}</text>`);
    out.push(`<text class="lane-address" x="${x}" y="32" text-anchor="middle" ${MUTED}>${svgText(lane.role === 'client' ? `client ${lane.address}` : lane.role)}</text>`);
    out.push(`<line class="lane" x1="${x}" y1="${FLOW_HEADER_HEIGHT - 6}" x2="${x}" y2="${FLOW_HEADER_HEIGHT + FLOW_ROW_HEIGHT * rows}" stroke="#9aa4b2" stroke-dasharray="3 3"/>`);
  });
  for (let r = 0; r < rows; r++) {
    const y = arrowY(r);
    const from = page.from[r];
    const to = page.to[r];
    const colour = KIND_COLOUR[page.kind[r]] ?? KIND_COLOUR.msnp;
    out.push(`<g class="arrow-row" data-frame="${page.frame[r]}">`);
    out.push(`<title>${svgText(`Frame ${page.frame[r]}: ${page.summary[r]}`)}</title>`);
    out.push(`<text class="time" x="8" y="${y + 3}" ${MUTED} ${MONO}>${flowTimeText(page.timeUs[r], page.firstTimeUs)}</text>`);
    out.push(`<text class="frame" x="${FLOW_TIME_WIDTH - 6}" y="${y + 3}" text-anchor="end" ${MUTED} ${MONO}>${page.frame[r]}</text>`);
    out.push(`<line class="arrow" x1="${laneX(from)}" y1="${y}" x2="${laneX(to)}" y2="${y}" stroke="${colour}" stroke-width="1.4"/>`);
    out.push(`<path class="head" d="${arrowHead(laneX(from), laneX(to), y)}" fill="${colour}"/>`);
    const mid = (laneX(from) + laneX(to)) / 2;
    out.push(`<text class="label" x="${mid}" y="${y - 5}" text-anchor="middle" font-size="11" fill="${page.kind[r] === 'error' ? KIND_COLOUR.error : '#1b1b1b'}">${svgText(fitLabel(page.summary[r], from, to))}</text>`);
    const link = page.link[r];
    if (link) out.push(`<text class="link" x="${linkX(page.lanes.length)}" y="${y + 3}" font-size="10" fill="#1f5fbf">${svgText(link.text)}</text>`);
    const pair = page.pair[r] - page.start;
    if (pair > r && pair < rows) out.push(pairBracket(laneX(from), y, arrowY(pair)));
    const answer = page.answer[r] - page.start;
    if (answer > r && answer < rows) out.push(`<path class="answer" d="${answerBracket(laneX(to), y, arrowY(answer))}" fill="none" stroke="#8e3aa0" stroke-dasharray="4 3"/>`);
    out.push('</g>');
  }
  if (options.note) out.push(`<text class="note" x="8" y="${height - 10}" ${MUTED}>${svgText(options.note)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** The head of an arrow from x1 to x2 at height y (a triangle pointing at x2). */
export function arrowHead(x1: number, x2: number, y: number): string {
  const d = x2 >= x1 ? -8 : 8;
  return `M${x2},${y} L${x2 + d},${y - 4} L${x2 + d},${y + 4} z`;
}

/** An invitation's dashed bracket to its answer, just right of the lane the invitation went to. */
export function answerBracket(x: number, y1: number, y2: number): string {
  return `M${x + 3},${y1} H${x + 12} V${y2} H${x + 3}`;
}

/** A bracket just beside the requester's lane, from the request down to its reply. */
export function pairBracket(x: number, y1: number, y2: number): string {
  const bx = x - 9;
  return `<path class="pair" d="M${x - 2},${y1} H${bx} V${y2} H${x - 2}" fill="none" stroke="#8a8a8a"/>`;
}
