// Writes the analysis as a JSON or CSV report inside the worker, which holds the result: the
// main side never keeps a copy of a result that may be hundreds of megabytes.

import { writeFile } from 'node:fs/promises';
import type { AnalysisResult } from '../../shared/model';
import { csvReport } from '../report/csv-report';
import { jsonReport } from '../report/json-report';

export async function exportReport(result: AnalysisResult | null, format: 'json' | 'csv', path: string): Promise<void> {
  if (!result) throw new Error('nothing to export: no capture is open');
  await writeFile(path, format === 'json' ? jsonReport(result) : csvReport(result));
}
