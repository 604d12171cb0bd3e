// How one frame is written by File → Export Packet Dissections, in each of its three formats:
// - CSV: the packet list's columns, one row a frame (Wireshark's "As CSV"); cells made safe for
//   spreadsheets by csvCell (no formulas, hidden characters as escapes);
// - plain text: the column header, the frame's summary line and its whole tree, four spaces per
//   level (Wireshark's "As Plain Text" with details expanded); captured text with control, bidi
//   and zero-width characters as `\u{…}` escapes, as the text report writes it;
// - JSON: an array of { frame, summary, fields, tree }: `fields` maps each display-filter field
//   of the tree to its values as `tshark -T json -e …` does (an array, repeated fields in tree
//   order), `tree` keeps every node with its label and field; one frame a line. Text is kept as
//   sent, as in the JSON report.

import { csvCell } from '../../../shared/csv-cell';
import type { TreeNode } from '../../../shared/model';
import { safeText } from '../../report/text-report';

/** The packet list's columns of one frame, as the export writes them. */
export interface DissectionRow {
  number: number;
  time: string;
  source: string;
  destination: string;
  protocol: string;
  length: number;
  info: string;
}

export const CSV_HEADER = ['No.', 'Time', 'Source', 'Destination', 'Protocol', 'Length', 'Info'].map(csvCell).join(',') + '\r\n';

export function csvRow(row: DissectionRow): string {
  return [row.number, row.time, row.source, row.destination, row.protocol, row.length, row.info].map(csvCell).join(',') + '\r\n';
}

/** Wireshark's plain-text summary layout: fixed columns, Info last. */
function summaryLine(no: string, time: string, source: string, destination: string, protocol: string, length: string, info: string): string {
  return `${no.padStart(7)} ${time.padEnd(14)} ${source.padEnd(21)} ${destination.padEnd(21)} ${protocol.padEnd(8)} ${length.padEnd(6)} ${info}`.trimEnd();
}

const TEXT_HEADER = `${'No.'.padEnd(7)} ${'Time'.padEnd(14)} ${'Source'.padEnd(21)} ${'Destination'.padEnd(21)} ${'Protocol'.padEnd(8)} ${'Length'.padEnd(6)} Info`;

function treeLines(nodes: readonly TreeNode[], depth: number, out: string[]): void {
  for (const node of nodes) {
    out.push(`${'    '.repeat(depth)}${safeText(node.label)}`);
    if (node.children) treeLines(node.children, depth + 1, out);
  }
}

/** One frame as plain text: header, summary line, blank line, its tree, blank line. */
export function textFrame(row: DissectionRow, tree: readonly TreeNode[]): string {
  const out = [TEXT_HEADER, summaryLine(String(row.number), row.time, safeText(row.source), safeText(row.destination), safeText(row.protocol), String(row.length), safeText(row.info)), ''];
  treeLines(tree, 0, out);
  out.push('', '');
  return out.join('\n');
}

interface JsonNode {
  label: string;
  field?: string;
  value?: string | number;
  children?: JsonNode[];
}

function jsonTree(nodes: readonly TreeNode[], fields: Record<string, (string | number)[]>): JsonNode[] {
  return nodes.map((node) => {
    const out: JsonNode = { label: node.label };
    if (node.field) {
      out.field = node.field.name;
      out.value = node.field.value;
      (fields[node.field.name] ??= []).push(node.field.value);
    }
    if (node.children) out.children = jsonTree(node.children, fields);
    return out;
  });
}

/** One frame as a JSON object (without the separating comma). */
export function jsonFrame(row: DissectionRow, tree: readonly TreeNode[]): string {
  const fields: Record<string, (string | number)[]> = {};
  const nodes = jsonTree(tree, fields);
  const { number, ...summary } = row;
  // One frame a line: a tenth of the size of indented JSON, and a reader can stream it line by line.
  return JSON.stringify({ frame: number, summary, fields, tree: nodes });
}
