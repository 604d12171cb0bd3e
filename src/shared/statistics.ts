// Statistics the back end computes over its packet table and analysis (Wireshark's Statistics
// menu): compact tables, never per-frame data. Every table is plain rows of cells, so the window
// shows it as a table and copies it as CSV without knowing what it holds.

import { csvCell } from './csv-cell';

export const STATS_KINDS = ['properties', 'hierarchy', 'conversations', 'endpoints', 'commands'] as const;
export type StatsKind = (typeof STATS_KINDS)[number];

/** The Statistics dialog's views: the tables of stats:get, and the two charts with their own requests. */
export const STATS_VIEW_KINDS = [...STATS_KINDS, 'io-graph', 'timeline'] as const;
export type StatsViewKind = (typeof STATS_VIEW_KINDS)[number];
export const isStatsKind = (view: StatsViewKind): view is StatsKind => (STATS_KINDS as readonly string[]).includes(view);

/** A cell: numbers stay numbers (sortable, formatted by the window), null when not applicable. */
export type StatsCell = string | number | null;

export interface StatsColumn {
  /** Header text, with its unit when it has one ("Duration (s)"). */
  label: string;
  /** How the window shows numbers: counts with separators, identifiers (ports, stream numbers) as they are, decimals. */
  format?: 'integer' | 'id' | 'decimal';
  /** Decimals shown for a 'decimal' column (the cell keeps its full value for CSV). */
  digits?: number;
}

export interface StatsTable {
  title: string;
  columns: StatsColumn[];
  rows: StatsCell[][];
  /** A display filter per row ("filter on this"), same length as rows, when the table offers one. */
  rowFilters?: string[];
  /** Said under the title: e.g. that only the first rows are listed. */
  note?: string;
}

export interface StatsResponse {
  kind: StatsKind;
  tables: StatsTable[];
}

/** The table as CSV: a header row, then one line per row (CRLF, RFC 4180). */
export function statsTableCsv(table: StatsTable): string {
  const cell = (v: StatsCell) => (v === null ? '' : csvCell(v));
  const lines = [table.columns.map((c) => cell(c.label)).join(',')];
  for (const row of table.rows) lines.push(row.map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}
