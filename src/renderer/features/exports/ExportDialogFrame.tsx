// The frame every export dialog shares: a modal over the window with a title, a body and a row of
// buttons; Escape or a press outside closes it.

import { useRef, type ReactNode } from 'react';
import { useDismiss } from '../../components/use-dismiss';

export function ExportDialogFrame({ title, testId, onClose, children, buttons, wide }: { title: string; testId: string; onClose(): void; children: ReactNode; buttons: ReactNode; wide?: boolean }) {
  const root = useRef<HTMLDivElement>(null);
  useDismiss(true, onClose, root, '[data-autofocus]');
  return (
    <div className="stats-overlay">
      <div className={`export-dialog${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} ref={root} data-testid={testId}>
        <div className="export-dialog-title">{title}</div>
        <div className="export-dialog-body">{children}</div>
        <div className="export-dialog-buttons">
          {buttons}
          <button type="button" className="tool-button" data-testid="export-dialog-close" onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}
