// Saving the capture as pcapng or pcap (all frames, or those of MSNP connections, those displayed,
// a range of frame numbers: Wireshark's Export Specified Packets), exporting the analysis as JSON
// or CSV, packet dissections, recovered files (Export Objects) and transcripts. In Electron the back end asks where (a save dialog) and writes there;
// in the browser mode it writes into its own output directory and the file reaches the user as
// a download. Cancelling the Electron dialog is not an error.

import type { DissectionExportRequest, TranscriptFormat } from '../../shared/export-requests';
import type { AnalyzerApi, FlowExportRequest, SaveRequest } from '../../shared/ipc-contract';
import { outputName } from '../api/download-output';
import { formatCount } from '../format/time-format';
import type { AnalyzerStore } from '../store/analyzer-state';
import type { ActionSupport } from './action-support';

/** What Electron's main process answers when the user closes the save dialog. */
const CANCELLED = 'cancelled';

type Written = { ok: true; path: string } | { ok: false; error: string };

export function createOutputActions(api: AnalyzerApi, store: AnalyzerStore, { fail, attempt }: ActionSupport, download: (path: string) => void) {
  /** Tells the user where the file went (Electron), or starts its download (browser). */
  function deliver(answer: Written | undefined, what: string): void {
    if (!answer) return;
    if (!answer.ok) {
      if (answer.error !== CANCELLED) fail(answer.error);
      return;
    }
    if (api.mode === 'browser') {
      download(answer.path);
      store.getState().notify('info', `${what}: downloading ${outputName(answer.path)}`);
    } else {
      store.getState().notify('info', `${what} to ${answer.path}`);
    }
  }

  return {
    /** Saves all frames, or those the request selects (MSNP only, displayed, a range), as pcapng or pcap. */
    async saveCapture(request: SaveRequest): Promise<void> {
      const answer = await attempt('Save failed', () => api.request('capture:save', request));
      const only = request.msnpOnly && !request.displayedOnly && !request.range ? 'MSNP ' : '';
      const frames = answer?.ok ? `${formatCount(answer.frames)} ${only}frame${answer.frames === 1 ? '' : 's'}` : '';
      deliver(answer, `Saved ${frames}`);
    },
    /** A flow graph as SVG (written by the back end) or as the PNG the window drew. */
    async exportFlowGraph(request: FlowExportRequest): Promise<void> {
      const answer = await attempt('Export failed', () => api.request('flow:export', request));
      deliver(answer, `Flow graph exported as ${request.format.toUpperCase()}`);
    },
    async exportAnalysis(format: 'json' | 'csv'): Promise<void> {
      const answer = await attempt('Export failed', () => api.request('file:export', { format }));
      deliver(answer, `Analysis exported as ${format.toUpperCase()}`);
    },
    /** File → Export Packet Dissections: the packet list as CSV, or the details as text or JSON. */
    async exportDissections(request: DissectionExportRequest): Promise<void> {
      const answer = await attempt('Export failed', () => api.request('export:dissections', request));
      deliver(answer, answer?.ok ? `Exported ${formatCount(answer.frames)} packet${answer.frames === 1 ? '' : 's'}` : '');
    },
    /** Export Objects: recovered file `index`, or every one as a zip. */
    async exportObjects(index?: number): Promise<void> {
      const answer = await attempt('Saving the file failed', () => api.request('export:objects', index === undefined ? {} : { index }));
      deliver(answer, answer?.ok ? (index === undefined ? `Saved ${answer.files} file${answer.files === 1 ? '' : 's'} as a zip` : 'Saved the file') : '');
    },
    async exportTranscript(session: number, format: TranscriptFormat): Promise<void> {
      const answer = await attempt('Transcript export failed', () => api.request('export:transcript', { session, format }));
      deliver(answer, `Transcript of session ${session} exported`);
    },
    objectPreview: (index: number) => attempt('Could not show the file', () => api.request('objects:preview', { index })),
  };
}
