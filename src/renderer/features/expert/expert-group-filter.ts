// Which expert groups the Expert tab shows, and in which order: errors first, then warnings,
// then notes, the largest groups first within a severity (as Wireshark's Expert Information).

import type { ExpertGroup, Severity } from '../../../shared/model';

export type SeverityChoice = Severity | 'all';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** The groups of `severity` whose summary or example contains `text` (case-insensitive), sorted. */
export function shownExpertGroups(groups: readonly ExpertGroup[], severity: SeverityChoice, text: string): ExpertGroup[] {
  const needle = text.trim().toLowerCase();
  return groups
    .filter((g) => (severity === 'all' || g.severity === severity)
      && (needle === '' || g.summary.toLowerCase().includes(needle) || g.example.toLowerCase().includes(needle)))
    .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || b.count - a.count);
}

/** Notes per severity (every group counted, whatever the filter). */
export function notesBySeverity(groups: readonly ExpertGroup[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const g of groups) if (g.severity in counts) counts[g.severity] += g.count;
  return counts;
}
