// One transfer's fate as a line of text, for the text and CSV reports (the Files tab says the
// same in its columns): "file-transfer "big.avi" (50000 bytes) alice → bob: stalled, 3600 of
// 50000 bytes, last data frame 30 at 10:00:03.015 (accepted by bob, 200 OK)".

import type { TransferRecord } from '../../shared/model';

const clock = (iso: string) => iso.slice(11, 23);

/** "accepted by bob@… (200 OK)", "declined by bob@… (603 Decline)". */
function stepText(word: string, step: { by: string | null; reason: string | null }): string {
  return `${word} by ${step.by ?? '?'}${step.reason ? ` (${step.reason})` : ''}`;
}

/** The fate and what led to it; `name` is given as the caller writes captured text (escaped or not). */
export function transferFateText(t: TransferRecord, name: string): string {
  const what = `${t.kind.replace(/-/g, ' ')}${t.name !== null ? ` "${name}"` : ''}${t.size !== null ? ` (${t.size} bytes)` : ''} ${t.from ?? '?'} → ${t.to ?? '?'}`;
  const size = t.size ?? '?';
  const steps: string[] = [];
  if (t.accepted) steps.push(stepText('accepted', t.accepted));
  if (t.declined) steps.push(stepText(t.fate === 'failed' ? 'refused' : 'declined', t.declined));
  if (t.cancelled) steps.push(stepText('cancelled', t.cancelled));
  let fate: string = t.fate;
  if (t.fate === 'confirmed' && t.confirmed) fate = `completed and confirmed by ${t.confirmed.by ?? '?'} (${t.confirmed.how}, frame ${t.confirmed.frame})`;
  else if (t.fate === 'completed') fate = 'completed (every byte seen), not confirmed';
  else if (t.received > 0 && !t.complete) fate = `${t.fate}, ${t.received} of ${size} bytes, last data frame ${t.lastDataFrame} at ${t.lastDataTime ? clock(t.lastDataTime) : '?'}`;
  return `${what}: ${fate}${steps.length ? ` [${steps.join('; ')}]` : ''} via ${t.via}${t.dataVia && t.dataVia !== t.via ? `, data via ${t.dataVia}` : ''}`;
}
