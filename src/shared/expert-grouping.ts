// Groups expert notes as Wireshark's Expert Information does: by severity and by message, the
// message's variable parts (byte counts, TrIDs, addresses, identifiers, quoted captured text)
// replaced, so 270 "1460 bytes missing…" notes become one group of 270 with their frames.
// Bounded: a hostile capture can write endless distinct messages, so groups and frames are capped
// while the counts stay exact.

import type { ExpertGroup, Severity } from './model';

/** Frames kept per group; its count goes on past them. */
export const EXPERT_GROUP_FRAMES = 1000;
/** Distinct groups kept; later kinds are counted in one "other kinds" group per severity. */
export const EXPERT_GROUP_LIMIT = 2000;
const SUMMARY_LENGTH = 160;

const VARIABLE_PARTS: Array<[RegExp, string]> = [
  [/"[^"]*"/g, '"…"'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, 'ID'],
  [/\[[0-9a-f:.]+\](?::\d+)?/gi, 'ADDR'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, 'ADDR'],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, 'ACCOUNT'],
  [/\b0x[0-9a-f]+\b/gi, 'N'],
  [/\b\d+(?:\.\d+)?\b/g, 'N'],
];

/** The message with its variable parts replaced; an error's leading MSNP error code names the error, so it stays. */
export function expertSummary(severity: Severity, message: string): string {
  const code = severity === 'error' ? /^\d{3} /.exec(message)?.[0] ?? '' : '';
  let rest = message.slice(code.length);
  for (const [pattern, placeholder] of VARIABLE_PARTS) rest = rest.replace(pattern, placeholder);
  const summary = code + rest;
  return summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH - 1)}…` : summary;
}

export class ExpertGrouper {
  private readonly groups = new Map<string, ExpertGroup>();

  constructor(private readonly limit = EXPERT_GROUP_LIMIT) {}

  add(frame: number, severity: Severity, message: string): void {
    let summary = expertSummary(severity, message);
    let key = `${severity}\u0000${summary}`;
    if (!this.groups.has(key) && this.groups.size >= this.limit) {
      summary = `Further kinds of ${severity}s (more than ${this.limit} kinds in all)`;
      key = `${severity}\u0000\u0000other`;
    }
    const group = this.groups.get(key);
    if (!group) {
      this.groups.set(key, { severity, summary, example: message, count: 1, frames: [frame] });
      return;
    }
    group.count++;
    if (group.frames.length < EXPERT_GROUP_FRAMES) group.frames.push(frame);
  }

  /** A copy: snapshots travel to other threads while notes keep arriving. */
  all(): ExpertGroup[] {
    return [...this.groups.values()].map((g) => ({ ...g, frames: g.frames.slice() }));
  }
}
