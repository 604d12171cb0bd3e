// One statistics table as an HTML table (it is its own textual form), with "Copy as CSV" and, for
// tables that offer one, a "Filter on this" button per row. Text cells can come off the wire
// (verbs, file names): they are shown as captured text.

import { useState } from 'react';
import type { StatsCell, StatsColumn, StatsTable } from '../../../shared/statistics';
import { CapturedText } from '../../components/CapturedText';
import { formatCount } from '../../format/time-format';

function cellText(value: StatsCell, column: StatsColumn) {
  if (value === null) return <span className="stats-none">—</span>;
  if (typeof value === 'number') {
    if (column.format === 'integer') return formatCount(value);
    return column.format === 'decimal' && column.digits !== undefined ? value.toFixed(column.digits) : String(value);
  }
  return <CapturedText text={value} />;
}

/** `onCopy` resolves true once the clipboard has the CSV: the button says so (the dialog covers the notices). */
/** `maxShownRows` bounds the HTML rows of a long table (a chart's intervals); the CSV has them all. */
export function StatsTableView({ table, onCopy, onFilter, maxShownRows = Infinity }: { table: StatsTable; onCopy(table: StatsTable): Promise<boolean>; onFilter(filter: string): void; maxShownRows?: number }) {
  const filters = table.rowFilters;
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    if (!(await onCopy(table))) return;
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <section className="stats-table-section" aria-label={table.title}>
      <div className="stats-table-head">
        <h3 className="section-title">{table.title} <span className="section-count">{formatCount(table.rows.length)}</span></h3>
        <button type="button" className="tool-button" data-testid="stats-copy-csv" onClick={() => void copy()} title="Copy this table to the clipboard as CSV">
          {copied ? `Copied ${formatCount(table.rows.length)} rows` : 'Copy as CSV'}
        </button>
      </div>
      {table.note && <p className="stats-note">{table.note}</p>}
      {table.rows.length > maxShownRows && <p className="stats-note">The first {formatCount(maxShownRows)} rows are shown; Copy as CSV copies all {formatCount(table.rows.length)}.</p>}
      <div className="stats-table-scroll">
        <table className="stats-table" data-testid="stats-table">
          <thead>
            <tr>
              {filters && <th scope="col"><span className="visually-hidden">Filter</span></th>}
              {table.columns.map((c) => <th key={c.label} scope="col" className={c.format ? 'numeric' : undefined}>{c.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, maxShownRows).map((row, i) => (
              <tr key={i} data-testid="stats-row">
                {filters && (
                  <td className="stats-action">
                    <button type="button" className="link-button" data-testid="stats-filter-on-this" onClick={() => onFilter(filters[i])} title={`Apply the display filter ${filters[i]}`}>
                      Filter on this
                    </button>
                  </td>
                )}
                {row.map((value, j) => (
                  <td key={j} data-testid="stats-cell" className={table.columns[j]?.format ? 'numeric' : 'text'}>{cellText(value, table.columns[j] ?? { label: '' })}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {table.rows.length === 0 && <div className="grid-empty">Nothing in this capture.</div>}
      </div>
    </section>
  );
}
