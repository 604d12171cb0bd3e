// Answers stats:get: the tables of one Statistics view, computed on request from the packet
// table, the analysis result and the command tally (a pass over the columns, no bytes read).

import type { AnalysisResult } from '../../../shared/model';
import type { StatsKind, StatsResponse, StatsTable } from '../../../shared/statistics';
import type { PacketTable } from '../packet-table';
import { captureProperties } from './capture-properties';
import { hostEndpoints } from './endpoints';
import { msnpAccounts } from './msnp-accounts';
import type { MsnpCommandTally } from './msnp-command-tally';
import { msnpCommandStats } from './msnp-command-stats';
import { protocolHierarchy } from './protocol-hierarchy';
import { tcpConversations } from './tcp-conversations';

export interface StatisticsSources {
  table: PacketTable;
  result: AnalysisResult | null;
  tally: MsnpCommandTally;
}

export function statistics(kind: StatsKind, { table, result, tally }: StatisticsSources): StatsResponse {
  const connections = result?.connections ?? [];
  let tables: StatsTable[];
  switch (kind) {
    case 'properties':
      tables = captureProperties(table, result?.captures ?? []);
      break;
    case 'hierarchy':
      tables = protocolHierarchy(table, connections);
      break;
    case 'conversations':
      tables = tcpConversations(table, connections);
      break;
    case 'endpoints':
      tables = [...hostEndpoints(table), msnpAccounts(result)];
      break;
    case 'commands':
      tables = msnpCommandStats(tally, connections);
      break;
  }
  return { kind, tables };
}
