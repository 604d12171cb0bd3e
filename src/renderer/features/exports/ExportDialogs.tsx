// The export dialog that is open, if any (App renders this once).

import { useAnalyzer } from '../../store/analyzer-state';
import { DissectionsDialog } from './DissectionsDialog';
import { useExportDialog } from './export-dialogs';
import { ObjectsDialog } from './ObjectsDialog';
import { TranscriptExportDialog } from './TranscriptExportDialog';

export function ExportDialogs() {
  const dialog = useExportDialog((d) => d.dialog);
  const close = useExportDialog((d) => d.close);
  const hasCapture = useAnalyzer((s) => s.hasCapture);
  if (!dialog || !hasCapture) return null;
  switch (dialog.kind) {
    case 'dissections': return <DissectionsDialog onClose={close} />;
    case 'objects': return <ObjectsDialog initial={dialog.index ?? 0} onClose={close} />;
    case 'transcript': return <TranscriptExportDialog session={dialog.session} onClose={close} />;
  }
}
