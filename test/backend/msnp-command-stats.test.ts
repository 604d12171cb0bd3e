// MSNP command statistics on a hand-built capture whose answers are known by construction:
// three notification connections whose requests are answered after 12, 30, 5, 40 and 100 ms, one
// answer an error (911), and a switchboard connection. Latency per request verb is min, median,
// p95 (nearest rank) and max of its first replies; counts are per verb and per connection role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latencySummary, ROLE_COLUMNS } from '../../src/main/backend/statistics/msnp-command-stats';
import { statsTableCsv } from '../../src/shared/statistics';
import { buildPcap, tcpConversation, writeTempCapture, type ConversationMessage } from '../helpers/capture-builder';
import { realAnalysisSession } from '../helpers/real-session';

const T0 = Date.UTC(2006, 2, 23, 12) * 1000;
const at = (ms: number) => T0 + ms * 1000;
const client = (payload: string, ms: number): ConversationMessage => ({ from: 'client', payload, tsUs: at(ms) });
const server = (payload: string, ms: number): ConversationMessage => ({ from: 'server', payload, tsUs: at(ms) });
const ns = (port: number, messages: ConversationMessage[]) =>
  tcpConversation({ client: { ip: '10.0.0.1', port }, server: { ip: '10.0.0.2', port: 1863 }, messages, startTsUs: messages[0].tsUs! - 10_000, fin: false });

const frames = [
  ...ns(1025, [
    client('VER 1 MSNP8 CVR0\r\n', 1000), server('VER 1 MSNP8 CVR0\r\n', 1012),
    client('CVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS alice@example.com\r\n', 1020),
    server('CVR 2 5.0.0544 5.0.0544 1.0.0000 http://download.example.com http://www.example.com\r\n', 1050),
    client('USR 3 MD5 I alice@example.com\r\n', 1060), server('911 3\r\n', 1065),
  ]),
  ...ns(1026, [client('VER 1 MSNP8 CVR0\r\n', 2000), server('VER 1 MSNP8 CVR0\r\n', 2040)]),
  ...ns(1027, [client('VER 1 MSNP8 CVR0\r\n', 3000), server('VER 1 MSNP8 CVR0\r\n', 3100)]),
  ...tcpConversation({
    client: { ip: '10.0.0.1', port: 1028 }, server: { ip: '10.0.0.3', port: 1863 }, startTsUs: at(3990), fin: false,
    messages: [client('USR 1 alice@example.com 17262740.1050826919.32308\r\n', 4000), server('USR 1 OK alice@example.com Alice\r\n', 4008)],
  }),
].sort((a, b) => a.tsUs - b.tsUs);

describe('MSNP command statistics', () => {
  const session = realAnalysisSession();
  beforeAll(() => session.load([writeTempCapture(buildPcap(frames), 'latency.pcap')], 'latency.pcap', {}));
  afterAll(() => session.dispose());

  it('latency per request verb: min, median, p95 and max of the first replies', () => {
    const latency = session.statistics('commands').tables[2];
    expect(latency.rows).toEqual([
      ['CVR', 1, 30, 30, 30, 30],
      ['USR', 2, 5, 6.5, 8, 8],
      ['VER', 3, 12, 40, 100, 100],
    ]);
  });

  it('counts per verb and per role, error codes with their meaning', () => {
    const [commands, errors] = session.statistics('commands').tables;
    const roles = new Map(session.result()!.connections.map((c) => [c.client, c.role]));
    const nsRole = roles.get('10.0.0.1:1025')!;
    const sbRole = roles.get('10.0.0.1:1028')!;
    expect(sbRole).toBe('switchboard');
    const row = (verb: string) => commands.rows.find((r) => r[0] === verb)!;
    const roleColumn = (role: keyof typeof ROLE_COLUMNS) => commands.columns.findIndex((c) => c.label === ROLE_COLUMNS[role]);
    expect(row('VER')[1]).toBe(6);
    expect(row('VER')[roleColumn(nsRole)]).toBe(6);
    expect(row('USR')[1]).toBe(3);
    expect(row('USR')[roleColumn(sbRole)]).toBe(2);
    expect(row('CVR')[1]).toBe(2);
    expect(errors.rows).toEqual([['911', 'authentication failed', 1, ...errors.columns.slice(3).map((c) => (c.label === ROLE_COLUMNS[nsRole] ? 1 : 0))]]);
  });

  it('copies a table as CSV', () => {
    const latency = session.statistics('commands').tables[2];
    expect(statsTableCsv(latency).split('\r\n').slice(0, 2)).toEqual(['Request,Transactions,Min (ms),Median (ms),p95 (ms),Max (ms)', 'CVR,1,30,30,30,30']);
  });
});

describe('latencySummary', () => {
  it.each([
    [[7], { count: 1, minUs: 7, medianUs: 7, p95Us: 7, maxUs: 7 }],
    [[4, 1, 3, 2], { count: 4, minUs: 1, medianUs: 2.5, p95Us: 4, maxUs: 4 }],
    // 20 values 1…20: nearest rank of 95 % is the 19th.
    [Array.from({ length: 20 }, (_, i) => 20 - i), { count: 20, minUs: 1, medianUs: 10.5, p95Us: 19, maxUs: 20 }],
  ])('%j', (values, expected) => {
    expect(latencySummary(values)).toEqual(expected);
  });
});
