// The analyze command: run the engine over capture files and print a report.

import { writeFile } from 'node:fs/promises';
import { analyzeCaptureFiles } from '../engine/analyze-files';
import { csvReport } from '../report/csv-report';
import { jsonReport } from '../report/json-report';
import { textReport } from '../report/text-report';
import { extractFiles } from './extract-files';

export interface AnalyzeCommandOptions {
  paths: string[];
  format: 'json' | 'text' | 'csv';
  showSecrets: boolean;
  extractDir: string | null;
  msnpPorts?: number[];
  heuristics: boolean;
  /** The engine's memory budget (default 512 MiB). */
  memoryBudgetBytes?: number;
  output: string | null;
}

export async function analyzeCommand(o: AnalyzeCommandOptions): Promise<number> {
  const { result, analyzer } = await analyzeCaptureFiles(o.paths, {
    showSecrets: o.showSecrets,
    msnpPorts: o.msnpPorts,
    heuristics: o.heuristics,
    memoryBudgetBytes: o.memoryBudgetBytes,
  });
  if (o.extractDir) {
    const n = await extractFiles(result, o.extractDir, (i) => analyzer.fileBytes(i));
    process.stderr.write(`msnp-analyzer: ${n} file(s) written to ${o.extractDir}\n`);
  }
  for (const c of result.captures) {
    if (c.damage) process.stderr.write(`msnp-analyzer: ${c.path}: damaged at offset ${c.damage.offset}: ${c.damage.message} (analysed up to there)\n`);
  }
  const report = o.format === 'json' ? jsonReport(result) : o.format === 'csv' ? csvReport(result) : textReport(result);
  if (o.output) await writeFile(o.output, report);
  else await new Promise<void>((resolve, reject) => process.stdout.write(report, (e) => (e ? reject(e) : resolve())));
  return 0;
}
