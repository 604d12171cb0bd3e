// How a case ended, as the parent classifies it: `ok` (a result, and a sane one), `clean-error`
// (the reader's CaptureFormatError: "not a capture", the CLI's exit code 2), `crash` (any other
// exception, an insane result, or the child dying), `hang` (no answer within the time limit) and
// `oom` (the heap limit or the memory cap reached).

export type OutcomeKind = 'ok' | 'clean-error' | 'crash' | 'hang' | 'oom';

export const FAILING: ReadonlySet<OutcomeKind> = new Set(['crash', 'hang', 'oom']);

/** The parts of a result a regression can assert on. */
export interface ResultSummary {
  frames: number;
  damage: string | null;
  commandCounts: Record<string, number>;
  connections: number;
  messages: number;
  files: number;
  expert: number;
}

export interface CaseOutcome {
  kind: OutcomeKind;
  /** Error message and stack, the sanity problem, or why the child was stopped. */
  detail: string;
  summary?: ResultSummary;
  ms: number;
}

/**
 * What makes two failures "the same" for the minimiser: the kind, and for a crash its first
 * message line with numbers blanked (offsets and sizes change as the input shrinks).
 */
export function failureSignature(o: Pick<CaseOutcome, 'kind' | 'detail'>): string {
  if (o.kind !== 'crash') return o.kind;
  return `crash:${(o.detail.split('\n')[0] ?? '').replace(/\d+/g, 'N')}`;
}
