// Export Objects → MSN files (Wireshark's Export Objects for this protocol): the files the
// analysis rebuilt, with name, size, SHA-1, sender, receiver and whether every byte was seen, and
// a name that may lie flagged ⚠ with the reason. Select one (click, ↑/↓) to view it inline (ObjectViewer);
// Save writes it (the bytes seen, under its --extract name), Save all writes a zip of them all.

import { useState, type KeyboardEvent } from 'react';
import type { FileRecord } from '../../../shared/model';
import { useActions } from '../../app/analyzer-context';
import { CapturedText } from '../../components/CapturedText';
import { formatSize } from '../../format/time-format';
import { useAnalyzer } from '../../store/analyzer-state';
import { ExportDialogFrame } from './ExportDialogFrame';
import { ObjectViewer } from './ObjectViewer';

const NO_FILES: FileRecord[] = [];

/** ↑/↓ select the previous/next file and move the focus with it; Enter or Space selects the focused one. */
function rowKeys(e: KeyboardEvent<HTMLTableRowElement>, onSelect: () => void): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    onSelect();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const next = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLTableRowElement | null;
    next?.focus();
    next?.click();
  }
}

function FileRow({ file, selected, onSelect }: { file: FileRecord; selected: boolean; onSelect(): void }) {
  return (
    <tr
      className={`${selected ? 'selected' : ''}${file.complete ? '' : ' incomplete'}`}
      data-testid="object-row"
      data-autofocus={selected ? '' : undefined}
      aria-selected={selected}
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={(e) => rowKeys(e, onSelect)}
    >
      <td>{file.frame}</td>
      <td className="object-name">
        {file.nameWarning ? <span className="name-warning" title={file.nameWarning} aria-label="Spoofed file name">⚠ </span> : null}
        <CapturedText text={file.name} />
      </td>
      <td className="numeric">{formatSize(file.size)}</td>
      <td className="object-sha1">{file.sha1 ?? '—'}</td>
      <td><CapturedText text={file.from ?? '?'} /></td>
      <td><CapturedText text={file.to ?? '?'} /></td>
      <td>{file.complete ? 'yes' : `no (${formatSize(file.received ?? 0)})`}</td>
    </tr>
  );
}

export function ObjectsDialog({ initial, onClose }: { initial: number; onClose(): void }) {
  const actions = useActions();
  const files = useAnalyzer((s) => s.result?.files ?? NO_FILES);
  const [selected, setSelected] = useState<number | null>(files.length > initial ? initial : files.length > 0 ? 0 : null);
  const [busy, setBusy] = useState(false);
  const file = selected === null ? null : files[selected] ?? null;

  async function save(index?: number): Promise<void> {
    setBusy(true);
    try {
      await actions.exportObjects(index);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ExportDialogFrame
      title="Export Objects — MSN files"
      testId="objects-dialog"
      wide
      onClose={onClose}
      buttons={
        <>
          <button type="button" className="tool-button primary" data-testid="objects-save" disabled={busy || !file} onClick={() => void save(selected ?? undefined)}>Save…</button>
          <button type="button" className="tool-button" data-testid="objects-save-all" disabled={busy || files.length === 0} onClick={() => void save()}>Save all (zip)…</button>
        </>
      }
    >
      {files.length === 0 ? (
        <div className="object-none">No files were transferred in this capture.</div>
      ) : (
        <div className="objects-layout">
          <div className="objects-list">
            <table className="stats-table objects-table" aria-label="Recovered files">
              <thead>
                <tr><th>Frame</th><th>Name</th><th>Size</th><th>SHA-1</th><th>From</th><th>To</th><th>Complete</th></tr>
              </thead>
              <tbody>
                {files.map((f, i) => <FileRow key={i} file={f} selected={i === selected} onSelect={() => setSelected(i)} />)}
              </tbody>
            </table>
            {file?.nameWarning && <p className="object-warning" data-testid="object-warning">⚠ <CapturedText text={file.nameWarning} /></p>}
          </div>
          {selected !== null && file && (
            <div className="object-pane">
              <div className="object-caption" data-testid="object-caption"><CapturedText text={file.name} /> · {formatSize(file.size)}{file.complete ? '' : ' · incomplete'}</div>
              <ObjectViewer index={selected} />
            </div>
          )}
        </div>
      )}
    </ExportDialogFrame>
  );
}
