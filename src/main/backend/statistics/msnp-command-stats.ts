// Statistics → MSNP commands: how many times each verb was sent, in all and by the role of the
// connection that carried it; the error codes with their meaning (the engine's table); and the
// latency of each request verb's transactions (request → first reply with its TrID): min, median
// (the middle value, or the mean of the two middle ones), 95th percentile (nearest rank) and max.

import type { ConnectionRecord, Role } from '../../../shared/model';
import type { StatsTable } from '../../../shared/statistics';
import { errorMeaning } from '../../engine/msnp/error-codes';
import { isErrorCode } from '../../engine/analysis/transactions';
import type { MsnpCommandTally } from './msnp-command-tally';

const ROLES: readonly Role[] = ['dispatch', 'notification', 'switchboard', 'peer', 'unknown'];
/** Column headers of the roles (the connection roles of the JSON report, capitalised). */
export const ROLE_COLUMNS: Record<Role, string> = { dispatch: 'Dispatch', notification: 'Notification', switchboard: 'Switchboard', peer: 'Peer', unknown: 'Unknown role' };

export interface LatencySummary {
  count: number;
  minUs: number;
  medianUs: number;
  p95Us: number;
  maxUs: number;
}

export function latencySummary(values: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, minUs: sorted[0], medianUs: median, p95Us: sorted[Math.ceil(0.95 * n) - 1], maxUs: sorted[n - 1] };
}

const ms = (us: number) => Number((us / 1000).toFixed(3));

export function msnpCommandStats(tally: MsnpCommandTally, connections: readonly ConnectionRecord[]): StatsTable[] {
  const roleOf = new Map(connections.map((c) => [c.id, c.role]));
  const perVerb = new Map<string, Map<Role, number>>();
  for (const [connection, verbs] of tally.perConnection) {
    const role = roleOf.get(connection) ?? 'unknown';
    for (const [verb, count] of verbs) {
      let roles = perVerb.get(verb);
      if (!roles) perVerb.set(verb, (roles = new Map()));
      roles.set(role, (roles.get(role) ?? 0) + count);
    }
  }
  const roles = ROLES.filter((r) => [...perVerb.values()].some((m) => m.has(r)));
  const total = (m: Map<Role, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const verbs = [...perVerb.keys()].filter((v) => !isErrorCode(v)).sort();
  const errors = [...perVerb.keys()].filter(isErrorCode).sort();
  const commands: StatsTable = {
    title: 'Commands per verb and role',
    columns: [{ label: 'Verb' }, { label: 'Total', format: 'integer' }, ...roles.map((r) => ({ label: ROLE_COLUMNS[r], format: 'integer' as const }))],
    rows: verbs.map((v) => [v, total(perVerb.get(v)!), ...roles.map((r) => perVerb.get(v)!.get(r) ?? 0)]),
  };
  const errorTable: StatsTable = {
    title: 'Error codes',
    columns: [{ label: 'Code' }, { label: 'Meaning' }, { label: 'Count', format: 'integer' }, ...roles.map((r) => ({ label: ROLE_COLUMNS[r], format: 'integer' as const }))],
    rows: errors.map((e) => [e, errorMeaning(e) ?? 'unknown error code', total(perVerb.get(e)!), ...roles.map((r) => perVerb.get(e)!.get(r) ?? 0)]),
  };
  const latency: StatsTable = {
    title: 'Transaction latency (request → first reply)',
    columns: [
      { label: 'Request' }, { label: 'Transactions', format: 'integer' }, { label: 'Min (ms)', format: 'decimal', digits: 3 },
      { label: 'Median (ms)', format: 'decimal', digits: 3 }, { label: 'p95 (ms)', format: 'decimal', digits: 3 }, { label: 'Max (ms)', format: 'decimal', digits: 3 },
    ],
    rows: [...tally.latencies.keys()].sort().map((verb) => {
      const s = latencySummary(tally.latencies.get(verb)!);
      return [verb, s.count, ms(s.minUs), ms(s.medianUs), ms(s.p95Us), ms(s.maxUs)];
    }),
  };
  return [commands, errorTable, latency];
}
