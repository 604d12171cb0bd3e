// The flow graph as a self-contained SVG document (the export, and the picture the window turns
// into a PNG): lanes, time, one arrow per row with its label, transaction brackets, errors in red,
// links to other diagrams as text. No script, no external reference; colours from a <style> with
// a dark variant for viewers in a dark theme. Every captured string is escaped for XML after its
// invisible and layout-steering characters were made visible (visible-text.ts).

import type { FlowArrowKind, FlowPage } from './flow-graph';
import { arrowY, fitLabel, flowTimeText, flowWidth, FLOW_HEADER_HEIGHT, FLOW_ROW_HEIGHT, FLOW_TIME_WIDTH, laneX } from './flow-layout';
import { showInvisible } from './visible-text';

/** Characters XML 1.0 does not allow at all (controls are already markers; lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Captured text for an SVG text node or attribute. */
export function svgText(text: string): string {
  return showInvisible(text).replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const KIND_CLASS: Record<FlowArrowKind, string> = {
  msnp: 'a-msnp', chat: 'a-chat', presence: 'a-presence', p2p: 'a-p2p', error: 'a-error', tcp: 'a-tcp', other: 'a-other',
};

const STYLE = `
svg{background:#fff;font-family:"DejaVu Sans",Arial,sans-serif}
.lane{stroke:#9aa4b2;stroke-dasharray:3 3}
.lane-label{font-size:12px;font-weight:bold;fill:#1b1b1b}
.lane-address{font-size:10px;fill:#555}
.time,.frame{font-size:10px;fill:#555;font-family:"DejaVu Sans Mono",monospace}
.label{font-size:11px;fill:#1b1b1b}
.link{font-size:10px;fill:#1f5fbf}
.pair{stroke:#8a8a8a;fill:none}
line.arrow{stroke-width:1.4}
.a-msnp{stroke:#2b4c7e;fill:#2b4c7e}.a-chat{stroke:#2f7d32;fill:#2f7d32}.a-presence{stroke:#1f6fb2;fill:#1f6fb2}
.a-p2p{stroke:#8e3aa0;fill:#8e3aa0}.a-error{stroke:#c62828;fill:#c62828}.a-tcp{stroke:#707080;fill:#707080}.a-other{stroke:#707080;fill:#707080}
text.e{fill:#c62828}
@media (prefers-color-scheme:dark){svg{background:#1e1f22}.lane-label,.label{fill:#e6e6e6}.lane-address,.time,.frame{fill:#a8a8a8}
.lane{stroke:#5d6470}.link{fill:#7fb2ff}.a-msnp{stroke:#8fb4ec;fill:#8fb4ec}.a-chat{stroke:#7fcf83;fill:#7fcf83}.a-presence{stroke:#7fbfef;fill:#7fbfef}
.a-p2p{stroke:#d59ae2;fill:#d59ae2}.a-error{stroke:#ff7b7b;fill:#ff7b7b}text.e{fill:#ff7b7b}.a-tcp,.a-other{stroke:#a0a0b0;fill:#a0a0b0}}
`;

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
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-arrows="${rows}">`,
    `<title>${svgText(options.title)}</title>`,
    `<style>${STYLE}</style>`,
    `<text class="lane-label" x="8" y="18">Time (s)</text>`,
  ];
  page.lanes.forEach((lane, i) => {
    const x = laneX(i);
    out.push(`<text class="lane-label" x="${x}" y="18" text-anchor="middle">${svgText(lane.label)}</text>`);
    out.push(`<text class="lane-address" x="${x}" y="32" text-anchor="middle">${svgText(lane.role === 'client' ? `client ${lane.address}` : lane.role)}</text>`);
    out.push(`<line class="lane" x1="${x}" y1="${FLOW_HEADER_HEIGHT - 6}" x2="${x}" y2="${FLOW_HEADER_HEIGHT + FLOW_ROW_HEIGHT * rows}"/>`);
  });
  for (let r = 0; r < rows; r++) {
    const y = arrowY(r);
    const from = page.from[r];
    const to = page.to[r];
    const cls = KIND_CLASS[page.kind[r]] ?? 'a-msnp';
    out.push(`<g class="arrow-row" data-frame="${page.frame[r]}">`);
    out.push(`<text class="time" x="8" y="${y + 3}">${flowTimeText(page.timeUs[r], page.firstTimeUs)}</text>`);
    out.push(`<text class="frame" x="${FLOW_TIME_WIDTH - 6}" y="${y + 3}" text-anchor="end">${page.frame[r]}</text>`);
    out.push(`<line class="arrow ${cls}" x1="${laneX(from)}" y1="${y}" x2="${laneX(to)}" y2="${y}"/>`);
    out.push(`<path class="${cls}" d="${arrowHead(laneX(from), laneX(to), y)}"/>`);
    const mid = (laneX(from) + laneX(to)) / 2;
    out.push(`<text class="label${page.kind[r] === 'error' ? ' e' : ''}" x="${mid}" y="${y - 5}" text-anchor="middle">${svgText(fitLabel(page.summary[r], from, to))}</text>`);
    const link = page.link[r];
    if (link) out.push(`<text class="link" x="${Math.max(laneX(from), laneX(to)) + 8}" y="${y + 3}">${svgText(link.text)}</text>`);
    const pair = page.pair[r] - page.start;
    if (pair > r && pair < rows) out.push(pairBracket(laneX(from), y, arrowY(pair)));
    out.push('</g>');
  }
  if (options.note) out.push(`<text class="lane-address" x="8" y="${height - 10}">${svgText(options.note)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** The head of an arrow from x1 to x2 at height y (a triangle pointing at x2). */
export function arrowHead(x1: number, x2: number, y: number): string {
  const d = x2 >= x1 ? -8 : 8;
  return `M${x2},${y} L${x2 + d},${y - 4} L${x2 + d},${y + 4} z`;
}

/** A bracket just beside the requester's lane, from the request down to its reply. */
export function pairBracket(x: number, y1: number, y2: number): string {
  const bx = x - 9;
  return `<path class="pair" d="M${x - 2},${y1} H${bx} V${y2} H${x - 2}"/>`;
}
