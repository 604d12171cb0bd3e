// Shared for golden tests: analyse a real capture once per file and pick records out of it.
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import type { AnalysisResult } from '../../src/shared/model';

export async function analyze(path: string, showSecrets = false): Promise<AnalysisResult> {
  return (await analyzeCaptureFiles([path], { showSecrets })).result;
}

/** "1795435470.389089" (tshark frame.time_epoch) → the ISO form our reports use. */
export function isoFromEpoch(epoch: string): string {
  const [s, frac = ''] = epoch.split('.');
  return new Date(Number(s) * 1000).toISOString().slice(0, 19) + '.' + frac.padEnd(6, '0').slice(0, 6) + 'Z';
}
