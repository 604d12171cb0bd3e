// Statistics → Endpoints, MSNP accounts: every account the analysis met (logged in on a connection,
// in a switchboard session, sending or receiving a file) with its connections, sessions, chat
// messages sent and received (received: a message in a session it took part in, from someone
// else), and files sent and received. Each row offers "filter on this": msnp.account == "…".

import { quoteFilterString } from '../../../shared/display-filter/filter-expression';
import type { AnalysisResult } from '../../../shared/model';
import type { StatsTable } from '../../../shared/statistics';
import { MAX_ENDPOINT_ROWS } from './endpoints';

interface AccountTally {
  account: string;
  connections: number;
  sessions: number;
  sent: number;
  received: number;
  filesSent: number;
  filesReceived: number;
}

type Sources = Pick<AnalysisResult, 'connections' | 'sessions' | 'files'>;

/** Accounts compare without case (as msnp.account does); the first spelling seen is shown. */
function tallies(result: Sources): AccountTally[] {
  const byKey = new Map<string, AccountTally>();
  const of = (account: string): AccountTally => {
    const key = account.toLowerCase();
    let t = byKey.get(key);
    if (!t) {
      t = { account, connections: 0, sessions: 0, sent: 0, received: 0, filesSent: 0, filesReceived: 0 };
      byKey.set(key, t);
    }
    return t;
  };
  for (const c of result.connections) if (c.account) of(c.account).connections++;
  for (const s of result.sessions) {
    const members = new Map<string, AccountTally>();
    for (const p of s.participants) members.set(p.account.toLowerCase(), of(p.account));
    for (const m of s.messages) if (!members.has(m.from.toLowerCase())) members.set(m.from.toLowerCase(), of(m.from));
    for (const m of s.messages) {
      const sender = m.from.toLowerCase();
      for (const [key, member] of members) {
        if (key === sender) member.sent++;
        else member.received++;
      }
    }
    for (const member of members.values()) member.sessions++;
  }
  for (const f of result.files) {
    if (f.from) of(f.from).filesSent++;
    if (f.to) of(f.to).filesReceived++;
  }
  return [...byKey.values()];
}

export function msnpAccounts(result: Sources | null): StatsTable {
  const all = result ? tallies(result) : [];
  all.sort((a, b) => b.sent + b.received - (a.sent + a.received) || b.connections - a.connections || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  const list = all.slice(0, MAX_ENDPOINT_ROWS);
  return {
    title: 'MSNP accounts',
    columns: [
      { label: 'Account' }, { label: 'Connections', format: 'integer' }, { label: 'Sessions', format: 'integer' },
      { label: 'Messages sent', format: 'integer' }, { label: 'Messages received', format: 'integer' },
      { label: 'Files sent', format: 'integer' }, { label: 'Files received', format: 'integer' },
    ],
    rows: list.map((t) => [t.account, t.connections, t.sessions, t.sent, t.received, t.filesSent, t.filesReceived]),
    rowFilters: list.map((t) => `msnp.account == ${quoteFilterString(t.account)}`),
    ...(all.length > list.length ? { note: `The ${list.length} most active of ${all.length} accounts` } : {}),
  };
}
