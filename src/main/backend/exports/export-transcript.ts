// Writes one session's transcript as text, HTML or JSON (src/main/report/transcript/), inside the
// worker that holds the analysis.

import { writeFile } from 'node:fs/promises';
import type { TranscriptFormat } from '../../../shared/export-requests';
import type { AnalysisResult } from '../../../shared/model';
import { transcriptHtml } from '../../report/transcript/transcript-html';
import { transcriptJson } from '../../report/transcript/transcript-json';
import { transcriptText } from '../../report/transcript/transcript-text';

const WRITERS = { text: transcriptText, html: transcriptHtml, json: transcriptJson } as const;

export async function exportTranscript(result: AnalysisResult | null, sessionId: number, format: TranscriptFormat, path: string): Promise<void> {
  const session = result?.sessions.find((s) => s.id === sessionId);
  if (!session) throw new Error(`no session ${sessionId} in this capture`);
  await writeFile(path, WRITERS[format](session), { mode: 0o600 });
}
